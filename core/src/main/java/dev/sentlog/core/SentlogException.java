package dev.sentlog.core;

/**
 * The root of every exception Sentlog throws on purpose. Subclasses are named after what failed
 * and carry the ids and states involved, so a host can show a precise message. Abstract: every
 * failure has its own subclass.
 *
 * <p>What is not a {@code SentlogException}: a {@link NullPointerException} or
 * {@link IllegalArgumentException} from an argument check (a null, a blank id, a negative count) is
 * a programming error of the caller, named in its message; an {@link IllegalStateException} is a
 * bug or a broken build. {@code dev.sentlog.spi.ProviderException} is what providers throw: the JDK-only
 * SPI module cannot extend this class.
 */
public abstract class SentlogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, and where
     */
    protected SentlogException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, and where
     * @param cause   the underlying failure
     */
    protected SentlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
