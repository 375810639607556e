package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.core.totals.SummaryLedger;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintained Delivery Summary in PostgreSQL (SPEC E3): the figures in {@code sentlog_message},
 * each address's counters in {@code sentlog_summary_address}, contacted persons' links in
 * {@code sentlog_summary_person}, the D6 time multisets in {@code sentlog_summary_time}. Written whole
 * when a message is inserted; then changed by deltas, with the rules of {@link SummaryLedger}, in the
 * transaction that changes the devices. Also sends the change notifications (E4).
 */
final class JdbcSummary {

    /** A payload longer than this many bytes cannot be sent; the notification then says "any message". */
    private static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final int ATTEMPT_TIMES = 0;
    private static final int FINAL_TIMES = 1;
    private static final int FIGURES = Figure.values().length;

    /** One device's change, as the device table saw it. */
    record DeviceChange(String key, Channel channel, DeviceOutcome before, boolean confirmedBefore,
                        Instant timeBefore, DeviceOutcome after, boolean confirmedAfter, Instant timeAfter) {
    }

    private record TimeKey(int kind, long at) {
    }

    private JdbcSummary() {
    }

    /** Writes a new message's whole ledger. */
    static void insert(Connection c, String messageId, SummaryLedger ledger) throws SQLException {
        try (PreparedStatement a = c.prepareStatement("INSERT INTO sentlog_summary_address (message_id, address_key, "
                + "counters) VALUES (?, ?, ?)");
                PreparedStatement p = c.prepareStatement("INSERT INTO sentlog_summary_person (message_id, person_id, "
                        + "links) VALUES (?, ?, ?)");
                PreparedStatement t = c.prepareStatement("INSERT INTO sentlog_summary_time (message_id, kind, at, "
                        + "occurrences) VALUES (?, ?, ?, ?)")) {
            SQLException[] failure = new SQLException[1];
            int[] pending = new int[1];
            ledger.export(new SummaryLedger.Sink() {
                @Override
                public void address(String key, int[] counters) {
                    run(() -> {
                        a.setString(1, messageId);
                        a.setString(2, key);
                        a.setArray(3, c.createArrayOf("integer", boxed(counters)));
                        a.addBatch();
                    });
                }

                @Override
                public void person(String personId, int links) {
                    run(() -> {
                        p.setString(1, messageId);
                        p.setString(2, personId);
                        p.setInt(3, links);
                        p.addBatch();
                    });
                }

                @Override
                public void time(boolean finalOutcome, Instant at, int occurrences) {
                    run(() -> {
                        t.setString(1, messageId);
                        t.setInt(2, finalOutcome ? FINAL_TIMES : ATTEMPT_TIMES);
                        t.setLong(3, Sql.nanos(at, "a device time of message " + messageId));
                        t.setInt(4, occurrences);
                        t.addBatch();
                    });
                }

                private void run(SqlStep step) {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        step.run();
                        if (++pending[0] >= 1_000) {
                            pending[0] = 0;
                            a.executeBatch();
                            p.executeBatch();
                            t.executeBatch();
                        }
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            a.executeBatch();
            p.executeBatch();
            t.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_message SET summary_figures = ? WHERE id = ?")) {
            s.setArray(1, c.createArrayOf("integer", boxed(ledger.figureValues())));
            s.setString(2, messageId);
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    /** The figures column's value as read with the message row. */
    static int[] figures(Array stored) throws SQLException {
        int[] out = new int[FIGURES];
        if (stored != null) {
            Object[] values = (Object[]) stored.getArray();
            for (int i = 0; i < values.length && i < FIGURES; i++) {
                out[i] = ((Number) values[i]).intValue();
            }
        }
        return out;
    }

    static Array figuresArray(Connection c, int[] figures) throws SQLException {
        return c.createArrayOf("integer", boxed(figures));
    }

    private static Integer[] boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Applies the devices' changes to the counters, persons and times, and the figures' changes to
     * {@code figures} (the message's, as read with its locked row).
     *
     * @return whether a figure changed (the times are kept in their own table)
     */
    static boolean apply(Connection c, String messageId, int[] figures, List<DeviceChange> changes)
            throws SQLException {
        Map<String, int[]> counterDeltas = new LinkedHashMap<>();
        Map<TimeKey, Integer> timeDeltas = new LinkedHashMap<>();
        for (DeviceChange d : changes) {
            if (d.key() == null) {
                continue;
            }
            int before = SummaryLedger.deviceBits(d.channel(), d.before(), d.confirmedBefore(),
                    JdbcMessageStore.CLASSIFIER);
            int after = SummaryLedger.deviceBits(d.channel(), d.after(), d.confirmedAfter(),
                    JdbcMessageStore.CLASSIFIER);
            times(timeDeltas, before, d.timeBefore(), -1, messageId);
            times(timeDeltas, after, d.timeAfter(), 1, messageId);
            if (before != after) {
                int[] delta = counterDeltas.computeIfAbsent(d.key(), k -> new int[SummaryLedger.COUNTERS]);
                SummaryLedger.count(delta, 0, d.channel(), before, -1);
                SummaryLedger.count(delta, 0, d.channel(), after, 1);
            }
        }
        counterDeltas.values().removeIf(JdbcSummary::allZero);
        timeDeltas.values().removeIf(v -> v == 0);
        int[] old = figures.clone();
        if (!counterDeltas.isEmpty()) {
            applyCounters(c, messageId, figures, counterDeltas);
        }
        if (!timeDeltas.isEmpty()) {
            applyTimes(c, messageId, timeDeltas);
        }
        return !Arrays.equals(old, figures);
    }

    private static boolean allZero(int[] values) {
        for (int v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static void times(Map<TimeKey, Integer> deltas, int bits, Instant at, int sign, String messageId) {
        if (at == null) {
            return;
        }
        long nanos = Sql.nanos(at, "a device time of message " + messageId);
        if (SummaryLedger.attempted(bits)) {
            deltas.merge(new TimeKey(ATTEMPT_TIMES, nanos), sign, Integer::sum);
        }
        if (SummaryLedger.finalOutcome(bits)) {
            deltas.merge(new TimeKey(FINAL_TIMES, nanos), sign, Integer::sum);
        }
    }

    /** One address's success on a phone channel that changed: its persons' links move by {@code delta}. */
    private record PhoneFlip(String key, Channel channel, int delta) {
    }

    /** Reads the touched addresses' counters, writes them back changed, then the persons' links: four statements. */
    private static void applyCounters(Connection c, String messageId, int[] figures, Map<String, int[]> deltas)
            throws SQLException {
        Map<String, int[]> stored = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT address_key, counters FROM sentlog_summary_address "
                + "WHERE message_id = ? AND address_key = ANY (?)")) {
            s.setString(1, messageId);
            s.setArray(2, c.createArrayOf("text", deltas.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] values = (Object[]) rs.getArray(2).getArray();
                    int[] counters = new int[SummaryLedger.COUNTERS];
                    for (int i = 0; i < counters.length; i++) {
                        counters[i] = ((Number) values[i]).intValue();
                    }
                    stored.put(rs.getString(1), counters);
                }
            }
        }
        List<PhoneFlip> flips = new ArrayList<>();
        String[] keys = new String[deltas.size()];
        String[] written = new String[deltas.size()];
        int n = 0;
        for (Map.Entry<String, int[]> e : deltas.entrySet()) {
            String key = e.getKey();
            int[] counters = stored.get(key);
            if (counters == null) {
                throw new IllegalStateException("the summary counters of an address of message " + messageId
                        + " are missing");
            }
            int flagsBefore = SummaryLedger.flags(counters, 0);
            for (int i = 0; i < counters.length; i++) {
                counters[i] += e.getValue()[i];
            }
            int flagsAfter = SummaryLedger.flags(counters, 0);
            Channel group = SummaryLedger.groupOf(key);
            SummaryLedger.figureDeltas(group, flagsBefore, flagsAfter, figures);
            if (group == Channel.VOICE) {
                for (Channel ch : new Channel[] {Channel.VOICE, Channel.TEXT}) {
                    boolean was = SummaryLedger.successOn(ch, flagsBefore);
                    boolean is = SummaryLedger.successOn(ch, flagsAfter);
                    if (was != is) {
                        flips.add(new PhoneFlip(key, ch, is ? 1 : -1));
                    }
                }
            }
            keys[n] = key;
            written[n++] = Arrays.toString(counters).replace('[', '{').replace(']', '}');
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE sentlog_summary_address a SET counters = "
                + "u.counters::integer[] FROM " + Sql.unnest("u", "text text", "address_key, counters")
                + " WHERE a.message_id = ? AND a.address_key = u.address_key")) {
            u.setString(Sql.setArrays(c, u, 1, "text text", keys, written), messageId);
            u.executeUpdate();
        }
        Map<String, Integer> personDeltas = personsOn(c, messageId, flips);
        personDeltas.values().removeIf(v -> v == 0);
        if (!personDeltas.isEmpty()) {
            applyPersons(c, messageId, figures, personDeltas);
        }
    }

    /** The persons on the flipped (address, phone channel) pairs, each with the sum of its pairs' deltas. */
    private static Map<String, Integer> personsOn(Connection c, String messageId, List<PhoneFlip> flips)
            throws SQLException {
        Map<String, Integer> personDeltas = new LinkedHashMap<>();
        if (flips.isEmpty()) {
            return personDeltas;
        }
        String[] keys = new String[flips.size()];
        String[] channels = new String[flips.size()];
        Integer[] signs = new Integer[flips.size()];
        for (int i = 0; i < flips.size(); i++) {
            keys[i] = flips.get(i).key();
            channels[i] = flips.get(i).channel().name();
            signs[i] = flips.get(i).delta();
        }
        // each flipped (address, channel) pair gives each of its distinct persons its delta once
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT f.address_key, f.channel, d.person_id, "
                + "f.delta FROM " + Sql.unnest("f", "text text integer", "address_key, channel, delta")
                + " JOIN sentlog_device d ON d.message_id = ? AND d.address_key = f.address_key "
                + "AND d.channel = f.channel")) {
            s.setString(Sql.setArrays(c, s, 1, "text text integer", keys, channels, signs), messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    personDeltas.merge(rs.getString(3), rs.getInt(4), Integer::sum);
                }
            }
        }
        return personDeltas;
    }
    /** Reads the persons' links and writes the changed ones back: two statements. */
    private static void applyPersons(Connection c, String messageId, int[] figures, Map<String, Integer> deltas)
            throws SQLException {
        Map<String, Integer> links = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT person_id, links FROM sentlog_summary_person "
                + "WHERE message_id = ? AND person_id = ANY (?)")) {
            s.setString(1, messageId);
            s.setArray(2, c.createArrayOf("text", deltas.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        int contacted = Figure.CONTACTED_BY_PHONE.ordinal();
        String[] persons = new String[deltas.size()];
        Integer[] after = new Integer[deltas.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : deltas.entrySet()) {
            int before = links.getOrDefault(e.getKey(), 0);
            int now = before + e.getValue();
            if (before == 0 && now > 0) {
                figures[contacted]++;
            } else if (before > 0 && now == 0) {
                figures[contacted]--;
            }
            persons[n] = e.getKey();
            after[n++] = now;
        }
        try (PreparedStatement u = c.prepareStatement("INSERT INTO sentlog_summary_person (message_id, person_id, "
                + "links) SELECT ?, u.person_id, u.links FROM " + Sql.unnest("u", "text integer", "person_id, links")
                + " ON CONFLICT (message_id, person_id) DO UPDATE SET links = EXCLUDED.links")) {
            u.setString(1, messageId);
            Sql.setArrays(c, u, 2, "text integer", persons, after);
            u.executeUpdate();
        }
    }

    /**
     * Adds the time multisets' deltas in one statement. A time whose count a delta brings to zero is
     * deleted, found by its row address ({@code ctid}) in the same snapshot that read its count; every
     * other time is inserted or has the delta added. The statement's plan does not depend on the
     * table's statistics: a decrement reads its row by the primary key, one probe each, and the
     * deletion is a TID scan. (It replaces an upsert followed by a {@code DELETE ... USING unnest(...)}
     * of the times at zero or below: one round trip and one plan fewer per batch; see README,
     * Benchmarks.) A decrement of a time that is not stored is ignored, as the pair ignored it.
     */
    private static void applyTimes(Connection c, String messageId, Map<TimeKey, Integer> deltas)
            throws SQLException {
        Integer[] kinds = new Integer[deltas.size()];
        Long[] times = new Long[deltas.size()];
        Integer[] changes = new Integer[deltas.size()];
        int n = 0;
        for (Map.Entry<TimeKey, Integer> e : deltas.entrySet()) {
            kinds[n] = e.getKey().kind();
            times[n] = e.getKey().at();
            changes[n++] = e.getValue();
        }
        try (PreparedStatement u = c.prepareStatement("WITH d AS MATERIALIZED (SELECT u.kind, u.at, u.change, "
                + "t.tid, t.occurrences FROM " + Sql.unnest("u", "integer bigint integer", "kind, at, change")
                + " LEFT JOIN LATERAL (SELECT t.ctid AS tid, t.occurrences FROM sentlog_summary_time t "
                + "WHERE u.change < 0 AND t.message_id = ? AND t.kind = u.kind AND t.at = u.at LIMIT 1) t ON true), "
                + "gone AS (DELETE FROM sentlog_summary_time t WHERE t.ctid = ANY (ARRAY(SELECT d.tid FROM d "
                + "WHERE d.tid IS NOT NULL AND d.occurrences + d.change <= 0))) "
                + "INSERT INTO sentlog_summary_time (message_id, kind, at, occurrences) "
                + "SELECT ?, d.kind::smallint, d.at, d.change FROM d "
                + "WHERE CASE WHEN d.tid IS NULL THEN d.change > 0 ELSE d.occurrences + d.change > 0 END "
                + "ON CONFLICT (message_id, kind, at) "
                + "DO UPDATE SET occurrences = sentlog_summary_time.occurrences + EXCLUDED.occurrences")) {
            int next = Sql.setArrays(c, u, 1, "integer bigint integer", kinds, times, changes);
            u.setString(next, messageId);
            u.setString(next + 1, messageId);
            u.executeUpdate();
        }
    }

    /** The maintained summary of a message, read in one statement; null when the message is not stored. */
    static StoredSummary read(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status, version, started_at, ended_at, cancel_by_id, "
                + "cancel_by_name, cancel_at, text_messaging_enabled, summary_figures, "
                + "(SELECT min(t.at) FROM sentlog_summary_time t WHERE t.message_id = m.id AND t.kind = 0 "
                + "AND t.occurrences > 0) AS first_attempt, "
                + "(SELECT max(t.at) FROM sentlog_summary_time t WHERE t.message_id = m.id AND t.kind = 1 "
                + "AND t.occurrences > 0) AS last_final_outcome "
                + "FROM sentlog_message m WHERE m.id = ?")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String cancelBy = rs.getString("cancel_by_id");
                Cancellation cancel = cancelBy == null ? null : new Cancellation(
                        Person.of(cancelBy, rs.getString("cancel_by_name")), Sql.getInstant(rs, "cancel_at"));
                int[] f = figures(rs.getArray("summary_figures"));
                SummaryFigures figures = SummaryLedger.figures(f[Figure.TOTAL_RECIPIENTS.ordinal()],
                        f[Figure.TOTAL_NO_DEVICE.ordinal()], f, Sql.getInstant(rs, "first_attempt"),
                        Sql.getInstant(rs, "last_final_outcome"));
                return StoredSummary.of(messageId, MessageStatus.valueOf(rs.getString("status")),
                        rs.getLong("version"), Sql.getInstant(rs, "started_at"), Sql.getInstant(rs, "ended_at"),
                        cancel, rs.getBoolean("text_messaging_enabled"), figures);
            }
        }
    }

    /**
     * Notifies listeners on {@value JdbcChangeFeed#CHANNEL} that a message changed: sent at commit, in
     * commit order, only if the transaction commits (SPEC E4).
     */
    static void notifyChange(Connection c, String messageId) throws SQLException {
        String payload = messageId.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES
                ? messageId : JdbcChangeFeed.ANY_MESSAGE;
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + JdbcChangeFeed.CHANNEL + "', ?)")) {
            s.setString(1, payload);
            s.executeQuery().close();
        }
    }
}
