package dev.sentlog.core.store;

import dev.sentlog.core.SentlogException;
import java.util.Optional;

/**
 * A store call failed because the store could not do it: a lost connection, a timeout, or a
 * conflict that retries could not settle (SPEC N4). The call changed nothing. The message names the
 * operation, the message id when there is one and the database's error code; it never carries
 * personal data. Trying again later may succeed.
 */
public class StoreUnavailableException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String messageId;
    private final String errorCode;

    /**
     * Creates the exception.
     *
     * @param operation the store operation, e.g. {@code "withDevices"}
     * @param messageId the message id, or null when the operation is not about one message
     * @param errorCode the database's error code (a JDBC SQL state), or null when it gave none
     * @param cause     the database's exception
     */
    public StoreUnavailableException(String operation, String messageId, String errorCode, Throwable cause) {
        super("the message store failed in " + operation + (messageId == null ? "" : " of message " + messageId)
                + " (SQL state " + (errorCode == null ? "unknown" : errorCode) + "); nothing was changed", cause);
        this.operation = operation;
        this.messageId = messageId;
        this.errorCode = errorCode;
    }

    /**
     * The store operation that failed.
     *
     * @return the operation's name
     */
    public String operation() {
        return operation;
    }

    /**
     * The message the operation was about, if it was about one.
     *
     * @return the message id, or empty
     */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /**
     * The database's error code (a JDBC SQL state such as {@code 08006}), if it gave one.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
