package dev.sentlog.core.message;

import dev.sentlog.core.SentlogException;

/** A refused message status transition (SPEC M2); names the message and both statuses. */
public class IllegalTransitionException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final MessageStatus from;
    private final MessageStatus to;

    /**
     * Creates the exception.
     *
     * @param messageId the message
     * @param from      its current status
     * @param to        the refused status
     */
    public IllegalTransitionException(String messageId, MessageStatus from, MessageStatus to) {
        super("message " + messageId + " cannot move from " + from.label() + " to " + to.label()
                + (from.isFinal() ? " (" + from.label() + " is final)" : ""));
        this.messageId = messageId;
        this.from = from;
        this.to = to;
    }

    /** The message whose transition was refused. */
    public String messageId() {
        return messageId;
    }

    /** The status the message is in. */
    public MessageStatus from() {
        return from;
    }

    /** The status that was refused. */
    public MessageStatus to() {
        return to;
    }
}
