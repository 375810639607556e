package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.message.MessageStatus;

/** A cancel of a message that is neither Waiting nor In-Progress (SPEC C1); names the status. */
public class MessageNotCancelableException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final MessageStatus status;

    /**
     * Creates the exception.
     *
     * @param messageId the message
     * @param status    its status
     */
    public MessageNotCancelableException(String messageId, MessageStatus status) {
        super("message " + messageId + " is " + status.label()
                + "; only Waiting and In-Progress messages can be canceled");
        this.messageId = messageId;
        this.status = status;
    }

    /** The message. */
    public String messageId() {
        return messageId;
    }

    /** Its status when the cancel was refused. */
    public MessageStatus status() {
        return status;
    }
}
