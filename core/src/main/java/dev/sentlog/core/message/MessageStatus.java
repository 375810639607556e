package dev.sentlog.core.message;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a message (SPEC M1) and its allowed transitions (M2).
 *
 * <pre>
 * Waiting     → In-Progress | Canceled
 * In-Progress → Sent | Error | Failed | Canceled IP
 * Error       → Sent | Failed | Error (refresh) | Canceled IP
 * Canceled, Canceled IP, Sent, Failed: final
 * </pre>
 */
public enum MessageStatus {
    /** Canceled before delivery began. */
    CANCELED("Canceled"),
    /** Canceled after delivery had started. */
    CANCELED_IP("Canceled IP"),
    /** Every device handed to a provider has a final outcome (SPEC M3); not "all succeeded". */
    SENT("Sent"),
    /** The provider did not return every device status within the reporting window (SPEC M4). */
    ERROR("Error"),
    /** The message could not be handed to a provider at all (SPEC M5). */
    FAILED("Failed"),
    /** Delivery is running. */
    IN_PROGRESS("In-Progress"),
    /** Scheduled; delivery has not started. */
    WAITING("Waiting");

    private final String label;

    MessageStatus(String label) {
        this.label = label;
    }

    /** The label people read, e.g. {@code "Canceled IP"} (SPEC M1). */
    public String label() {
        return label;
    }

    /**
     * The statuses this one may move to (SPEC M2).
     *
     * @return an unmodifiable set; empty for a final status
     */
    public Set<MessageStatus> successors() {
        switch (this) {
            case WAITING:
                return Collections.unmodifiableSet(EnumSet.of(IN_PROGRESS, CANCELED));
            case IN_PROGRESS:
                return Collections.unmodifiableSet(EnumSet.of(SENT, ERROR, FAILED, CANCELED_IP));
            case ERROR:
                return Collections.unmodifiableSet(EnumSet.of(SENT, FAILED, ERROR, CANCELED_IP));
            default:
                return Collections.emptySet();
        }
    }

    /** Whether no transition leaves this status (Canceled, Canceled IP, Sent, Failed). */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    /**
     * Whether the move to {@code next} is allowed (SPEC M2).
     *
     * @param next the proposed status
     * @return true when allowed
     */
    public boolean canMoveTo(MessageStatus next) {
        return successors().contains(next);
    }

    /**
     * Checks a transition.
     *
     * @param messageId the message, for the error
     * @param next      the proposed status
     * @return {@code next}
     * @throws IllegalTransitionException naming both statuses when the move is not allowed
     */
    public MessageStatus moveTo(String messageId, MessageStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(messageId, this, next);
        }
        return next;
    }

    /** Whether a message in this status can be canceled (SPEC C1: Waiting or In-Progress). */
    public boolean isCancelable() {
        return this == WAITING || this == IN_PROGRESS;
    }
}
