package dev.sentlog.core.store;

import dev.sentlog.core.SentlogException;

/** A message with the same id is already stored. */
public class DuplicateMessageException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;

    /**
     * Creates the exception.
     *
     * @param messageId the id already stored
     */
    public DuplicateMessageException(String messageId) {
        super("message " + messageId + " is already recorded");
        this.messageId = messageId;
    }

    /** The id already stored. */
    public String messageId() {
        return messageId;
    }
}
