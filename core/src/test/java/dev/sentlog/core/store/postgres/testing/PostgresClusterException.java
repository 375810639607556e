package dev.sentlog.core.store.postgres.testing;

/**
 * The throwaway PostgreSQL cluster could not be found, started, stopped or asked something; the
 * message says which step failed and, where the server printed one, its output.
 */
public final class PostgresClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with its explanation.
     *
     * @param message what failed, where, and what to do about it when known
     */
    public PostgresClusterException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception.
     *
     * @param message what failed and where
     * @param cause the exception that made it fail
     */
    public PostgresClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
