package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The retention part of the PostgreSQL store (SPEC X1-X3): what is stored for a message, the columns
 * of a redacted message's figures and the legal hold rows.
 */
final class RetentionSql {

    /**
     * Everything stored for a message besides its own {@code sentlog_message} row: the ONE list a purge
     * (every part) and a redaction (the parts holding personal data) remove rows from, in this order.
     * A table that keeps rows per message goes here.
     */
    enum MessagePart {
        DEVICE("sentlog_device", true),
        RECIPIENT("sentlog_recipient", true),
        FILTER_CRITERION("sentlog_filter_criterion", true),
        PROVIDER_JOB("sentlog_provider_job", false),
        LEGAL_HOLD("sentlog_legal_hold", false),
        /** The Recipient Log's index rows (SPEC H1): person ids. */
        PERSON_MESSAGE("sentlog_person_message", true),
        /** The Recipient Log's index rows (SPEC H1): normalised addresses. */
        ADDRESS_MESSAGE("sentlog_address_message", true),
        /** The batches of a hand-over (SPEC N2), before the hand-over they belong to. */
        HAND_OVER_BATCH("sentlog_hand_over_batch", false),
        HAND_OVER("sentlog_hand_over", false),
        /** The maintained summary's per-address counters (SPEC E3): normalised addresses. */
        SUMMARY_ADDRESS("sentlog_summary_address", true),
        /** The maintained summary's per-person links (SPEC E3): person ids. */
        SUMMARY_PERSON("sentlog_summary_person", true),
        SUMMARY_TIME("sentlog_summary_time", false),
        /**
         * The contact ledger's evidence from this message (SPEC H3): addresses, persons; with the copies
         * of the listed addresses' facts in {@code sentlog_contact_listed_fact}, removed together
         * ({@link JdbcContactLedger#eraseFacts}).
         */
        CONTACT_FACT("sentlog_contact_fact", true),
        /** Recipients' feedback on this message's devices (SPEC H5): addresses, persons. */
        FEEDBACK("sentlog_feedback", true),
        /** The links to this message's resends (SPEC Y2). */
        RESENDS("sentlog_resend", "original_id", false),
        /** The link naming this message's original (SPEC Y2). */
        RESEND_OF("sentlog_resend", "resend_id", false);

        final String table;
        /** The column holding the message id. */
        final String column;
        /** Whether a redaction erases it (names, addresses, texts; SPEC X2). */
        final boolean personal;

        MessagePart(String table, boolean personal) {
            this(table, "message_id", personal);
        }

        MessagePart(String table, String column, boolean personal) {
            this.table = table;
            this.column = column;
            this.personal = personal;
        }
    }

    /** The columns of a redacted message's figures, read by {@link #redaction}. */
    static final String REDACTION_COLUMNS = "redacted_at, redacted_figures, redacted_first_attempt, "
            + "redacted_last_outcome, redacted_outcomes";

    private static final String HOLD_COLUMNS = "placed_by_id, placed_by_name, placed_at, reason, lifted_by_id, "
            + "lifted_by_name, lifted_at, lift_reason";

    private RetentionSql() {
    }

