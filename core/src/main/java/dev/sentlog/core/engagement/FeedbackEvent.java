package dev.sentlog.core.engagement;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.FeedbackKind;
import java.time.Instant;
import java.util.Comparator;

/**
 * One recorded feedback of one device of a message (SPEC H5), as a store keeps it: the same
 * (row, kind, event id) is recorded once.
 *
 * @param row     the device's row in the message (recipient-list order)
 * @param kind    what the recipient did
 * @param eventId the provider's event id, non-blank
 * @param at      when the provider observed it
 */
public record FeedbackEvent(int row, FeedbackKind kind, String eventId, Instant at) {

    /** The order stores answer events in: row, kind, time, event id. */
    public static final Comparator<FeedbackEvent> ORDER = Comparator.comparingInt(FeedbackEvent::row)
            .thenComparing(FeedbackEvent::kind).thenComparing(FeedbackEvent::at)
            .thenComparing(FeedbackEvent::eventId);

    /**
     * Validates the event.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the row is negative or the event id blank
     */
    public FeedbackEvent {
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonBlank(eventId, "eventId");
        Checks.requireNonNull(at, "at");
        Checks.requireArgument(row >= 0, "the row of %s feedback %s is negative: %d", kind, eventId, row);
    }
}
