package dev.sentlog.core;

/**
 * The root of every exception Sentlog throws on purpose. Subclasses are named after what failed
 * and carry the ids and states involved, so a host can show a precise message.
 */
public class SentlogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, and where
     */
    public SentlogException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, and where
     * @param cause   the underlying failure
     */
    public SentlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
