package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.kit.MessageStoreCompatibilityKit;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The PostgreSQL store passes the store compatibility kit, on a database of its own in the shared
 * throwaway cluster behind a connection pool (kept for the JVM's life); the tables are emptied before each
 * test.
 */
class JdbcMessageStoreCompatibilityTest extends MessageStoreCompatibilityKit {

    private static DataSource dataSource;

    private static synchronized DataSource database() {
        if (dataSource == null) {
            dataSource = TestPools.pool(PostgresCluster.shared().createDatabase("store_kit"), null);
            JdbcMessageStore.migrate(dataSource);
        }
        return dataSource;
    }

    @Override
    protected MessageStore createStore() {
        DataSource ds = database();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // CASCADE: every table that keeps rows per message references sentlog_message; the contact
            // ledger's addresses outlive their messages, its listed tables copy facts without a reference, the
            // D6 time rows have none (issue #12), and the search's day counts are per day, so they are named
            s.execute("TRUNCATE sentlog_contact_address, sentlog_contact_listed, sentlog_contact_listed_fact, "
                    + "sentlog_summary_time, sentlog_message_day, sentlog_message RESTART IDENTITY CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the kit's database", e);
        }
        return JdbcMessageStore.create(ds);
    }
}
