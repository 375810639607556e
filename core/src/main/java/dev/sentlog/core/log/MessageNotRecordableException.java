package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;

/**
 * A message handed to {@link SentMessageLog#record} that is not a new send: its status is not
 * Waiting or a device already has an outcome.
 */
public class MessageNotRecordableException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;

    /**
     * Creates the exception.
     *
     * @param messageId the message
     * @param problem   what is wrong
     */
    public MessageNotRecordableException(String messageId, String problem) {
        super("message " + messageId + " cannot be recorded as a new send: " + problem);
        this.messageId = messageId;
    }

    /** The message. */
    public String messageId() {
        return messageId;
    }
}
