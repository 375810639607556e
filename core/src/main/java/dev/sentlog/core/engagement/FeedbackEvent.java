package dev.sentlog.core.engagement;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.FeedbackKind;
import java.time.Instant;
import java.util.Comparator;

/**
 * One recorded feedback of one device of a message (SPEC H5), as a store keeps it: the same
 * (entry, device, kind, event id) is recorded once.
 *
 * @param entry   the device's recipient entry index in the message
 * @param device  the device's index inside its entry
 * @param kind    what the recipient did
 * @param eventId the provider's event id, non-blank
 * @param at      when the provider observed it
 */
public record FeedbackEvent(int entry, int device, FeedbackKind kind, String eventId, Instant at) {

    /** The order stores answer events in: entry, device, kind, time, event id. */
    public static final Comparator<FeedbackEvent> ORDER = Comparator.comparingInt(FeedbackEvent::entry)
            .thenComparingInt(FeedbackEvent::device)
            .thenComparing(FeedbackEvent::kind).thenComparing(FeedbackEvent::at)
            .thenComparing(FeedbackEvent::eventId);

    /**
     * Validates the event.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when an index is negative or the event id blank
     */
    public FeedbackEvent {
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonBlank(eventId, "eventId");
        Checks.requireNonNull(at, "at");
        Checks.requireArgument(entry >= 0 && device >= 0, "the device of %s feedback %s is at a negative index: "
                + "entry %d, device %d", kind, eventId, entry, device);
    }
}
