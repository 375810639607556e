package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.StoreQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many messages a search matched in all (SPEC S2), without counting a year of message rows:
 * {@code sentlog_message_day} keeps how many messages each district/school has per UTC day of their
 * creation time, changed in the transaction that stores a message (+1) and in the one that marks it
 * for purging (-1; X1 hides it from then on). A search adds up the whole days of its range from there,
 * counts the rows of the partial days at its two ends (at most a day each, by the creation-time
 * index), and takes away the scheduler-created messages not visible yet (V2, by their own index).
 * A search of one sender's messages (T1) counts their rows by the sender index instead.
 *
 * <p>The day row is written last in the storing transaction, so that concurrent stores of the same
 * school and day wait for each other only for the commit; a transaction changes one day row, so two
 * never wait for each other in a cycle.
 */
final class JdbcSearchCount {

    /** Nanoseconds per day: creation times are epoch nanoseconds. */
    static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    /**
     * The UTC day of an epoch-nanosecond column, as {@link Math#floorDiv} computes it: integer division
     * rounded down (a numeric division would round {@code k * day - 1} up to day {@code k}).
     */
    private static final String DAY_OF = "(%1$s / " + DAY_NANOS + " - CASE WHEN %1$s %% " + DAY_NANOS
            + " < 0 THEN 1 ELSE 0 END)";

    private static final String VISIBLE = " AND (NOT scheduler_sent OR scheduled_at IS NULL OR scheduled_at <= ?)";

    private JdbcSearchCount() {
    }

    /** Counts a message just stored, in its storing transaction. */
    static void added(Connection c, Message m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_message_day (day, district_or_school, "
                + "messages) VALUES (?, ?, 1) ON CONFLICT (day, district_or_school) "
                + "DO UPDATE SET messages = sentlog_message_day.messages + 1")) {
            s.setLong(1, Math.floorDiv(Sql.nanos(m.createdAt(), "createdAt of message " + m.id()), DAY_NANOS));
            s.setString(2, m.districtOrSchool());
            s.executeUpdate();
        }
    }

    /** Stops counting a message, in the transaction that marks it for purging; a day left at 0 goes. */
    static void removed(Connection c, String messageId) throws SQLException {
        String day = " FROM (SELECT " + DAY_OF.formatted("created_at") + " AS day, district_or_school "
                + "FROM sentlog_message WHERE id = ?) m WHERE d.day = m.day AND d.district_or_school = m.district_or_school";
        for (String sql : new String[] {"UPDATE sentlog_message_day d SET messages = d.messages - 1" + day,
            "DELETE FROM sentlog_message_day d USING" + day.substring(" FROM".length()) + " AND d.messages <= 0"}) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, messageId);
                s.executeUpdate();
            }
        }
    }

    /**
     * How many messages match the query in all, read in the search's snapshot.
     *
     * @param c     the search's connection (a repeatable-read transaction)
     * @param q     the query
     * @param where the query's conditions on {@code sentlog_message}, from {@code " FROM"} on, with the
     *              parameters {@code binder} sets
     */
    static long total(Connection c, StoreQuery q, String where, JdbcMessageStore.Binder binder) throws SQLException {
        long from = Sql.saturatedNanos(q.from());
        long to = Sql.saturatedNanos(q.to());
        long firstDay = Math.floorDiv(from, DAY_NANOS) + (Math.floorMod(from, DAY_NANOS) == 0 ? 0 : 1);
        long endDay = Math.floorDiv(to, DAY_NANOS);
        if (q.senderId() != null || firstDay >= endDay) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*)" + where)) {
                binder.bind(s);
                return single(s);
            }
        }
        boolean schools = !q.schools().isEmpty();
        String school = schools ? " AND district_or_school = ANY (?)" : "";
        String rows = "(SELECT count(*) FROM sentlog_message WHERE created_at >= ? AND created_at < ? AND NOT purging"
                + school + VISIBLE + ")";
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT coalesce(sum(messages), 0) FROM "
                + "sentlog_message_day WHERE day >= ? AND day < ?" + school + ") + " + rows + " + " + rows
                + " - (SELECT count(*) FROM sentlog_message WHERE scheduler_sent AND NOT purging AND scheduled_at > ?"
                + " AND created_at >= ? AND created_at < ?" + school + ")")) {
            int i = 1;
            s.setLong(i++, firstDay);
            s.setLong(i++, endDay);
            i = schools(c, s, i, q);
            for (long[] edge : new long[][] {{from, firstDay * DAY_NANOS}, {endDay * DAY_NANOS, to}}) {
                s.setLong(i++, edge[0]);
                s.setLong(i++, edge[1]);
                i = schools(c, s, i, q);
                s.setLong(i++, Sql.saturatedNanos(q.visibleAt()));
            }
            s.setLong(i++, Sql.saturatedNanos(q.visibleAt()));
            s.setLong(i++, firstDay * DAY_NANOS);
            s.setLong(i++, endDay * DAY_NANOS);
            schools(c, s, i, q);
            return single(s);
        }
    }

    private static int schools(Connection c, PreparedStatement s, int index, StoreQuery q) throws SQLException {
        if (q.schools().isEmpty()) {
            return index;
        }
        s.setArray(index, c.createArrayOf("text", q.schools().toArray()));
        return index + 1;
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
