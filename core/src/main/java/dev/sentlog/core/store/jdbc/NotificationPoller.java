package dev.sentlog.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the PostgreSQL notifications a connection has received (SPEC E4): the one call plain JDBC
 * lacks, so the host supplies it over its driver. With the PostgreSQL driver it is
 * <pre>{@code
 * NotificationPoller poller = (connection, timeoutMillis) -> {
 *     PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
 *     return received == null ? List.of() : Arrays.stream(received).map(PGNotification::getParameter).toList();
 * };
 * }</pre>
 * (the examples module ships it as {@code dev.sentlog.examples.host.PgNotificationPoller}).
 */
@FunctionalInterface
public interface NotificationPoller {

    /**
     * Waits up to {@code timeoutMillis} for notifications on a connection that executed {@code LISTEN},
     * and answers their payloads in the order received.
     *
     * @param connection    the listening connection
     * @param timeoutMillis how long to wait at most; 0 would wait for ever and is never passed
     * @return the payloads, empty when none arrived in time
     * @throws SQLException when the connection fails; the feed then reconnects
     */
    List<String> poll(Connection connection, int timeoutMillis) throws SQLException;
}
