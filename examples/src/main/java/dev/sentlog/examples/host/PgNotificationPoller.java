package dev.sentlog.examples.host;

import dev.sentlog.core.store.jdbc.NotificationPoller;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The PostgreSQL driver's way of reading notifications, for the store's change feed (SPEC E4):
 * Sentlog's core uses {@code java.sql} only, and JDBC has no standard call for {@code LISTEN/NOTIFY},
 * so a host hands this adapter over.
 *
 * <pre>{@code
 * JdbcMessageStore store = JdbcMessageStore.create(dataSource);
 * SentMessageLog log = SentMessageLog.builder().store(store)
 *         .changeFeed(store.changeFeed(new PgNotificationPoller()))
 *         .build();
 * }</pre>
 *
 * <p>The connection comes from the host's data source; with a pool, the driver's connection is
 * reached through {@link Connection#unwrap}.
 */
public final class PgNotificationPoller implements NotificationPoller {

    /** Creates the adapter; it keeps no state. */
    public PgNotificationPoller() {
        // nothing to set up
    }

    @Override
    public List<String> poll(Connection connection, int timeoutMillis) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        List<String> payloads = new ArrayList<>();
        if (received != null) {
            for (PGNotification n : received) {
                payloads.add(n.getParameter());
            }
        }
        return payloads;
    }
}
