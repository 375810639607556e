package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.SentlogException;
import java.sql.SQLException;

/** Carries an {@link SQLException} out of a device-table call; the store turns it into its N4 exception. */
final class JdbcFailure extends SentlogException {

    private static final long serialVersionUID = 1L;

    JdbcFailure(SQLException cause) {
        super("a device table statement failed", cause);
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
