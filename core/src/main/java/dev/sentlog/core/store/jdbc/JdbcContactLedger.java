package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.AddressStanding;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
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
 *
 * <p>The listed addresses (a failure streak or "do not contact") are kept apart as well, under the same
 * lock: {@code sentlog_contact_listed} holds their standing, {@code sentlog_contact_listed_fact} a copy
 * of their facts, stored together, so that listing reads those pages only and not the whole ledger's.
 * Whatever removes a fact (a purge, a redaction) removes its copy in the same transaction, under the
 * address's lock.
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
     * rows' facts, read the addresses' facts again, store their standings; then, when a touched address
     * was or is listed, at most two more keep the listed tables in step ({@link #relist}).
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
        Set<String> wasListed = lockAddresses(c, byAddress.values());
        removeFacts(c, removed);
        writeFacts(c, written);
        Map<String, List<ContactFact>> facts = new TreeMap<>();
        for (String key : byAddress.keySet()) {
            facts.put(key, new ArrayList<>());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + FACT_COLUMNS
                + ", address_key FROM sentlog_contact_fact WHERE address_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", byAddress.keySet().toArray()));
            FactReader reader = new FactReader();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    facts.get(rs.getString(10)).add(reader.read(rs));
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
        relist(c, byAddress, wasListed, keys, streaks, doNotContact);
    }

    /**
     * Keeps the listed tables in step with the touched addresses' new standings: an address no longer
     * listed leaves both, a listed one gets its standing and a fresh copy of its facts. In no statement
     * when no touched address was or is listed (most report batches); otherwise one statement removes
     * the rows and copies of the addresses that were listed, one writes those that are.
     */
    private static void relist(Connection c, Map<String, Change> byAddress, Set<String> wasListed, String[] keys,
            Integer[] streaks, Boolean[] doNotContact) throws SQLException {
        List<Integer> listed = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (streaks[i] > 0 || doNotContact[i]) {
                listed.add(i);
            } else if (wasListed.contains(keys[i])) {
                unlisted.add(keys[i]);
            }
        }
        if (!wasListed.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("WITH gone AS (DELETE FROM sentlog_contact_listed "
                    + "WHERE address_key = ANY (?)) DELETE FROM sentlog_contact_listed_fact WHERE address_key = ANY (?)")) {
                s.setArray(1, c.createArrayOf("text", unlisted.toArray()));
                s.setArray(2, c.createArrayOf("text", wasListed.toArray()));
                s.executeUpdate();
            }
        }
        if (listed.isEmpty()) {
            return;
        }
        int n = listed.size();
        String[] listedKeys = new String[n];
        String[] channels = new String[n];
        String[] addresses = new String[n];
        Integer[] listedStreaks = new Integer[n];
        Boolean[] listedDoNotContact = new Boolean[n];
        for (int j = 0; j < n; j++) {
            int i = listed.get(j);
            Change first = byAddress.get(keys[i]);
            listedKeys[j] = keys[i];
            channels[j] = first.channel().name();
            addresses[j] = first.address();
            listedStreaks[j] = streaks[i];
            listedDoNotContact[j] = doNotContact[i];
        }
        String types = "text text text integer boolean";
        try (PreparedStatement s = c.prepareStatement("WITH standing AS (INSERT INTO sentlog_contact_listed "
                + "(address_key, channel, address, streak, do_not_contact) SELECT * FROM " + Sql.unnest("u", types,
                "address_key, channel, address, streak, do_not_contact") + " ON CONFLICT (address_key) DO UPDATE "
                + "SET streak = EXCLUDED.streak, do_not_contact = EXCLUDED.do_not_contact) "
                + "INSERT INTO sentlog_contact_listed_fact (address_key, " + FACT_COLUMNS + ") SELECT address_key, "
                + FACT_COLUMNS + " FROM sentlog_contact_fact WHERE address_key = ANY (?)")) {
            int next = Sql.setArrays(c, s, 1, types, listedKeys, channels, addresses, listedStreaks,
                    listedDoNotContact);
            s.setArray(next, c.createArrayOf("text", listedKeys));
            s.executeUpdate();
        }
    }

    /**
     * Creates the addresses' rows that are missing and locks every one, in one statement that takes
     * them in key order (byte order, whatever the database's collation): two transactions never wait
     * for each other in a cycle. The no-op update is what locks a row that exists.
     *
     * @return the keys of the addresses that were listed (a streak or "do not contact") before
     */
    private static Set<String> lockAddresses(Connection c, Collection<Change> firstOfEach) throws SQLException {
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
                + "ON CONFLICT (address_key) DO UPDATE SET streak = sentlog_contact_address.streak "
                + "RETURNING address_key, streak > 0 OR do_not_contact")) {
            Sql.setArrays(c, s, 1, "text text text", keys, channels, addresses);
            Set<String> listed = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        listed.add(rs.getString(1));
                    }
                }
            }
            return listed;
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

    /**
     * Reads facts from rows whose first columns are {@link #FACT_COLUMNS}. The few message ids, schools
     * and outcomes repeat over a query's facts: the reader keeps one instance of each.
     */
    private static final class FactReader {
        private final Map<String, String> shared = new HashMap<>();
        private final Map<String, DeviceOutcome> outcomes = new HashMap<>();

        ContactFact read(ResultSet rs) throws SQLException {
            return new ContactFact(Channel.valueOf(rs.getString(1)), rs.getString(2),
                    shared.computeIfAbsent(rs.getString(3), k -> k), rs.getInt(4), ContactKind.valueOf(rs.getString(5)),
                    outcomes.computeIfAbsent(rs.getString(6), Sql::outcome), Sql.instant(rs.getLong(7)),
                    rs.getString(8), shared.computeIfAbsent(rs.getString(9), k -> k));
        }
    }

    /**
     * The histories of the listed addresses a condition on {@code sentlog_contact_listed a} selects,
     * from the listed tables only, sorted by channel and then address as the in-memory ledger sorts
     * them. The facts are grouped per channel and address and the addresses sorted in Java rather than
     * by the database, which would sort every fact row. (Reading them from the whole ledger instead,
     * {@code sentlog_contact_address} joined to {@code sentlog_contact_fact}, measured 2.95 s over
     * 10,000,000 facts: the facts of 80,000 listed addresses lie on most of its pages; see README,
     * Benchmarks.)
     */
    static List<AddressHistory> histories(Connection c, String condition, Object parameter) throws SQLException {
        Map<Channel, Map<String, List<ContactFact>>> byChannel = new EnumMap<>(Channel.class);
        try (PreparedStatement s = c.prepareStatement("SELECT f." + FACT_COLUMNS.replace(", ", ", f.")
                + " FROM sentlog_contact_listed a JOIN sentlog_contact_listed_fact f ON f.address_key = a.address_key "
                + "WHERE " + condition)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            s.setFetchSize(10_000);
            FactReader reader = new FactReader();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ContactFact f = reader.read(rs);
                    byChannel.computeIfAbsent(f.channel(), k -> new HashMap<>())
                            .computeIfAbsent(f.address(), k -> new ArrayList<>(3)).add(f);
                }
            }
        }
        List<AddressHistory> out = new ArrayList<>();
        byChannel.forEach((channel, byAddress) -> {
            String[] addresses = byAddress.keySet().toArray(new String[0]);
            Arrays.sort(addresses);
            for (String address : addresses) {
                out.add(new AddressHistory(channel, address, byAddress.get(address)));
            }
        });
        return out;
    }

    /**
     * Removes at most {@code budget} rows of a message's facts and their copies in the listed tables
     * (SPEC X1, X2, H3). The facts' addresses are locked first, in key order as {@link #apply} locks
     * them, so no report batch copies a fact while it goes; a copy goes before its original, so a batch
     * that ends between the two leaves an original without its copy, never a copy of a fact the ledger
     * no longer has.
     *
     * @return the rows removed, copies included
     */
    static int eraseFacts(Connection c, String messageId, int budget) throws SQLException {
        List<String> locked = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT address_key FROM sentlog_contact_address "
                + "WHERE address_key IN (SELECT address_key FROM sentlog_contact_fact WHERE message_id = ? LIMIT ?) "
                + "ORDER BY address_key COLLATE \"C\" FOR UPDATE")) {
            s.setString(1, messageId);
            s.setInt(2, budget);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getString(1));
                }
            }
        }
        if (locked.isEmpty()) {
            return 0;
        }
        List<String> copyKeys = new ArrayList<>();
        List<Integer> copyRows = new ArrayList<>();
        List<String> factKeys = new ArrayList<>();
        List<Integer> factRows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.address_key, f.row_no, l.row_no IS NOT NULL "
                + "FROM sentlog_contact_fact f LEFT JOIN sentlog_contact_listed_fact l ON l.address_key = f.address_key "
                + "AND l.message_id = f.message_id AND l.row_no = f.row_no "
                + "WHERE f.message_id = ? AND f.address_key = ANY (?)")) {
            s.setString(1, messageId);
            s.setArray(2, c.createArrayOf("text", locked.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && copyKeys.size() + factKeys.size() < budget) {
                    if (rs.getBoolean(3)) {
                        copyKeys.add(rs.getString(1));
                        copyRows.add(rs.getInt(2));
                    }
                    if (copyKeys.size() + factKeys.size() < budget) {
                        factKeys.add(rs.getString(1));
                        factRows.add(rs.getInt(2));
                    }
                }
            }
        }
        return eraseRows(c, "sentlog_contact_listed_fact", messageId, copyKeys, copyRows)
                + eraseRows(c, "sentlog_contact_fact", messageId, factKeys, factRows);
    }

    private static int eraseRows(Connection c, String table, String messageId, List<String> keys, List<Integer> rows)
            throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " f USING "
                + Sql.unnest("u", "text integer", "address_key, row_no") + " WHERE f.address_key = u.address_key "
                + "AND f.message_id = ? AND f.row_no = u.row_no")) {
            int next = Sql.setArrays(c, s, 1, "text integer", keys.toArray(), rows.toArray());
            s.setString(next, messageId);
            return s.executeUpdate();
        }
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
