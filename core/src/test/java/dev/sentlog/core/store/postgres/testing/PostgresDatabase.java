package dev.sentlog.core.store.postgres.testing;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database of a {@link PostgresCluster}: where it is and who may connect.
 *
 * @param name the database name
 * @param jdbcUrl a JDBC URL of the database, on the loopback address
 * @param user the user to connect as (the cluster's superuser; no password, loopback trust)
 */
public record PostgresDatabase(String name, String jdbcUrl, String user) {

    /**
     * A database reached through {@code jdbcUrl} as {@code user}.
     *
     * @param name the database name
     * @param jdbcUrl its JDBC URL
     * @param user the user to connect as
     */
    public PostgresDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
    }

    /**
     * A new, unpooled {@link DataSource} of this database; each call gives an independent one, as
     * two application nodes would have.
     *
     * @return a data source connecting as {@link #user()}
     */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setApplicationName("sentlog-tests");
        return dataSource;
    }
}
