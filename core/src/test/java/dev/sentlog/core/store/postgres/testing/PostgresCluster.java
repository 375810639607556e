package dev.sentlog.core.store.postgres.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} in a new temporary directory, the
 * server started with {@code pg_ctl} on a free port of 127.0.0.1 (its unix socket in that
 * directory, {@code fsync} off), and everything stopped and deleted by {@link #close()} or, at the
 * latest, when the JVM exits.
 *
 * <p>Most tests share one cluster per JVM through {@link #shared()} and take a database of their
 * own with {@link #createDatabase(String)}. Tests that stop the server ({@link #kill()},
 * {@link #restart()}) start a private one with {@link #start()} and close it.
 *
 * <p>The binaries come from {@link PostgresBinaries#locate()}; when they are missing, starting
 * throws {@link PostgresClusterException} with a message that says how to install them (tests
 * fail, never skip). When the JVM runs as root, {@code initdb} and {@code pg_ctl} run as the
 * {@code postgres} operating-system user (through {@code runuser}), which then owns the directory.
 * Connections need no password: the cluster trusts loopback connections of its superuser
 * {@value #SUPERUSER}. Requires PostgreSQL 14 or newer.
 *
 * <p>Thread-safe: every method that changes the server's state is synchronized.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The cluster's superuser, whom every {@link PostgresDatabase} connects as. */
    public static final String SUPERUSER = "postgres";

    /** The database created with the cluster, answered by {@link #database()}. */
    public static final String DEFAULT_DATABASE = "sentlog";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final String OS_USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final int START_ATTEMPTS = 5;
    private static final int TERMINATE_TIMEOUT_MILLIS = 10_000;

    private static PostgresCluster shared;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final Path dataDirectory;
    private final boolean asOsUser;
    private final Thread cleanup;
    private int port;
    private boolean running;
    private boolean closed;

    private PostgresCluster(PostgresBinaries binaries, Path directory, boolean asOsUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.asOsUser = asOsUser;
        this.cleanup = new Thread(this::close, "sentlog-postgres-cleanup");
    }

    /**
     * The cluster shared by every test of this JVM, started on first use (a few seconds) and
     * removed when the JVM exits. Do not {@link #close()} or {@link #kill()} it; when it has been
     * closed anyway, the next call starts a new one.
     *
     * @return the running shared cluster
     * @throws PostgresClusterException when the binaries are missing or the server does not start
     */
    public static synchronized PostgresCluster shared() {
        if (shared == null || shared.isClosed()) {
            shared = start();
        }
        return shared;
    }

    /**
     * A new private cluster from the binaries {@link PostgresBinaries#locate()} finds.
     *
     * @return the running cluster; close it when done
     * @throws PostgresClusterException when the binaries are missing or the server does not start
     */
    public static PostgresCluster start() {
        return start(PostgresBinaries.locate());
    }

    /**
     * A new private cluster from the given binaries.
     *
     * @param binaries the server binaries to run
     * @return the running cluster; close it when done
     * @throws PostgresClusterException when {@code initdb} or the server fails
     */
    public static PostgresCluster start(PostgresBinaries binaries) {
        Path directory;
        try {
            directory = Files.createTempDirectory("sentlog-pg-");
        } catch (IOException e) {
            throw new PostgresClusterException("cannot create a temporary directory for a PostgreSQL cluster", e);
        }
        PostgresCluster cluster = new PostgresCluster(binaries, directory, runningAsRoot());
        Runtime.getRuntime().addShutdownHook(cluster.cleanup);
        try {
            cluster.initialise();
            cluster.startOnFreePort();
            cluster.execute("postgres", "CREATE DATABASE " + DEFAULT_DATABASE);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("PostgreSQL cluster started on {}:{} in {}", HOST, cluster.port, directory);
        return cluster;
    }

    /**
     * The database created with the cluster ({@value #DEFAULT_DATABASE}).
     *
     * @return its name, URL and user
     */
    public PostgresDatabase database() {
        return database(DEFAULT_DATABASE);
    }

    /**
     * The JDBC URL of {@link #database()}.
     *
     * @return a {@code jdbc:postgresql://127.0.0.1:<port>/sentlog} URL
     */
    public String jdbcUrl() {
        return database().jdbcUrl();
    }

    /**
     * The user every connection uses ({@value #SUPERUSER}, no password).
     *
     * @return the user name
     */
    public String user() {
        return SUPERUSER;
    }

    /**
     * A new data source of {@link #database()}.
     *
     * @return an unpooled data source
     */
    public DataSource dataSource() {
        return database().dataSource();
    }

    /**
     * Creates an empty database, e.g. one per test class.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter, at most 63
     * @return the new database
     * @throws IllegalArgumentException when the name is not of that form
     * @throws PostgresClusterException when the server refuses (e.g. the name exists already)
     */
    public PostgresDatabase createDatabase(String name) {
        requireDatabaseName(name);
        execute("postgres", "CREATE DATABASE " + name);
        return database(name);
    }

    /**
     * Terminates every connection to one database ({@code pg_terminate_backend}) and waits until
     * their server processes have ended, as a lost connection would (SPEC N4). Connections to
     * other databases are untouched.
     *
     * @param name the database whose connections end
     * @return how many connections were terminated
     * @throws IllegalArgumentException when the name is not a valid database name
     * @throws PostgresClusterException when the server cannot be asked, or a connection outlives
     *     the wait
     */
    public int terminateConnections(String name) {
        requireDatabaseName(name);
        String sql = "SELECT pg_terminate_backend(pid, " + TERMINATE_TIMEOUT_MILLIS + ")"
                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()";
        try (Connection connection = database("postgres").dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            int terminated = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getBoolean(1)) {
                        throw new PostgresClusterException("a connection to database " + name
                                + " did not end within " + TERMINATE_TIMEOUT_MILLIS + " ms of pg_terminate_backend");
                    }
                    terminated++;
                }
            }
            return terminated;
        } catch (SQLException e) {
            throw new PostgresClusterException("cannot terminate the connections to database " + name
                    + " on " + HOST + ":" + port, e);
        }
    }

    /**
     * Stops the server at once, as a crash would ({@code pg_ctl stop -m immediate}): open
     * connections break, and committed transactions are recovered by {@link #restart()}.
     *
     * @throws IllegalStateException when the server is not running or the cluster is closed
     * @throws PostgresClusterException when {@code pg_ctl} fails
     */
    public synchronized void kill() {
        requireOpen();
        if (!running) {
            throw new IllegalStateException("the PostgreSQL cluster in " + directory + " is already stopped");
        }
        stopImmediately();
    }

    /**
     * Starts the server again on the same data directory and port (after a {@link #kill()}, this
     * is crash recovery); when it is running, it is first stopped as by {@link #kill()}.
     *
     * @throws IllegalStateException when the cluster is closed
     * @throws PostgresClusterException when the server does not start (e.g. the port was taken)
     */
    public synchronized void restart() {
        requireOpen();
        if (running) {
            stopImmediately();
        }
        startServer();
    }

    /**
     * Whether the server is running (started and neither killed nor closed).
     *
     * @return true when it accepts connections
     */
    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * The loopback port the server listens on.
     *
     * @return the port
     */
    public synchronized int port() {
        return port;
    }

    /**
     * The temporary directory holding the data directory, the unix socket and the server log;
     * removed by {@link #close()}.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Stops the server (immediately) and deletes its directory. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (running) {
            try {
                stopImmediately();
            } catch (PostgresClusterException e) {
                LOG.warn("could not stop the PostgreSQL cluster in {}: {}", directory, e.getMessage());
            }
        }
        deleteDirectory();
        if (Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException jvmShuttingDown) {
                // the hook is running or about to; it will find the cluster closed
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the PostgreSQL cluster in " + directory + " is closed");
        }
    }

    private static void requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and"
                    + " underscores, starting with a letter, at most 63 characters; got " + name);
        }
    }

    private PostgresDatabase database(String name) {
        return new PostgresDatabase(name, "jdbc:postgresql://" + HOST + ":" + port() + "/" + name, SUPERUSER);
    }

    private void execute(String database, String sql) {
        try (Connection connection = database(database).dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new PostgresClusterException("PostgreSQL on " + HOST + ":" + port() + " refused \"" + sql
                    + "\" in database " + database + ": " + e.getMessage(), e);
        }
    }

    private void initialise() {
        if (asOsUser) {
            try {
                Files.setOwner(directory, FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(OS_USER));
            } catch (IOException e) {
                throw new PostgresClusterException("running as root, but cannot hand " + directory
                        + " to the operating-system user " + OS_USER, e);
            }
        }
        run("initdb", List.of(binaries.binary("initdb").toString(), "--pgdata=" + dataDirectory,
                "--username=" + SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"));
        String settings = String.join("\n", "",
                "# sentlog test cluster",
                "listen_addresses = '" + HOST + "'",
                "unix_socket_directories = '" + directory + "'",
                "fsync = off",
                "full_page_writes = off",
                "synchronous_commit = on",
                "max_connections = 200",
                "");
        try {
            Files.writeString(dataDirectory.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new PostgresClusterException("cannot configure the PostgreSQL cluster in " + dataDirectory, e);
        }
    }

    private synchronized void startOnFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freeLoopbackPort();
            try {
                startServer();
                return;
            } catch (PostgresClusterException e) {
                // another process may have taken the port between choosing and binding it
                if (attempt == START_ATTEMPTS || !serverLog().contains("could not bind")) {
                    throw e;
                }
                LOG.debug("port {} was taken; trying another", port);
            }
        }
    }

    private void startServer() {
        run("pg_ctl start", List.of(binaries.binary("pg_ctl").toString(), "start", "--pgdata=" + dataDirectory,
                "--log=" + directory.resolve("server.log"), "--wait", "--timeout=" + COMMAND_TIMEOUT_SECONDS,
                "--options=-p " + port));
        running = true;
    }

    private void stopImmediately() {
        run("pg_ctl stop", List.of(binaries.binary("pg_ctl").toString(), "stop", "--pgdata=" + dataDirectory,
                "--mode=immediate", "--wait", "--timeout=" + COMMAND_TIMEOUT_SECONDS));
        running = false;
    }

    private void run(String step, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asOsUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Path output = directory.resolve("command.out");
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PostgresClusterException(step + " did not finish within " + COMMAND_TIMEOUT_SECONDS
                        + " s: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                throw new PostgresClusterException(step + " failed with exit status " + process.exitValue()
                        + ": " + String.join(" ", full) + "\n" + read(output) + "\nserver log:\n" + serverLog());
            }
        } catch (IOException e) {
            throw new PostgresClusterException("cannot run " + step + ": " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresClusterException(step + " was interrupted", e);
        }
    }

    private String serverLog() {
        return read(directory.resolve("server.log"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the PostgreSQL cluster directory {}: {}", directory, e.getMessage());
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PostgresClusterException("cannot find a free port on " + HOST, e);
        }
    }

    private static boolean runningAsRoot() {
        String user = ProcessHandle.current().info().user().orElseGet(() -> System.getProperty("user.name"));
        return "root".equals(user);
    }
}
