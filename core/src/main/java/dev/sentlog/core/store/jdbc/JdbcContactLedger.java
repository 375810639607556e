package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.AddressStanding;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.spi.Channel;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contact ledger in PostgreSQL (SPEC H3): {@code sentlog_contact_fact} holds one fact per
 * (address, message, row), {@code sentlog_contact_address} each address's standing. Facts are written
 * in the transaction that changes the devices; each touched address's row is locked first (in key
 * order, so two transactions never wait for each other in a cycle), then its facts are read again and
 * its standing stored, so concurrent reports on one address from different messages serialise.
 */
final class JdbcContactLedger {

    private static final String FACT_COLUMNS = "channel, address, message_id, row_no, kind, outcome, at, person_id, "
            + "school";

    /** A change of one row's fact: the new fact, or null to remove the row's fact. */
    record Change(String addressKey, Channel channel, String address, String messageId, int row, ContactFact fact) {
    }

    private JdbcContactLedger() {
    }

    /** Applies the changes of one device callback inside its transaction. */
    static void apply(Connection c, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, List<Change>> byAddress = new TreeMap<>();
        for (Change ch : changes) {
            byAddress.computeIfAbsent(ch.addressKey(), k -> new ArrayList<>()).add(ch);
        }
        for (Map.Entry<String, List<Change>> e : byAddress.entrySet()) {
            Change first = e.getValue().get(0);
            lockAddress(c, e.getKey(), first.channel(), first.address());
            for (Change ch : e.getValue()) {
                writeFact(c, ch);
            }
            AddressStanding s = AddressStanding.of(facts(c, e.getKey()));
            try (PreparedStatement st = c.prepareStatement("UPDATE sentlog_contact_address SET streak = ?, "
                    + "do_not_contact = ? WHERE address_key = ?")) {
                st.setInt(1, s.streak());
                st.setBoolean(2, s.doNotContact());
                st.setString(3, e.getKey());
                st.executeUpdate();
            }
        }
    }

    private static void lockAddress(Connection c, String key, Channel channel, String address) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_contact_address (address_key, channel, "
                + "address, streak, do_not_contact) VALUES (?, ?, ?, 0, false) ON CONFLICT (address_key) DO NOTHING")) {
            s.setString(1, key);
            s.setString(2, channel.name());
            s.setString(3, address);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_contact_address WHERE address_key = ? "
                + "FOR UPDATE")) {
            s.setString(1, key);
            s.executeQuery().close();
        }
    }

    private static void writeFact(Connection c, Change ch) throws SQLException {
        if (ch.fact() == null) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sentlog_contact_fact WHERE address_key = ? "
                    + "AND message_id = ? AND row_no = ?")) {
                s.setString(1, ch.addressKey());
                s.setString(2, ch.messageId());
                s.setInt(3, ch.row());
                s.executeUpdate();
            }
            return;
        }
        ContactFact f = ch.fact();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_contact_fact (address_key, " + FACT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address_key, message_id, row_no) DO UPDATE SET "
                + "kind = EXCLUDED.kind, outcome = EXCLUDED.outcome, at = EXCLUDED.at, person_id = EXCLUDED.person_id")) {
            s.setString(1, ch.addressKey());
            s.setString(2, f.channel().name());
            s.setString(3, f.address());
            s.setString(4, f.messageId());
            s.setInt(5, f.row());
            s.setString(6, f.kind().name());
            s.setString(7, Sql.outcome(f.outcome()));
            s.setLong(8, Sql.nanos(f.at(), "the time of a contact fact of message " + f.messageId()));
            s.setString(9, f.personId());
            s.setString(10, f.school());
            s.executeUpdate();
        }
    }

    private static List<ContactFact> facts(Connection c, String key) throws SQLException {
        List<ContactFact> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + FACT_COLUMNS + " FROM sentlog_contact_fact "
                + "WHERE address_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(fact(rs));
                }
            }
        }
        return out;
    }

    private static ContactFact fact(ResultSet rs) throws SQLException {
        return new ContactFact(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                ContactKind.valueOf(rs.getString(5)), Sql.outcome(rs.getString(6)), Sql.instant(rs.getLong(7)),
                rs.getString(8), rs.getString(9));
    }

    /**
     * The histories of the addresses a condition on {@code sentlog_contact_address} selects, sorted by
     * channel and address as the in-memory ledger sorts them. The histories are sorted in Java rather
     * than by the database, which would sort every fact row. (Reading each selected address's facts
     * through the primary key instead of this join measured slower over 10,000,000 facts: the facts of
     * 80,000 addresses lie on most pages of the table; see README, Benchmarks.)
     */
    static List<AddressHistory> histories(Connection c, String condition, Object parameter) throws SQLException {
        Map<String, List<ContactFact>> byAddress = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.address_key, f." + FACT_COLUMNS.replace(", ", ", f.")
                + " FROM sentlog_contact_address a JOIN sentlog_contact_fact f ON f.address_key = a.address_key "
                + "WHERE " + condition)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<ContactFact> facts = byAddress.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    facts.add(new ContactFact(Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getInt(5), ContactKind.valueOf(rs.getString(6)), Sql.outcome(rs.getString(7)),
                            Sql.instant(rs.getLong(8)), rs.getString(9), rs.getString(10)));
                }
            }
        }
        List<AddressHistory> out = new ArrayList<>(byAddress.size());
        for (List<ContactFact> facts : byAddress.values()) {
            out.add(new AddressHistory(facts.get(0).channel(), facts.get(0).address(), facts));
        }
        out.sort(Comparator.comparing(AddressHistory::channel).thenComparing(AddressHistory::address));
        return out;
    }

    /** Which of the addresses are marked "do not contact". */
    static Set<String> doNotContactAmong(Connection c, Channel channel, Collection<String> addresses)
            throws SQLException {
        return addressesAmong(c, "SELECT address FROM sentlog_contact_address WHERE do_not_contact "
                + "AND address_key = ANY (?)", channel, addresses);
    }

    /**
     * The addresses a query with one parameter, the array of the addresses' ledger keys, answers (as
     * its first column); none for no addresses.
     */
    static Set<String> addressesAmong(Connection c, String query, Channel channel, Collection<String> addresses)
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
        try (PreparedStatement s = c.prepareStatement(query)) {
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
