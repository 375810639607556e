package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.FeedbackKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Engagement in PostgreSQL (SPEC H5): {@code sentlog_feedback} holds each feedback event of a device
 * once, by (message, entry, device, kind, event id). Writes hold the message row with {@code FOR SHARE}, so a
 * redaction or a purge mark waits for them, and a feedback never lands on a redacted or purging
 * message. The unsubscribes and complaints are indexed by address: they make the "do not contact"
 * facts (H3).
 */
final class JdbcFeedback {

    private static final String SUPPRESSING = "kind IN ('UNSUBSCRIBED', 'COMPLAINED')";

    private JdbcFeedback() {
    }

    /** Inserts the events not yet stored; 0 when the message is unknown, purging or redacted. */
    static int record(Connection c, String messageId, List<FeedbackRecord> feedback) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_message WHERE id = ? "
                + "AND NOT purging AND redacted_at IS NULL FOR SHARE")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_device WHERE message_id = ? "
                + "AND entry_no = ? AND device_no = ? AND row_no = ?")) {
            for (FeedbackRecord r : feedback) {
                s.setString(1, messageId);
                s.setInt(2, r.event().entry());
                s.setInt(3, r.event().device());
                s.setInt(4, r.row());
                try (ResultSet rs = s.executeQuery()) {
                    Checks.requireArgument(rs.next(), "feedback %s names entry %d device %d (row %d), which message "
                            + "%s does not hold", r.event().eventId(), r.event().entry(), r.event().device(), r.row(),
                            messageId);
                }
            }
        }
        int added = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_feedback (message_id, entry_no, device_no, "
                + "row_no, kind, event_id, at, channel, address_key, address, person_id, outcome, school) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (FeedbackRecord r : feedback) {
                FeedbackEvent e = r.event();
                s.setString(1, messageId);
                s.setInt(2, e.entry());
                s.setInt(3, e.device());
                s.setInt(4, r.row());
                s.setString(5, e.kind().name());
                s.setString(6, e.eventId());
                s.setLong(7, Sql.nanos(e.at(), "the time of feedback " + e.eventId() + " of message " + messageId));
                s.setString(8, r.channel().name());
                s.setString(9, ContactFact.key(r.channel(), r.address()));
                s.setString(10, r.address());
                s.setString(11, r.personId());
                s.setString(12, Sql.outcome(r.outcome()));
                s.setString(13, r.school());
                added += s.executeUpdate();
            }
        }
        return added;
    }

    /** The messages' events, each list in {@link FeedbackEvent#ORDER}; none for a purging or redacted message. */
    static Map<String, List<FeedbackEvent>> events(Connection c, List<String> messageIds) throws SQLException {
        Map<String, List<FeedbackEvent>> out = new HashMap<>();
        Array array = c.createArrayOf("text", messageIds.toArray(new String[0]));
        try (PreparedStatement s = c.prepareStatement("SELECT f.message_id, f.entry_no, f.device_no, f.kind, "
                + "f.event_id, f.at FROM sentlog_feedback f JOIN sentlog_message m ON m.id = f.message_id "
                + "WHERE f.message_id = ANY (?) AND NOT m.purging AND m.redacted_at IS NULL")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FeedbackEvent(rs.getInt(2),
                            rs.getInt(3), FeedbackKind.valueOf(rs.getString(4)), rs.getString(5),
                            Sql.instant(rs.getLong(6))));
                }
            }
        } finally {
            array.free();
        }
        out.values().forEach(l -> l.sort(FeedbackEvent.ORDER));
        return out;
    }

    /** The first unsubscribe or complaint of each (message, row, kind) of messages not purging. */
    static List<ContactFact> suppressions(Connection c) throws SQLException {
        Map<String, ContactFact> first = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.channel, f.address, f.message_id, f.row_no, f.kind, "
                + "f.outcome, f.at, f.person_id, f.school FROM sentlog_feedback f JOIN sentlog_message m "
                + "ON m.id = f.message_id WHERE f." + SUPPRESSING + " AND NOT m.purging AND m.redacted_at IS NULL")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ContactFact f = new ContactFact(Channel.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getInt(4), ContactKind.valueOf(rs.getString(5)),
                            Sql.outcome(rs.getString(6)), Sql.instant(rs.getLong(7)), rs.getString(8), rs.getString(9));
                    first.merge(f.messageId() + "\u0000" + f.row() + "\u0000" + f.kind(), f,
                            (a, b) -> b.at().isBefore(a.at()) ? b : a);
                }
            }
        }
        List<ContactFact> out = new ArrayList<>(first.values());
        out.sort(ContactFact.ORDER);
        return out;
    }

    /** Which of the addresses an unsubscribe or a complaint marked "do not contact". */
    static Set<String> suppressedAmong(Connection c, Channel channel, Collection<String> addresses)
            throws SQLException {
        return JdbcContactLedger.addressesAmong(c, "SELECT DISTINCT f.address FROM sentlog_feedback f "
                + "JOIN sentlog_message m ON m.id = f.message_id WHERE f." + SUPPRESSING + " AND NOT m.purging "
                + "AND m.redacted_at IS NULL AND f.address_key = ANY (?)", channel, addresses);
    }
}
