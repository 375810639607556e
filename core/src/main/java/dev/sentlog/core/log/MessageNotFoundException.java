package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;

/**
 * No message with this id exists for the caller: it was never recorded, or it is outside the
 * caller's scope, or it is a scheduler-created message not yet visible. The three cases are
 * indistinguishable by type and text (SPEC T4, V2).
 */
public class MessageNotFoundException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;

    /**
     * Creates the exception.
     *
     * @param messageId the id asked for
     */
    public MessageNotFoundException(String messageId) {
        super("no message with id " + messageId + " in the Sent Message Log");
        this.messageId = messageId;
    }

    /** The id asked for. */
    public String messageId() {
        return messageId;
    }
}
