package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.store.MessageStore;
import javax.sql.DataSource;

/**
 * The PostgreSQL store without a maintained summary (it analyses the devices when asked): the
 * baseline the benchmarks measure the maintained summary's cost against (SPEC E3).
 */
public final class UnmaintainedJdbc {

    private UnmaintainedJdbc() {
    }

    /**
     * The store over a database, applying the schema first when it has none.
     *
     * @param dataSource where to connect
     * @return the store
     */
    public static MessageStore migrate(DataSource dataSource) {
        return JdbcMessageStore.migrateUnmaintained(dataSource);
    }
}
