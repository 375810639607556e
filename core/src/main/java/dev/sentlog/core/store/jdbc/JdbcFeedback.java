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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Engagement in PostgreSQL (SPEC H5): {@code sentlog_feedback} holds each feedback event of a device
 * once, by (message, row, kind, event id). Writes hold the message row with {@code FOR SHARE}, so a
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
        int rows;
        try (PreparedStatement s = c.prepareStatement("SELECT device_count FROM sentlog_message WHERE id = ? "
                + "AND NOT purging AND redacted_at IS NULL FOR SHARE")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                rows = rs.getInt(1);
            }
        }
        for (FeedbackRecord r : feedback) {
            Checks.requireArgument(r.event().row() < rows, "feedback %s names row %d, but message %s has %d device "
                    + "row(s)", r.event().eventId(), r.event().row(), messageId, rows);
        }
        int added = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_feedback (message_id, row_no, kind, "
                + "event_id, at, channel, address_key, address, person_id, outcome, school) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (FeedbackRecord r : feedback) {
                FeedbackEvent e = r.event();
                s.setString(1, messageId);
                s.setInt(2, e.row());
                s.setString(3, e.kind().name());
                s.setString(4, e.eventId());
                s.setLong(5, Sql.nanos(e.at(), "the time of feedback " + e.eventId() + " of message " + messageId));
                s.setString(6, r.channel().name());
                s.setString(7, ContactFact.key(r.channel(), r.address()));
                s.setString(8, r.address());
                s.setString(9, r.personId());
                s.setString(10, Sql.outcome(r.outcome()));
                s.setString(11, r.school());
                added += s.executeUpdate();
            }
        }
        return added;
    }

    /** A message's events in {@link FeedbackEvent#ORDER}; none for a purging or redacted message. */
    static List<FeedbackEvent> events(Connection c, String messageId) throws SQLException {
        List<FeedbackEvent> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.row_no, f.kind, f.event_id, f.at FROM sentlog_feedback f "
                + "JOIN sentlog_message m ON m.id = f.message_id WHERE f.message_id = ? AND NOT m.purging "
                + "AND m.redacted_at IS NULL")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedbackEvent(rs.getInt(1), FeedbackKind.valueOf(rs.getString(2)), rs.getString(3),
                            Sql.instant(rs.getLong(4))));
                }
            }
        }
        out.sort(FeedbackEvent.ORDER);
        return out;
    }

    /** The first unsubscribe or complaint of each (message, row, kind) of messages not purging. */
    static List<ContactFact> suppressions(Connection c) throws SQLException {
        List<ContactFact> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT ON (f.channel, f.address, f.message_id, f.row_no, "
                + "f.kind) f.channel, f.address, f.message_id, f.row_no, f.kind, f.outcome, f.at, f.person_id, f.school "
                + "FROM sentlog_feedback f JOIN sentlog_message m ON m.id = f.message_id WHERE f." + SUPPRESSING
                + " AND NOT m.purging ORDER BY f.channel, f.address COLLATE \"C\", f.message_id COLLATE \"C\", "
                + "f.row_no, f.kind, f.at, f.event_id COLLATE \"C\"")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ContactFact(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getInt(4), ContactKind.valueOf(rs.getString(5)), Sql.outcome(rs.getString(6)),
                            Sql.instant(rs.getLong(7)), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Which of the addresses an unsubscribe or a complaint marked "do not contact". */
    static Set<String> suppressedAmong(Connection c, Channel channel, Collection<String> addresses)
            throws SQLException {
        Set<String> out = new HashSet<>();
        if (addresses.isEmpty()) {
            return out;
        }
        String[] keys = new String[addresses.size()];
        int i = 0;
        for (String a : addresses) {
            keys[i++] = ContactFact.key(channel, a);
        }
        Array array = c.createArrayOf("text", keys);
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT f.address FROM sentlog_feedback f "
                + "JOIN sentlog_message m ON m.id = f.message_id WHERE f." + SUPPRESSING + " AND NOT m.purging "
                + "AND f.address_key = ANY (?)")) {
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } finally {
            array.free();
        }
        return out;
    }
}
