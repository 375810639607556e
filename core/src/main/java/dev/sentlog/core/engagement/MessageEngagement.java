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

    private final Map<Integer, DeviceEngagement> byRow;

    private MessageEngagement(Map<Integer, DeviceEngagement> byRow) {
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
        Map<Integer, EnumMap<FeedbackKind, Reaction>> rows = new TreeMap<>();
        for (FeedbackEvent e : Checks.copyWithoutNulls(events, "events")) {
            rows.computeIfAbsent(e.row(), r -> new EnumMap<>(FeedbackKind.class)).merge(e.kind(),
                    new Reaction(e.kind(), e.at(), e.at(), 1), MessageEngagement::merge);
        }
        if (rows.isEmpty()) {
            return NONE;
        }
        Map<Integer, DeviceEngagement> byRow = new TreeMap<>();
        rows.forEach((row, reactions) -> byRow.put(row, new DeviceEngagement(row, new ArrayList<>(reactions.values()))));
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
     * @param row the device's row in the message (recipient-list order)
     * @return its engagement; empty when it has no feedback
     */
    public Optional<DeviceEngagement> device(int row) {
        return Optional.ofNullable(byRow.get(row));
    }

    /**
     * The devices with feedback, in row order.
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
