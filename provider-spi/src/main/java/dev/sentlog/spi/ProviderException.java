package dev.sentlog.spi;

/**
 * A provider could not do what was asked (unreachable, refused, malformed answer). The log logs it
 * and applies SPEC M4/M5; it never loses a recorded status because of it.
 */
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String providerName;

    /**
     * Creates the exception.
     *
     * @param providerName the provider that failed
     * @param message      what went wrong; must not contain full addresses or message bodies
     */
    public ProviderException(String providerName, String message) {
        super(providerName + ": " + message);
        this.providerName = providerName;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param providerName the provider that failed
     * @param message      what went wrong
     * @param cause        the underlying failure
     */
    public ProviderException(String providerName, String message, Throwable cause) {
        super(providerName + ": " + message, cause);
        this.providerName = providerName;
    }

    /** The name of the provider that failed. */
    public String providerName() {
        return providerName;
    }
}
