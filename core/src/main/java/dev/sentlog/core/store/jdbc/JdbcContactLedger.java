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
    /** The types of address_key and then {@link #FACT_COLUMNS}. */
    private static final String FACT_TYPES = "text text text text integer text text bigint text text";

    /** A change of one row's fact: the new fact, or null to remove the row's fact. */
    record Change(String addressKey, Channel channel, String address, String messageId, int row, ContactFact fact) {
    }

    private JdbcContactLedger() {
    }

    /**
     * Applies the changes of one device callback inside its transaction, in five statements whatever
     * their number: lock the touched addresses (created when new) in key order, remove and write the
     * rows' facts, read the addresses' facts again, store their standings.
     */
    static void apply(Connection c, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Change> byAddress = new TreeMap<>();
        List<Change> removed = new ArrayList<>();
        List<Change> written = new ArrayList<>();
        for (Change ch : changes) {
            byAddress.putIfAbsent(ch.addressKey(), ch);
            (ch.fact() == null ? removed : written).add(ch);
        }
        lockAddresses(c, byAddress.values());
        removeFacts(c, removed);
        writeFacts(c, written);
        Map<String, List<ContactFact>> facts = new TreeMap<>();
        for (String key : byAddress.keySet()) {
            facts.put(key, new ArrayList<>());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + FACT_COLUMNS
                + ", address_key FROM sentlog_contact_fact WHERE address_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", byAddress.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    facts.get(rs.getString(10)).add(fact(rs));
                }
            }
        }
        String[] keys = facts.keySet().toArray(new String[0]);
        Integer[] streaks = new Integer[keys.length];
        Boolean[] doNotContact = new Boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            AddressStanding standing = AddressStanding.of(facts.get(keys[i]));
            streaks[i] = standing.streak();
            doNotContact[i] = standing.doNotContact();
        }
        String types = "text integer boolean";
        try (PreparedStatement st = c.prepareStatement("UPDATE sentlog_contact_address a SET streak = u.streak, "
                + "do_not_contact = u.do_not_contact FROM " + Sql.unnest("u", types, "address_key, streak, "
                + "do_not_contact") + " WHERE a.address_key = u.address_key")) {
            Sql.setArrays(c, st, 1, types, keys, streaks, doNotContact);
            st.executeUpdate();
        }
    }

    /**
     * Creates the addresses' rows that are missing and locks every one, in one statement that takes
     * them in key order (byte order, whatever the database's collation): two transactions never wait
     * for each other in a cycle. The no-op update is what locks a row that exists.
     */
    private static void lockAddresses(Connection c, Collection<Change> firstOfEach) throws SQLException {
        String[] keys = new String[firstOfEach.size()];
        String[] channels = new String[keys.length];
        String[] addresses = new String[keys.length];
        int i = 0;
        for (Change ch : firstOfEach) {
            keys[i] = ch.addressKey();
            channels[i] = ch.channel().name();
            addresses[i++] = ch.address();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_contact_address (address_key, channel, "
                + "address, streak, do_not_contact) SELECT u.address_key, u.channel, u.address, 0, false "
                + "FROM " + Sql.unnest("u", "text text text", "address_key, channel, address")
                + " ORDER BY u.address_key COLLATE \"C\" "
                + "ON CONFLICT (address_key) DO UPDATE SET streak = sentlog_contact_address.streak")) {
            Sql.setArrays(c, s, 1, "text text text", keys, channels, addresses);
            s.executeUpdate();
        }
    }

    private static void removeFacts(Connection c, List<Change> removed) throws SQLException {
        if (removed.isEmpty()) {
            return;
        }
        String[] keys = new String[removed.size()];
        String[] messages = new String[keys.length];
        Integer[] rows = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = removed.get(i).addressKey();
            messages[i] = removed.get(i).messageId();
            rows[i] = removed.get(i).row();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sentlog_contact_fact f USING "
                + Sql.unnest("u", "text text integer", "address_key, message_id, row_no")
                + " WHERE f.address_key = u.address_key AND f.message_id = u.message_id AND f.row_no = u.row_no")) {
            Sql.setArrays(c, s, 1, "text text integer", keys, messages, rows);
            s.executeUpdate();
        }
    }

    private static void writeFacts(Connection c, List<Change> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        int n = written.size();
        String[] keys = new String[n];
        String[] channels = new String[n];
        String[] addresses = new String[n];
        String[] messages = new String[n];
        Integer[] rows = new Integer[n];
        String[] kinds = new String[n];
        String[] outcomes = new String[n];
        Long[] times = new Long[n];
        String[] persons = new String[n];
        String[] schools = new String[n];
        for (int i = 0; i < n; i++) {
            Change ch = written.get(i);
            ContactFact f = ch.fact();
            keys[i] = ch.addressKey();
            channels[i] = f.channel().name();
            addresses[i] = f.address();
            messages[i] = f.messageId();
            rows[i] = f.row();
            kinds[i] = f.kind().name();
            outcomes[i] = Sql.outcome(f.outcome());
            times[i] = Sql.nanos(f.at(), "the time of a contact fact of message " + f.messageId());
            persons[i] = f.personId();
            schools[i] = f.school();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_contact_fact (address_key, " + FACT_COLUMNS
                + ") SELECT * FROM " + Sql.unnest("u", FACT_TYPES, "address_key, " + FACT_COLUMNS)
                + " ON CONFLICT (address_key, message_id, row_no) DO UPDATE SET kind = EXCLUDED.kind, "
                + "outcome = EXCLUDED.outcome, at = EXCLUDED.at, person_id = EXCLUDED.person_id")) {
            Sql.setArrays(c, s, 1, FACT_TYPES, keys, channels, addresses, messages, rows, kinds, outcomes, times,
                    persons, schools);
            s.executeUpdate();
        }
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
