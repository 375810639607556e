package dev.sentlog.core.engagement;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.FeedbackKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engagement of one message's devices (SPEC H5): for each device with feedback, its reactions.
 * Built from the events a store recorded; devices without feedback have none. Immutable.
 */
public final class MessageEngagement {

    private static final MessageEngagement NONE = new MessageEngagement(Map.of());

    /** A device's place in the recipient list, ordered by entry then device. */
    private record Place(int entry, int device) implements Comparable<Place> {
        @Override
        public int compareTo(Place o) {
            return entry != o.entry ? Integer.compare(entry, o.entry) : Integer.compare(device, o.device);
        }
    }

    private final Map<Place, DeviceEngagement> byRow;

    private MessageEngagement(Map<Place, DeviceEngagement> byRow) {
        this.byRow = byRow;
    }

    /**
     * No feedback on any device.
     *
     * @return the empty engagement
     */
    public static MessageEngagement none() {
        return NONE;
    }

    /**
     * Summarises recorded events: per device and kind, the first and last time and the number of
     * events.
     *
     * @param events the events, any order
     * @return the engagement
     * @throws NullPointerException when events or one of them is null
     */
    public static MessageEngagement of(List<FeedbackEvent> events) {
        Map<Place, EnumMap<FeedbackKind, Reaction>> rows = new TreeMap<>();
        for (FeedbackEvent e : Checks.copyWithoutNulls(events, "events")) {
            rows.computeIfAbsent(new Place(e.entry(), e.device()), r -> new EnumMap<>(FeedbackKind.class))
                    .merge(e.kind(), new Reaction(e.kind(), e.at(), e.at(), 1), MessageEngagement::merge);
        }
        if (rows.isEmpty()) {
            return NONE;
        }
        Map<Place, DeviceEngagement> byRow = new TreeMap<>();
        rows.forEach((place, reactions) -> byRow.put(place, new DeviceEngagement(place.entry(), place.device(),
                new ArrayList<>(reactions.values()))));
        return new MessageEngagement(Collections.unmodifiableMap(byRow));
    }

    private static Reaction merge(Reaction a, Reaction b) {
        Instant first = a.firstAt().isAfter(b.firstAt()) ? b.firstAt() : a.firstAt();
        Instant last = a.lastAt().isBefore(b.lastAt()) ? b.lastAt() : a.lastAt();
        return new Reaction(a.kind(), first, last, a.count() + b.count());
    }

    /**
     * The engagement of one device.
     *
     * @param entry  the device's recipient entry index in the message
     * @param device the device's index inside its entry
     * @return its engagement; empty when it has no feedback
     */
    public Optional<DeviceEngagement> device(int entry, int device) {
        return Optional.ofNullable(byRow.get(new Place(entry, device)));
    }

    /**
     * The devices with feedback, in recipient-list order.
     *
     * @return their engagement
     */
    public List<DeviceEngagement> devices() {
        return List.copyOf(byRow.values());
    }

    /**
     * Whether no device has feedback.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return byRow.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MessageEngagement m && byRow.equals(m.byRow);
    }

    @Override
    public int hashCode() {
        return byRow.hashCode();
    }

    @Override
    public String toString() {
        return "MessageEngagement" + byRow.values();
    }
}
