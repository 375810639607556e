package dev.sentlog.core.live;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.totals.DeliverySummary;

/**
 * One event of a subscription (SPEC E4): a message's status and Delivery Summary as they are after a
 * change, numbered.
 *
 * <p>Sequence numbers count the changes the log published for the message: a subscriber sees them
 * strictly increasing, each change once. They are consecutive unless the subscriber fell behind; it
 * is then sent one {@link Kind#OVERFLOW} event carrying the newest state instead of the changes it
 * missed.
 *
 * @param messageId the message
 * @param sequence  the number of the change this event shows (0 before the first change published)
 * @param kind      what the event is
 * @param status    the message status after the change
 * @param summary   the Delivery Summary after the change (D4-D6, E3)
 */
public record MessageChange(String messageId, long sequence, Kind kind, MessageStatus status,
                            DeliverySummary summary) {

    /** What an event is. */
    public enum Kind {
        /** The state when the subscription started, or when the host asked for it: the first event. */
        CURRENT,
        /** The state after one change. */
        CHANGED,
        /**
         * The subscriber fell behind and missed changes; this is the newest state. Later events follow
         * as usual.
         */
        OVERFLOW
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the sequence is negative
     */
    public MessageChange {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(status, "status");
        Checks.requireNonNull(summary, "summary");
        Checks.requireArgument(sequence >= 0, "sequence is negative: %d", sequence);
    }

    /**
     * The same state as another kind of event.
     *
     * @param other the kind
     * @return the copy
     */
    MessageChange as(Kind other) {
        return new MessageChange(messageId, sequence, other, status, summary);
    }

    /** Whether this event shows the same state as another (status and summary). */
    boolean sameState(MessageChange other) {
        return other != null && status == other.status && summary.equals(other.summary);
    }
}
