package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device rows of one message inside the store's transaction, with the message row locked.
 * Rows are loaded when first read, one by one by primary key; after {@value #SINGLE_LOADS_BEFORE_BULK}
 * single loads (a full scan) the rest come in one streamed query. Devices announced with
 * {@link #prefetch} (a batch of reports) come in one query. Only changed rows are written back, in
 * one statement, with the message's counters, so applying a batch of reports costs a constant
 * number of round trips whatever the batch's and the message's size.
 */
final class JdbcDeviceTable implements DeviceTable {

    static final int SINGLE_LOADS_BEFORE_BULK = 32;

    /** A prefetch of at least one in this many of the message's rows reads all rows instead. */
    static final int BULK_FRACTION = 4;

    private static final String COLUMNS = "row_no, entry_no, device_no, person_id, next_row_of_person, channel, "
            + "address, outcome, confirmed, reached_at, sequence, submitted, is_final, address_key, ctid";

    private static final class Row {
        int number;
        int entry;
        int device;
        String personId;
        int nextOfPerson;
        Channel channel;
        String address;
        DeviceOutcome outcome;
        boolean confirmed;
        Instant reachedAt;
        long sequence;
        boolean submitted;
        boolean isFinal;
        boolean dirty;
        /** The normalised address key (SPEC D1, E3), null for no device; and the outcome as loaded. */
        String addressKey;
        DeviceOutcome loadedOutcome;
        boolean loadedConfirmed;
        Instant loadedReachedAt;
        /** Where the version read lies ({@code ctid}); it stays there while the message row is locked. */
        String tid;
    }

    private final Connection connection;
    private final String messageId;
    private final int size;
    private final Map<Integer, Row> rows = new HashMap<>();
    private final Map<Long, Integer> rowOfDevice = new HashMap<>();
    /** Devices asked for by {@link #prefetch}; those not in {@link #rowOfDevice} do not exist. */
    private final Set<Long> prefetched = new HashSet<>();
    private final List<Row> changed = new ArrayList<>();
    private boolean allLoaded;
    private int singleLoads;
    private int open;
    private int submitted;
    private Instant lastActivity;
    private boolean countersChanged;
    private boolean closed;
    /** The maintained summary figures, as read with the locked message row (SPEC E3); null when not maintained. */
    private final int[] figures;
    private final String school;
    /** The rows the callback noted for the contact ledger (SPEC H3), with what they say. */
    private final Map<Integer, ContactKind> notes = new LinkedHashMap<>();

    private JdbcDeviceTable(Connection connection, String messageId, String school, int size, int open,
                            int submitted, Instant lastActivity, int[] figures) {
        this.figures = figures;
        this.connection = connection;
        this.school = school;
        this.messageId = messageId;
        this.size = size;
        this.open = open;
        this.submitted = submitted;
        this.lastActivity = lastActivity;
    }

    /**
     * Locks the message row and opens its device table: no rows for a redacted message (SPEC X2), none
     * at all for one marked for purging (X1).
     *
     * @return the table, or null when the message is not stored
     */
    static JdbcDeviceTable open(Connection c, String messageId) throws SQLException {
        return open(c, messageId, true);
    }

    /**
     * Locks the message row and opens its device table.
     *
     * @param maintained whether the store maintains the message's summary (SPEC E3)
     * @return the table, or null when the message is not stored
     */
    static JdbcDeviceTable open(Connection c, String messageId, boolean maintained) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CASE WHEN redacted_at IS NULL THEN device_count "
                + "ELSE 0 END, open_count, submitted_count, last_activity, summary_figures, district_or_school "
                + "FROM sentlog_message WHERE id = ? AND NOT purging FOR UPDATE")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new JdbcDeviceTable(c, messageId, rs.getString(6), rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        Sql.getInstant(rs, "last_activity"), maintained ? JdbcSummary.figures(rs.getArray(5)) : null);
            }
        }
    }

    /**
     * Writes the changed rows, the counters and the maintained summary's deltas (SPEC E3) back, and
     * notifies listeners of the change (E4); the table is unusable afterwards.
     */
    void flush() throws SQLException {
        List<JdbcContactLedger.Change> contactChanges = contactChanges();
        closed = true;
        boolean figuresChanged = false;
        if (!changed.isEmpty() && figures != null) {
            List<JdbcSummary.DeviceChange> deltas = new ArrayList<>(changed.size());
            for (Row r : changed) {
                if (r.addressKey != null) {
                    deltas.add(new JdbcSummary.DeviceChange(r.addressKey, r.channel, r.loadedOutcome,
                            r.loadedConfirmed, r.loadedReachedAt, r.outcome, r.confirmed, r.reachedAt));
                }
            }
            figuresChanged = JdbcSummary.apply(connection, messageId, figures, deltas);
        }
        if (!changed.isEmpty()) {
            writeChanged();
        }
        if (countersChanged || figuresChanged) {
            try (PreparedStatement s = connection.prepareStatement("UPDATE sentlog_message SET open_count = ?, "
                    + "submitted_count = ?, last_activity = ?, "
                    + "summary_figures = COALESCE(?::integer[], summary_figures) WHERE id = ?")) {
                s.setInt(1, open);
                s.setInt(2, submitted);
                if (lastActivity == null) {
                    s.setNull(3, Types.BIGINT);
                } else {
                    s.setLong(3, Sql.nanos(lastActivity, "lastActivity of message " + messageId));
                }
                if (figures == null) {
                    s.setNull(4, Types.ARRAY);
                } else {
                    s.setArray(4, JdbcSummary.figuresArray(connection, figures));
                }
                s.setString(5, messageId);
                s.executeUpdate();
            }
        }
        JdbcContactLedger.apply(connection, contactChanges);
        if (!changed.isEmpty() || countersChanged) {
            JdbcSummary.notifyChange(connection, messageId);
        }
    }

    /** Writes every changed row in one statement: the rows' new values travel as arrays, one per column. */
    private void writeChanged() throws SQLException {
        int n = changed.size();
        String[] tids = new String[n];
        Integer[] numbers = new Integer[n];
        String[] outcomes = new String[n];
        Boolean[] confirmed = new Boolean[n];
        Long[] reachedAt = new Long[n];
        Long[] sequences = new Long[n];
        Boolean[] submittedFlags = new Boolean[n];
        Boolean[] finalFlags = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Row r = changed.get(i);
            tids[i] = r.tid;
            numbers[i] = r.number;
            outcomes[i] = Sql.outcome(r.outcome);
            confirmed[i] = r.confirmed;
            reachedAt[i] = r.reachedAt == null ? null : Sql.nanos(r.reachedAt,
                    "reachedAt of a device of message " + messageId);
            sequences[i] = r.sequence;
            submittedFlags[i] = r.submitted;
            finalFlags[i] = r.isFinal;
        }
        // each row is found where it was read (a TID scan): the message row's lock keeps every other
        // writer of these rows waiting, and the key columns still have to match
        String types = "tid integer text boolean bigint bigint boolean boolean";
        try (PreparedStatement s = connection.prepareStatement("UPDATE sentlog_device d SET outcome = u.outcome, "
                + "confirmed = u.confirmed, reached_at = u.reached_at, sequence = u.sequence, submitted = u.submitted, "
                + "is_final = u.is_final FROM " + Sql.unnest("u", types, "tid, row_no, outcome, confirmed, "
                + "reached_at, sequence, submitted, is_final") + " WHERE d.ctid = u.tid AND d.message_id = ? "
                + "AND d.row_no = u.row_no")) {
            int next = Sql.setArrays(connection, s, 1, types, tids, numbers, outcomes, confirmed, reachedAt,
                    sequences, submittedFlags, finalFlags);
            s.setString(next, messageId);
            int updated = s.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("wrote " + updated + " of the " + n + " changed device rows of message "
                        + messageId);
            }
        }
    }

    private List<JdbcContactLedger.Change> contactChanges() {
        List<JdbcContactLedger.Change> out = new ArrayList<>(notes.size());
        for (Map.Entry<Integer, ContactKind> n : notes.entrySet()) {
            Row r = load(n.getKey());
            String address = Addresses.normalise(r.channel, r.address);
            if (address.isBlank()) {
                continue;
            }
            ContactFact fact = n.getValue() == ContactKind.NOT_ATTEMPTED || r.reachedAt == null ? null
                    : new ContactFact(r.channel, address, messageId, r.number, n.getValue(), r.outcome, r.reachedAt,
                    r.personId, school);
            out.add(new JdbcContactLedger.Change(ContactFact.key(r.channel, address), r.channel, address, messageId,
                    r.number, fact));
        }
        return out;
    }

    /** How many device rows were read from the database (for tests of the lazy loading). */
    int loadedRows() {
        return rows.size();
    }

    /** How many device rows will be written back. */
    int changedRows() {
        return changed.size();
    }

    /** Marks the table unusable without writing (the transaction rolls back). */
    void discard() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the device table of message " + messageId
                    + " is used after its callback returned");
        }
    }

    private Row load(int row) {
        requireOpen();
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of message " + messageId + ", which has " + size
                    + " device row(s)");
        }
        Row r = rows.get(row);
        if (r != null) {
            return r;
        }
        try {
            if (singleLoads < SINGLE_LOADS_BEFORE_BULK) {
                singleLoads++;
                r = queryOne("row_no = ?", row, 0);
            } else {
                loadAll();
                r = rows.get(row);
            }
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
        if (r == null) {
            throw new IllegalStateException("device row " + row + " of message " + messageId + " is missing");
        }
        return r;
    }

    private Row queryOne(String condition, int first, int second) throws SQLException {
        boolean byDevice = condition.contains("entry_no");
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM sentlog_device "
                + "WHERE message_id = ? AND " + condition)) {
            s.setString(1, messageId);
            s.setInt(2, first);
            if (byDevice) {
                s.setInt(3, second);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? remember(rs) : null;
            }
        }
    }

    private void loadAll() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS + " FROM sentlog_device "
                + "WHERE message_id = ? ORDER BY row_no")) {
            s.setFetchSize(10_000);
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!rows.containsKey(rs.getInt(1))) {
                        remember(rs);
                    }
                }
            }
        }
        allLoaded = true;
    }

    private Row remember(ResultSet rs) throws SQLException {
        Row r = new Row();
        r.number = rs.getInt(1);
        r.entry = rs.getInt(2);
        r.device = rs.getInt(3);
        r.personId = rs.getString(4);
        r.nextOfPerson = rs.getInt(5);
        r.channel = Channel.valueOf(rs.getString(6));
        r.address = rs.getString(7);
        r.outcome = Sql.outcome(rs.getString(8));
        r.confirmed = rs.getBoolean(9);
        r.reachedAt = Sql.getInstant(rs, "reached_at");
        r.sequence = rs.getLong(11);
        r.submitted = rs.getBoolean(12);
        r.isFinal = rs.getBoolean(13);
        r.addressKey = rs.getString(14);
        r.tid = rs.getString(15);
        r.loadedOutcome = r.outcome;
        r.loadedConfirmed = r.confirmed;
        r.loadedReachedAt = r.reachedAt;
        rows.put(r.number, r);
        rowOfDevice.put(deviceKey(r.entry, r.device), r.number);
        return r;
    }

    /**
     * Reads the rows of the devices named that are not loaded yet, in one query (all rows, streamed,
     * when they are many). Devices found missing are remembered, so that {@link #row} answers -1 for
     * them without asking again.
     */
    @Override
    public void prefetch(int[] entries, int[] devices) {
        DeviceTable.super.prefetch(entries, devices);
        requireOpen();
        if (allLoaded) {
            return;
        }
        List<Integer> wantedEntries = new ArrayList<>();
        List<Integer> wantedDevices = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            long key = deviceKey(entries[i], devices[i]);
            if (entries[i] >= 0 && devices[i] >= 0 && !rowOfDevice.containsKey(key) && prefetched.add(key)) {
                wantedEntries.add(entries[i]);
                wantedDevices.add(devices[i]);
            }
        }
        if (wantedEntries.isEmpty()) {
            return;
        }
        try {
            if ((long) wantedEntries.size() * BULK_FRACTION >= size) {
                loadAll();
                return;
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT " + COLUMNS.replaceAll("(^|, )", "$1d.")
                    + " FROM " + Sql.unnest("u", "integer integer", "entry_no, device_no") + " JOIN sentlog_device d "
                    + "ON d.message_id = ? AND d.entry_no = u.entry_no AND d.device_no = u.device_no")) {
                s.setFetchSize(10_000);
                int next = Sql.setArrays(connection, s, 1, "integer integer", wantedEntries.toArray(),
                        wantedDevices.toArray());
                s.setString(next, messageId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!rows.containsKey(rs.getInt(1))) {
                            remember(rs);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
    }

    private static long deviceKey(int entry, int device) {
        return ((long) entry << 32) | (device & 0xffffffffL);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int row(int entry, int device) {
        if (entry < 0 || device < 0) {
            return -1;
        }
        long key = deviceKey(entry, device);
        Integer known = rowOfDevice.get(key);
        if (known != null) {
            return known;
        }
        if (allLoaded || prefetched.contains(key)) {
            return -1;
        }
        requireOpen();
        try {
            Row r = queryOne("entry_no = ? AND device_no = ?", entry, device);
            return r == null ? -1 : r.number;
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
    }

    @Override
    public int entryIndex(int row) {
        return load(row).entry;
    }

    @Override
    public int deviceIndex(int row) {
        return load(row).device;
    }

    @Override
    public Channel channel(int row) {
        return load(row).channel;
    }

    @Override
    public String address(int row) {
        return load(row).address;
    }

    @Override
    public String personId(int row) {
        return load(row).personId;
    }

    @Override
    public int nextRowOfPerson(int row) {
        return load(row).nextOfPerson;
    }

    @Override
    public DeviceOutcome outcome(int row) {
        return load(row).outcome;
    }

    @Override
    public boolean confirmed(int row) {
        return load(row).confirmed;
    }

    @Override
    public Instant reachedAt(int row) {
        return load(row).reachedAt;
    }

    @Override
    public long sequence(int row) {
        return load(row).sequence;
    }

    @Override
    public boolean submitted(int row) {
        return load(row).submitted;
    }

    @Override
    public boolean isFinal(int row) {
        return load(row).isFinal;
    }

    @Override
    public void set(int row, DeviceOutcome outcome, boolean confirmed, Instant reachedAt, long sequence,
                    boolean isFinal) {
        Row r = load(row);
        if (reachedAt != null) {
            Sql.nanos(reachedAt, "reachedAt of row " + row + " of message " + messageId);
        }
        boolean wasOpen = r.submitted && !r.isFinal;
        r.outcome = outcome;
        r.confirmed = confirmed;
        r.reachedAt = reachedAt;
        r.sequence = sequence;
        r.isFinal = isFinal;
        boolean isOpen = r.submitted && !isFinal;
        addOpen((isOpen ? 1 : 0) - (wasOpen ? 1 : 0));
        changed(r);
    }

    @Override
    public void markSubmitted(int row) {
        Row r = load(row);
        if (!r.submitted) {
            r.submitted = true;
            submitted++;
            countersChanged = true;
            if (!r.isFinal) {
                addOpen(1);
            }
            changed(r);
        }
    }

    private void addOpen(int delta) {
        if (delta != 0) {
            open += delta;
            countersChanged = true;
        }
    }

    private void changed(Row r) {
        if (!r.dirty) {
            r.dirty = true;
            changed.add(r);
        }
    }

    @Override
    public void noteContact(int row, ContactKind kind) {
        Checks.requireNonNull(kind, "kind");
        load(row);
        notes.put(row, kind);
    }

    @Override
    public int openCount() {
        return open;
    }

    @Override
    public int submittedCount() {
        return submitted;
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public void touch(Instant at) {
        if (lastActivity == null || at.isAfter(lastActivity)) {
            Sql.nanos(at, "lastActivity of message " + messageId);
            lastActivity = at;
            countersChanged = true;
        }
    }
}
