package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.live.ChangeFeed;
import dev.sentlog.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes committed over one PostgreSQL database, by any node, through {@code LISTEN/NOTIFY} (SPEC
 * E4): made by {@link JdbcMessageStore#changeFeed}. {@link #start} takes one connection of the data
 * source, executes {@code LISTEN} on it before returning, and then reads the notifications with the
 * host's {@link NotificationPoller} on a daemon thread of its own. When the connection fails, the
 * feed takes a new one, listens again and passes {@link ChangeFeed#ANY_MESSAGE}: changes may have
 * been missed meanwhile.
 */
public final class JdbcChangeFeed implements ChangeFeed {

    /** The notification channel every change is sent on, with the message id as payload. */
    public static final String CHANNEL = "sentlog_change";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcChangeFeed.class);
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final NotificationPoller poller;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    JdbcChangeFeed(DataSource dataSource, NotificationPoller poller) {
        this.dataSource = dataSource;
        this.poller = poller;
    }

    /**
     * Listens, then starts the reading thread.
     *
     * @param changed receives the id of each changed message, or {@link ChangeFeed#ANY_MESSAGE}
     * @throws IllegalStateException when the feed was started already
     * @throws StoreUnavailableException when the database cannot be reached
     */
    @Override
    public synchronized void start(Consumer<String> changed) {
        if (thread != null) {
            throw new IllegalStateException("the change feed was started already");
        }
        try {
            connection = listen();
        } catch (SQLException e) {
            throw new StoreUnavailableException("listen", null, e.getSQLState(), e);
        }
        running = true;
        thread = new Thread(() -> read(changed), "sentlog-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private Connection listen() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private void read(Consumer<String> changed) {
        while (running) {
            try {
                List<String> payloads = poller.poll(connection, POLL_MILLIS);
                for (String p : payloads) {
                    changed.accept(p);
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("the change feed lost its connection (SQL state {}); listening again", e.getSQLState());
                reconnect(changed);
            } catch (RuntimeException e) {
                LOG.warn("the change feed's receiver threw {}; the feed goes on", e.getClass().getName());
            }
        }
    }

    private void reconnect(Consumer<String> changed) {
        closeConnection();
        while (running) {
            try {
                connection = listen();
                changed.accept(ANY_MESSAGE);
                return;
            } catch (SQLException e) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void closeConnection() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the change feed's connection failed (SQL state {})", e.getSQLState());
            }
        }
    }

    /** Stops the reading thread and returns its connection to the data source; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (thread != null) {
            try {
                thread.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeConnection();
    }
}