    /**
     * Removes at most {@code budget} rows of the message from the parts a purge or a redaction removes.
     *
     * @return the rows removed
     */
    static int eraseParts(Connection c, String messageId, boolean purge, int budget) throws SQLException {
        int removed = 0;
        for (MessagePart part : MessagePart.values()) {
            if (removed >= budget) {
                break;
            }
            if (!purge && !part.personal) {
                continue;
            }
            if (part == MessagePart.CONTACT_FACT) {
                removed += JdbcContactLedger.eraseFacts(c, messageId, budget - removed);
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + part.table + " WHERE ctid = ANY (ARRAY("
                    + "SELECT ctid FROM " + part.table + " WHERE " + part.column + " = ? LIMIT ?))")) {
                s.setString(1, messageId);
                s.setInt(2, budget - removed);
                removed += s.executeUpdate();
            }
        }
        return removed;
    }

    /** Sets the redaction columns, from {@code index}: at, figures, first attempt, last outcome, outcomes. */
    static void setRedaction(Connection c, PreparedStatement s, int index, Redaction r, String where)
            throws SQLException {
        DeliverySummary summary = r.summary();
        DeliveryTotals t = summary.totals();
        Integer[] figures = {t.totalRecipients(), t.totalNoDevice(), t.totalInbox(), t.totalEmails(),
            t.totalEmailsAttempted(), t.totalVoice(), t.totalVoiceAttempted(), t.totalText(), t.totalTextAttempted(),
            t.contactedByPhone(), t.notContactedByPhone(), summary.totalVoiceText(), summary.totalVoiceTextAttempted()};
        s.setLong(index, Sql.nanos(r.redactedAt(), "redactedAt of " + where));
        s.setArray(index + 1, c.createArrayOf("integer", figures));
        Sql.setNanos(s, index + 2, summary.startedAt().orElse(null), "redaction start of " + where);
        Sql.setNanos(s, index + 3, summary.endedAt().orElse(null), "redaction end of " + where);
        StringJoiner outcomes = new StringJoiner(";");
        r.deviceOutcomes().forEach((channel, counts) -> counts.forEach(
                (cls, n) -> outcomes.add(channel.name() + ":" + cls.name() + "=" + n)));
        s.setString(index + 4, outcomes.toString());
    }

    /**
     * The redaction of the current {@code sentlog_message} row, or null when the message is not
     * redacted; the summary's text-messaging flag and cancellation are the row's.
     */
    static Redaction redaction(ResultSet rs, Cancellation cancellation) throws SQLException {
        long at = rs.getLong("redacted_at");
        if (rs.wasNull()) {
            return null;
        }
        Array array = rs.getArray("redacted_figures");
        int[] f;
        try {
            Integer[] boxed = (Integer[]) array.getArray();
            f = new int[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                f[i] = boxed[i];
            }
        } finally {
            array.free();
        }
        DeliveryTotals totals = new DeliveryTotals(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]);
        Map<Channel, Map<OutcomeClass, Integer>> outcomes = new EnumMap<>(Channel.class);
        String stored = rs.getString("redacted_outcomes");
        if (stored != null && !stored.isEmpty()) {
            for (String item : stored.split(";")) {
                int colon = item.indexOf(':');
                int eq = item.indexOf('=');
                outcomes.computeIfAbsent(Channel.valueOf(item.substring(0, colon)), k -> new EnumMap<>(OutcomeClass.class))
                        .put(OutcomeClass.valueOf(item.substring(colon + 1, eq)), Integer.parseInt(item.substring(eq + 1)));
            }
        }
        DeliverySummary summary = new DeliverySummary(totals, f[11], f[12], rs.getBoolean("text_messaging_enabled"),
                Sql.getInstant(rs, "redacted_first_attempt"), Sql.getInstant(rs, "redacted_last_outcome"), cancellation);
        return new Redaction(Sql.instant(at), summary, outcomes);
    }

    /** The holds of a message, oldest first. */
    static List<LegalHold> holds(Connection c, String messageId) throws SQLException {
        List<LegalHold> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + HOLD_COLUMNS + " FROM sentlog_legal_hold "
                + "WHERE message_id = ? ORDER BY hold_no")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String liftedBy = rs.getString(5);
                    out.add(new LegalHold(Person.of(rs.getString(1), rs.getString(2)), Sql.instant(rs.getLong(3)),
                            rs.getString(4), liftedBy == null ? null : Person.of(liftedBy, rs.getString(6)),
                            Sql.getInstant(rs, "lifted_at"), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** Whether the message has a hold in force. */
    static boolean held(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_legal_hold WHERE message_id = ? "
                + "AND lifted_at IS NULL")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Appends a hold as number {@code holdNo}. */
    static void insertHold(Connection c, String messageId, int holdNo, LegalHold h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_legal_hold (message_id, hold_no, "
                + HOLD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)")) {
            s.setString(1, messageId);
            s.setInt(2, holdNo);
            s.setString(3, h.placedBy().id());
            s.setString(4, h.placedBy().name());
            s.setLong(5, Sql.nanos(h.placedAt(), "hold time of message " + messageId));
            s.setString(6, h.reason());
            s.executeUpdate();
        }
    }

    /** Records the lift of hold number {@code holdNo}. */
    static void liftHold(Connection c, String messageId, int holdNo, LegalHold lifted) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_legal_hold SET lifted_by_id = ?, "
                + "lifted_by_name = ?, lifted_at = ?, lift_reason = ? WHERE message_id = ? AND hold_no = ?")) {
            Person by = lifted.liftedBy().orElseThrow();
            s.setString(1, by.id());
            s.setString(2, by.name());
            s.setLong(3, Sql.nanos(lifted.liftedAt().orElseThrow(), "hold lift time of message " + messageId));
            s.setString(4, lifted.liftReason().orElseThrow());
            s.setString(5, messageId);
            s.setInt(6, holdNo);
            s.executeUpdate();
        }
    }
}
