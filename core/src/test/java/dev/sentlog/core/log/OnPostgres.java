package dev.sentlog.core.log;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a log suite on the PostgreSQL store: while the class runs, every {@link LogHarness} keeps
 * its log in a fresh schema of one database in the shared throwaway cluster, created with
 * {@link JdbcMessageStore#migrate}, through a connection pool of its own (closed after the class).
 */
final class OnPostgres implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<HikariDataSource> POOLS = new CopyOnWriteArrayList<>();
    private static PostgresDatabase database;

    private static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresCluster.shared().createDatabase("log_suites");
        }
        return database;
    }

    /** A new store in a schema of its own. */
    static MessageStore freshStore() {
        PostgresDatabase db = database();
        String schema = "harness_" + SCHEMAS.incrementAndGet();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        HikariDataSource pool = TestPools.pool(db, schema);
        POOLS.add(pool);
        return JdbcMessageStore.migrate(pool);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LogHarness.stores = OnPostgres::freshStore;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LogHarness.stores = MessageStore::inMemory;
        for (HikariDataSource pool : POOLS) {
            pool.close();
        }
        POOLS.clear();
    }
}
