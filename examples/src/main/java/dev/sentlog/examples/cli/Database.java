package dev.sentlog.examples.cli;

import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.StoreSchemaException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@code --db JDBC-URL} option: a PostgreSQL database reached through the driver's
 * {@link PGSimpleDataSource} (a new connection each time, as {@code DriverManager} gives), opened as
 * the {@link JdbcMessageStore}. Every way the database can refuse (a URL that is not PostgreSQL's,
 * a server that cannot be reached, a schema of another version, SPEC N5) is a {@link UsageException}:
 * one paragraph, exit status 2. Messages name the server and database, never the URL itself, which
 * may hold a password.
 */
final class Database {

    /** The option's name, without dashes. */
    static final String OPTION = "db";

    /** The help text of the option. */
    static final String HELP = "a PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/sentlog"
            + " (?user=NAME&password=SECRET may follow)";

    private static final String PREFIX = "jdbc:postgresql:";

    private Database() {
    }

    /**
     * Opens the store in the database named by {@code --db}, first applying the schema when the
     * database has none.
     *
     * @param command the command, for messages
     * @param url     the JDBC URL
     * @return the store
     * @throws UsageException when the URL is not PostgreSQL's, the server cannot be reached or the
     *                        database holds another schema version
     */
    static JdbcMessageStore migrate(String command, String url) {
        return open(command, url, JdbcMessageStore::migrate);
    }

    /**
     * Opens the store in the database named by {@code --db}, which must hold the schema already.
     *
     * @param command the command, for messages
     * @param url     the JDBC URL
     * @return the store
     * @throws UsageException when the URL is not PostgreSQL's, the server cannot be reached or the
     *                        database holds no schema or another version
     */
    static JdbcMessageStore existing(String command, String url) {
        return open(command, url, JdbcMessageStore::create);
    }

    private static JdbcMessageStore open(String command, String url, Function<DataSource, JdbcMessageStore> opener) {
        PGSimpleDataSource dataSource = dataSource(command, url);
        String where = describe(dataSource);
        try {
            return opener.apply(dataSource);
        } catch (StoreUnavailableException e) {
            throw new UsageException("sentlog " + command + ": cannot use the database " + where
                    + " (SQL state " + e.errorCode().orElse("unknown") + ": " + reason(e)
                    + "). Check that the server is running and reachable, and the database name, user and password"
                    + " in --db.", e);
        } catch (StoreSchemaException e) {
            throw new UsageException("sentlog " + command + ": the database " + where + " cannot be used: "
                    + e.getMessage() + ".", e);
        }
    }

    private static PGSimpleDataSource dataSource(String command, String url) {
        if (!url.startsWith(PREFIX)) {
            throw Options.usage(command, "--db must be a PostgreSQL JDBC URL starting with '" + PREFIX
                    + "', e.g. jdbc:postgresql://localhost:5432/sentlog");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(url);
        } catch (IllegalArgumentException e) {
            throw Options.usage(command, "--db is not a valid PostgreSQL JDBC URL (" + e.getMessage() + ")");
        }
        return dataSource;
    }

    /** Server, port and database, without the user's password. */
    private static String describe(PGSimpleDataSource dataSource) {
        String[] hosts = dataSource.getServerNames();
        int[] ports = dataSource.getPortNumbers();
        String portList = IntStream.of(ports).filter(p -> p > 0).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        return "'" + dataSource.getDatabaseName() + "' on " + String.join(",", hosts)
                + (portList.isEmpty() ? "" : " port " + portList);
    }

    /** The driver's own explanation (connection refused, unknown host, authentication failed). */
    private static String reason(Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "no explanation given";
        }
        String reason = message.strip();
        // the driver's sentences end with a full stop; this one goes inside parentheses
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }
}
