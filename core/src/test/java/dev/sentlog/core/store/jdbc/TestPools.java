package dev.sentlog.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;

/** Connection pools over the throwaway cluster's databases, as a host runs the PostgreSQL store. */
public final class TestPools {

    private TestPools() {
    }

    /**
     * A small pool over a database, optionally in one schema.
     *
     * @param database the database
     * @param schema   the schema to use (its {@code search_path}), or null for the default
     * @return the pool; close it when done
     */
    public static HikariDataSource pool(PostgresDatabase database, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setPoolName("sentlog-test-" + database.name() + (schema == null ? "" : "-" + schema));
        if (schema != null) {
            config.setSchema(schema);
        }
        return new HikariDataSource(config);
    }
}
