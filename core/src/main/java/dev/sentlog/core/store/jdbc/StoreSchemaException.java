package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.SentlogException;
import java.util.OptionalInt;

/**
 * The database's Sentlog schema is not the version this library needs (SPEC N5): missing, older or
 * newer. The message names both versions and what to do.
 */
public class StoreSchemaException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final int expectedVersion;
    private final Integer foundVersion;

    /**
     * Creates the exception.
     *
     * @param expectedVersion the version this library needs
     * @param foundVersion    the version found in the database, or null when it has no Sentlog schema
     * @param advice          what the host should do
     */
    public StoreSchemaException(int expectedVersion, Integer foundVersion, String advice) {
        super("the database's Sentlog schema is " + (foundVersion == null ? "missing" : "version " + foundVersion)
                + " but this library needs version " + expectedVersion + ": " + advice);
        this.expectedVersion = expectedVersion;
        this.foundVersion = foundVersion;
    }

    /**
     * The schema version this library needs.
     *
     * @return the version
     */
    public int expectedVersion() {
        return expectedVersion;
    }

    /**
     * The schema version found in the database.
     *
     * @return the version, or empty when the database has no Sentlog schema
     */
    public OptionalInt foundVersion() {
        return foundVersion == null ? OptionalInt.empty() : OptionalInt.of(foundVersion);
    }
}
