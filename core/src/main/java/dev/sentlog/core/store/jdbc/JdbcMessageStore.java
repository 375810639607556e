package dev.sentlog.core.store.jdbc;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.core.totals.SummaryLedger;
import dev.sentlog.spi.OutcomeClassifier;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.BatchKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link MessageStore} in PostgreSQL, over a {@link DataSource} the host hands over (a pool in
 * production). Uses {@code java.sql} only; the host puts its JDBC driver on the class path.
 *
 * <pre>{@code
 * MessageStore store = JdbcMessageStore.create(dataSource);   // checks the schema version (SPEC N5)
 * SentMessageLog log = SentMessageLog.builder().store(store)...build();
 * }</pre>
 *
 * <h2>Transactions (SPEC N1, N4)</h2>
 * Every call is one transaction: once it returned, it is committed; when it throws, it was rolled
 * back. Every {@link SQLException} (lost connection, timeout, a serialization failure or deadlock
 * still there after {@value #ATTEMPTS} attempts) becomes a {@link StoreUnavailableException} naming
 * the operation, the message id and the SQL state. Calls without a callback are retried on
 * serialization failures and deadlocks; {@link #withDevices} and the four-argument
 * {@link #compareAndSet(String, long, MessageState, Consumer)} are not, so their callbacks run at
 * most once. A lost connection while committing leaves the outcome unknown to the caller, as with
 * any database.
 *
 * <h2>Tables</h2>
 * Normalised, one table per part of a message ({@code sentlog_message}, {@code sentlog_recipient},
 * {@code sentlog_device}, {@code sentlog_filter_criterion}, {@code sentlog_provider_job}), so that
 * a report updates one device row and a search reads header columns only; see
 * {@value #SCHEMA_RESOURCE}. The device rows of a message are read lazily under the message row's
 * lock ({@code SELECT ... FOR UPDATE}); the open and submitted counts are columns of the message,
 * changed by deltas.
 *
 * <h2>PostgreSQL-specific SQL</h2>
 * <ul>
 *   <li>{@code INSERT ... ON CONFLICT (id) DO NOTHING} for the duplicate check;</li>
 *   <li>{@code text[]} columns and {@code = ANY (?)} with JDBC arrays (filter tables; school filters;
 *       loading the jobs of many messages);</li>
 *   <li>{@code GENERATED ALWAYS AS IDENTITY}, a partial index ({@code WHERE is_active}) and
 *       {@code COLLATE "C"} in the schema;</li>
 *   <li>{@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY} for consistent reads,
 *       {@code LIMIT}, and {@code SELECT ... FOR UPDATE} (row locks).</li>
 * </ul>
 */
public final class JdbcMessageStore implements MessageStore {

    /** The schema version this library reads and writes (SPEC N5). */
    public static final int SCHEMA_VERSION = 1;

    /** The class-path resource of the schema, Flyway-named so that a host's migration tool can apply it. */
    public static final String SCHEMA_RESOURCE = "dev/sentlog/core/store/jdbc/V1__sentlog_schema.sql";

    static final int ATTEMPTS = 3;

    /** The classification the maintained summaries count under (SPEC E3; see {@link #summaryClassifier()}). */
    static final OutcomeClassifier CLASSIFIER = OutcomeClassifier.standard();

    private static final int BATCH = 1_000;

    /** Rows a cursor brings per round trip when a message's devices are read. */
    private static final int FETCH_ROWS = 10_000;

    private static final String HEADER_COLUMNS = "id, message_type, message_type_kind, district_or_school, subject, "
            + "sender_id, sender_name, sender_email, reply_to_email, caller_id, created_at, scheduled_at, schedule_id, "
            + "schedule_name, delivery_modes, device_count, status, version, started_at, ended_at, cancel_by_id, "
            + "cancel_by_name, cancel_at";

    private static final String CONSISTENT_READ = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    /** Whether the store maintains each message's summary (false only for the benchmarks' baseline). */
    private final boolean maintained;

    private JdbcMessageStore(DataSource dataSource) {
        this(dataSource, true);
    }

    private JdbcMessageStore(DataSource dataSource, boolean maintained) {
        this.dataSource = dataSource;
        this.maintained = maintained;
    }

    /**
     * A store that keeps no maintained summary and analyses the devices when asked for one: the
     * recompute-every-time way, kept as the benchmarks' baseline only.
     */
    static JdbcMessageStore migrateUnmaintained(DataSource dataSource) {
        migrate(dataSource);
        return new JdbcMessageStore(dataSource, false);
    }

    /**
     * A store over a database that already holds the Sentlog schema of version {@value #SCHEMA_VERSION}
     * (applied by the host's migration tool from {@value #SCHEMA_RESOURCE}, or by {@link #migrate}).
     *
     * @param dataSource where to connect
     * @return the store
     * @throws StoreSchemaException       when the database has no Sentlog schema or another version (N5)
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public static JdbcMessageStore create(DataSource dataSource) {
        JdbcMessageStore store = new JdbcMessageStore(Checks.requireNonNull(dataSource, "dataSource"));
        Integer found = store.transaction("checkSchema", null, true, JdbcMessageStore::schemaVersion);
        if (found == null) {
            throw new StoreSchemaException(SCHEMA_VERSION, null, "apply " + SCHEMA_RESOURCE
                    + " with your migration tool, or call JdbcMessageStore.migrate on an empty database");
        }
        if (found != SCHEMA_VERSION) {
            throw new StoreSchemaException(SCHEMA_VERSION, found, found > SCHEMA_VERSION
                    ? "the database was migrated by a newer Sentlog; upgrade this application"
                    : "apply the newer schema resources of this library with your migration tool");
        }
        return store;
    }

    /**
     * A store that first applies the schema when the database has none (the host asks for it; SPEC
     * N5), then checks the version as {@link #create} does. A database with another version is
     * refused, never changed.
     *
     * @param dataSource where to connect
     * @return the store
     * @throws StoreSchemaException       when the database holds another schema version
     * @throws StoreUnavailableException when the database cannot be reached or the schema fails to apply
     */
    public static JdbcMessageStore migrate(DataSource dataSource) {
        JdbcMessageStore store = new JdbcMessageStore(Checks.requireNonNull(dataSource, "dataSource"));
        store.transaction("migrate", null, false, c -> {
            if (schemaVersion(c) == null) {
                try (Statement s = c.createStatement()) {
                    for (String statement : schemaStatements()) {
                        s.execute(statement);
                    }
                }
            }
            return Boolean.TRUE;
        });
        return create(dataSource);
    }

    private static Integer schemaVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass('sentlog_schema_version') IS NOT NULL")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT max(version) FROM sentlog_schema_version")) {
            rs.next();
            int v = rs.getInt(1);
            return rs.wasNull() ? null : v;
        }
    }

    /** The statements of the schema resource, comments removed. */
    static List<String> schemaStatements() {
        String text;
        try (InputStream in = JdbcMessageStore.class.getResourceAsStream(
                SCHEMA_RESOURCE.substring(SCHEMA_RESOURCE.lastIndexOf('/') + 1))) {
            if (in == null) {
                throw new IllegalStateException("the schema resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the schema resource " + SCHEMA_RESOURCE + " cannot be read", e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                out.add(statement.strip());
            }
        }
        return out;
    }

    private <T> T transaction(String operation, String messageId, boolean retry, Work<T> work) {
        int attempts = retry ? ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            SQLException failure;
            try (Connection c = dataSource.getConnection()) {
                failure = null;
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                failure = e;
            } catch (JdbcFailure e) {
                failure = e.sqlException();
            }
            boolean transientConflict = "40001".equals(failure.getSQLState()) || "40P01".equals(failure.getSQLState());
            if (!transientConflict || attempt >= attempts) {
                throw new StoreUnavailableException(operation, messageId, failure.getSQLState(), failure);
            }
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        Checks.requireNonNull(message, "message");
        Checks.requireNonNull(state, "state");
        MessageState initial = state.withVersion(0);
        return transaction("insert", message.id(), true, c -> {
            insertMessage(c, message, initial);
            insertFilterCriteria(c, message);
            SummaryLedger ledger = SummaryLedger.of(message.recipients(), message.deliveryModes(), CLASSIFIER);
            insertRecipients(c, message, ledger);
            if (maintained) {
                JdbcSummary.insert(c, message.id(), ledger);
            }
            indexRecipients(c, message.id());
            writeJobs(c, message.id(), List.of(), initial.jobs());
            JdbcSearchCount.added(c, message);
            return MessageHeader.of(message, initial);
        });
    }

    private static void insertMessage(Connection c, Message m, MessageState state) throws SQLException {
        String where = "message " + m.id();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_message (id, message_type, "
                + "message_type_kind, district_or_school, subject, sender_id, sender_name, sender_email, reply_to_email, "
                + "caller_id, created_at, scheduled_at, schedule_id, schedule_name, scheduler_sent, delivery_modes, "
                + "text_messaging_enabled, body, text_message, email_attachment_name, email_attachment_uri, "
                + "audio_file_name, audio_file_uri, device_count, status, version, started_at, ended_at, cancel_by_id, "
                + "cancel_by_name, cancel_at, is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, m.id());
            s.setString(2, m.messageType());
            s.setString(3, m.messageTypeKind().name());
            s.setString(4, m.districtOrSchool());
            s.setString(5, m.subject());
            s.setString(6, m.sender().id());
            s.setString(7, m.sender().name());
            s.setString(8, m.sender().email());
            s.setString(9, m.replyToEmail());
            s.setString(10, m.callerId());
            s.setLong(11, Sql.nanos(m.createdAt(), "createdAt of " + where));
            Sql.setNanos(s, 12, m.scheduledAt().orElse(null), "scheduledAt of " + where);
            s.setString(13, m.scheduleId());
            s.setString(14, m.scheduleName());
            s.setBoolean(15, m.isSchedulerSent());
            s.setString(16, Sql.channels(m.deliveryModes()));
            s.setBoolean(17, m.textMessagingEnabled());
            s.setString(18, m.body());
            s.setString(19, m.text());
            setFile(s, 20, m.emailAttachment().orElse(null));
            setFile(s, 22, m.audioFile().orElse(null));
            s.setInt(24, m.deviceCount());
            setState(s, 25, state, where);
            if (s.executeUpdate() == 0) {
                throw new DuplicateMessageException(m.id());
            }
        }
    }

    private static void setFile(PreparedStatement s, int index, FileRef file) throws SQLException {
        s.setString(index, file == null ? null : file.name());
        s.setString(index + 1, file == null ? null : file.uri());
    }

    /** Sets status, version, started_at, ended_at, cancel_by_id, cancel_by_name, cancel_at, is_active. */
    private static void setState(PreparedStatement s, int index, MessageState state, String where)
            throws SQLException {
        s.setString(index, state.status().name());
        s.setLong(index + 1, state.version());
        Sql.setNanos(s, index + 2, state.startedAt().orElse(null), "startedAt of " + where);
        Sql.setNanos(s, index + 3, state.endedAt().orElse(null), "endedAt of " + where);
        Cancellation cancel = state.cancellation().orElse(null);
        s.setString(index + 4, cancel == null ? null : cancel.by().id());
        s.setString(index + 5, cancel == null ? null : cancel.by().name());
        Sql.setNanos(s, index + 6, cancel == null ? null : cancel.at(), "cancellation time of " + where);
        s.setBoolean(index + 7, !state.status().isFinal());
    }

    private static void insertFilterCriteria(Connection c, Message m) throws SQLException {
        if (m.filterCriteria().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_filter_criterion (message_id, position, "
                + "label, value_text, table_columns, table_row_count, table_cells) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (FilterCriterion f : m.filterCriteria()) {
                s.setString(1, m.id());
                s.setInt(2, position++);
                s.setString(3, f.label());
                s.setString(4, f.value().orElse(null));
                FilterTable table = f.table().orElse(null);
                if (table == null) {
                    s.setNull(5, Types.ARRAY);
                    s.setNull(6, Types.INTEGER);
                    s.setNull(7, Types.ARRAY);
                } else {
                    List<String> cells = new ArrayList<>();
                    table.rows().forEach(cells::addAll);
                    s.setArray(5, c.createArrayOf("text", table.columns().toArray()));
                    s.setInt(6, table.rows().size());
                    s.setArray(7, c.createArrayOf("text", cells.toArray()));
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertRecipients(Connection c, Message m, SummaryLedger ledger) throws SQLException {
        List<RecipientEntry> entries = m.recipients();
        int[] nextOfPerson = new int[m.deviceCount()];
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, Integer> lastRow = new HashMap<>();
        int row = 0;
        for (RecipientEntry e : entries) {
            String person = e.person().id();
            for (int d = 0; d < e.devices().size(); d++, row++) {
                Integer previous = lastRow.put(person, row);
                if (previous == null) {
                    firstRow.put(person, row);
                } else {
                    nextOfPerson[previous] = row;
                }
            }
        }
        for (Map.Entry<String, Integer> last : lastRow.entrySet()) {
            nextOfPerson[last.getValue()] = firstRow.get(last.getKey());
        }
        try (PreparedStatement r = c.prepareStatement("INSERT INTO sentlog_recipient (message_id, entry_no, person_id, "
                + "person_name, student_id, student_name) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement d = c.prepareStatement("INSERT INTO sentlog_device (message_id, row_no, entry_no, "
                        + "device_no, person_id, next_row_of_person, channel, address, outcome, confirmed, reached_at, "
                        + "sequence, submitted, is_final, address_key, normal_address) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, false, false, ?, ?)")) {
            row = 0;
            int pending = 0;
            for (int e = 0; e < entries.size(); e++) {
                RecipientEntry entry = entries.get(e);
                Person student = entry.student().orElse(null);
                r.setString(1, m.id());
                r.setInt(2, e);
                r.setString(3, entry.person().id());
                r.setString(4, entry.person().name());
                r.setString(5, student == null ? null : student.id());
                r.setString(6, student == null ? null : student.name());
                r.addBatch();
                for (int i = 0; i < entry.devices().size(); i++, row++) {
                    Device device = entry.devices().get(i);
                    d.setString(1, m.id());
                    d.setInt(2, row);
                    d.setInt(3, e);
                    d.setInt(4, i);
                    d.setString(5, entry.person().id());
                    d.setInt(6, nextOfPerson[row]);
                    d.setString(7, device.channel().name());
                    d.setString(8, device.address());
                    d.setString(9, Sql.outcome(device.outcome()));
                    d.setBoolean(10, device.confirmed());
                    Sql.setNanos(d, 11, device.time().orElse(null), "a device time of message " + m.id());
                    d.setString(12, ledger.addressKeyOfRow(row));
                    String key = Addresses.normalise(device.channel(), device.address());
                    d.setString(13, key.isBlank() ? null : key);
                    d.addBatch();
                }
                pending += 1 + entry.devices().size();
                if (pending >= BATCH) {
                    r.executeBatch();
                    d.executeBatch();
                    pending = 0;
                }
            }
            r.executeBatch();
            d.executeBatch();
        }
    }

    /** The Recipient Log's index rows of a message just inserted (SPEC H1). */
    private static void indexRecipients(Connection c, String messageId) throws SQLException {
        try (PreparedStatement persons = c.prepareStatement("INSERT INTO sentlog_person_message (person_id, "
                + "message_id, created_at, recorded_seq) SELECT DISTINCT r.person_id, m.id, m.created_at, m.recorded_seq"
                + " FROM sentlog_recipient r JOIN sentlog_message m ON m.id = r.message_id WHERE m.id = ?");
                PreparedStatement addresses = c.prepareStatement("INSERT INTO sentlog_address_message (channel, "
                        + "address_key, message_id, created_at, recorded_seq) SELECT DISTINCT d.channel, d.normal_address,"
                        + " m.id, m.created_at, m.recorded_seq FROM sentlog_device d JOIN sentlog_message m"
                        + " ON m.id = d.message_id WHERE m.id = ? AND d.normal_address IS NOT NULL")) {
            persons.setString(1, messageId);
            persons.executeUpdate();
            addresses.setString(1, messageId);
            addresses.executeUpdate();
        }
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("header", messageId, true, c -> Optional.ofNullable(readHeader(c, messageId)));
    }

    private static MessageHeader readHeader(Connection c, String messageId) throws SQLException {
        List<MessageHeader> found = headers(c, "SELECT " + HEADER_COLUMNS + " FROM sentlog_message WHERE id = ? AND NOT purging",
                s -> s.setString(1, messageId));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Runs a {@code count(*)} query. */
    private static long count(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs a query of {@link #HEADER_COLUMNS} and reads the headers with their jobs, in the query's order. */
    private static List<MessageHeader> headers(Connection c, String sql, Binder binder) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(headerRow(rs));
                }
            }
        }
        Map<String, List<ProviderJob>> jobs = jobsOf(c, rows.stream().map(r -> (String) r[0]).toList());
        List<MessageHeader> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(toHeader(r, jobs.getOrDefault((String) r[0], List.of())));
        }
        return out;
    }

    private static Object[] headerRow(ResultSet rs) throws SQLException {
        String cancelBy = rs.getString("cancel_by_id");
        Cancellation cancel = cancelBy == null ? null
                : new Cancellation(Person.of(cancelBy, rs.getString("cancel_by_name")), Sql.getInstant(rs, "cancel_at"));
        return new Object[] {rs.getString("id"), rs.getString("message_type"),
            MessageTypeKind.valueOf(rs.getString("message_type_kind")), rs.getString("district_or_school"),
            rs.getString("subject"), Sender.of(rs.getString("sender_id"), rs.getString("sender_name"),
                rs.getString("sender_email")), rs.getString("caller_id"), rs.getString("reply_to_email"),
            Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "scheduled_at"), rs.getString("schedule_id"),
            rs.getString("schedule_name"), rs.getString("delivery_modes"), rs.getInt("device_count"),
            MessageStatus.valueOf(rs.getString("status")), rs.getLong("version"), Sql.getInstant(rs, "started_at"),
            Sql.getInstant(rs, "ended_at"), cancel};
    }

    private static MessageHeader toHeader(Object[] r, List<ProviderJob> jobs) {
        MessageState state = new MessageState((MessageStatus) r[14], (Long) r[15], (Instant) r[16], (Instant) r[17],
                (Cancellation) r[18], jobs);
        return new MessageHeader((String) r[0], (String) r[1], (MessageTypeKind) r[2], (String) r[3], (String) r[4],
                (Sender) r[5], (String) r[6], (String) r[7], (Instant) r[8], (Instant) r[9], (String) r[10],
                (String) r[11], Sql.channels((String) r[12]), (Integer) r[13], state);
    }

    private static Map<String, List<ProviderJob>> jobsOf(Connection c, List<String> messageIds) throws SQLException {
        Map<String, List<ProviderJob>> out = new HashMap<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT message_id, provider_name, job_id, channels, "
                + "cancel_confirmed FROM sentlog_provider_job WHERE message_id = ANY (?) ORDER BY message_id, position")) {
            s.setArray(1, c.createArrayOf("text", messageIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ProviderJob(rs.getString(2),
                            rs.getString(3), Sql.channels(rs.getString(4)), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    /** Brings the stored jobs of a message from {@code before} to {@code after}, touching only what differs. */
    private static void writeJobs(Connection c, String messageId, List<ProviderJob> before, List<ProviderJob> after)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sentlog_provider_job (message_id, position, "
                + "provider_name, job_id, channels, cancel_confirmed) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement confirm = c.prepareStatement("UPDATE sentlog_provider_job SET cancel_confirmed = ? "
                        + "WHERE message_id = ? AND position = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM sentlog_provider_job "
                        + "WHERE message_id = ? AND position >= ?")) {
            int same = 0;
            while (same < before.size() && same < after.size() && sameJob(before.get(same), after.get(same))) {
                ProviderJob b = before.get(same);
                ProviderJob a = after.get(same);
                if (b.cancelConfirmed() != a.cancelConfirmed()) {
                    confirm.setBoolean(1, a.cancelConfirmed());
                    confirm.setString(2, messageId);
                    confirm.setInt(3, same);
                    confirm.addBatch();
                }
                same++;
            }
            confirm.executeBatch();
            if (same < before.size()) {
                delete.setString(1, messageId);
                delete.setInt(2, same);
                delete.executeUpdate();
            }
            for (int p = same; p < after.size(); p++) {
                ProviderJob a = after.get(p);
                insert.setString(1, messageId);
                insert.setInt(2, p);
                insert.setString(3, a.providerName());
                insert.setString(4, a.jobId());
                insert.setString(5, Sql.channels(a.channels()));
                insert.setBoolean(6, a.cancelConfirmed());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean sameJob(ProviderJob a, ProviderJob b) {
        return a.providerName().equals(b.providerName()) && a.jobId().equals(b.jobId())
                && a.channels().equals(b.channels());
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(next, "next");
        return transaction("compareAndSet", messageId, true,
                c -> Optional.ofNullable(replaceState(c, messageId, expectedVersion, next)));
    }

    /** The 4-argument form in one transaction: a snapshot shows both changes or neither. */
    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(next, "next");
        Checks.requireNonNull(devices, "devices");
        return transaction("compareAndSet", messageId, false, c -> {
            MessageHeader replaced = replaceState(c, messageId, expectedVersion, next);
            if (replaced != null) {
                runOnDevices(c, messageId, t -> {
                    devices.accept(t);
                    return Boolean.TRUE;
                }, maintained);
            }
            return Optional.ofNullable(replaced);
        });
    }

    private static MessageHeader replaceState(Connection c, String messageId, long expectedVersion,
                                              MessageState next) throws SQLException {
        MessageHeader current = readHeaderForUpdate(c, messageId);
        if (current == null || current.state().version() != expectedVersion) {
            return null;
        }
        MessageState stored = next.withVersion(expectedVersion + 1);
        try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_message SET status = ?, version = ?, "
                + "started_at = ?, ended_at = ?, cancel_by_id = ?, cancel_by_name = ?, cancel_at = ?, is_active = ? "
                + "WHERE id = ? AND version = ?")) {
            setState(s, 1, stored, "message " + messageId);
            s.setString(9, messageId);
            s.setLong(10, expectedVersion);
            if (s.executeUpdate() == 0) {
                return null;
            }
        }
        writeJobs(c, messageId, current.state().jobs(), stored.jobs());
        JdbcSummary.notifyChange(c, messageId);
        return current.withState(stored);
    }

    private static MessageHeader readHeaderForUpdate(Connection c, String messageId) throws SQLException {
        List<MessageHeader> found = headers(c, "SELECT " + HEADER_COLUMNS + " FROM sentlog_message WHERE id = ? "
                + "AND NOT purging FOR UPDATE", s -> s.setString(1, messageId));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(callback, "callback");
        return transaction("withDevices", messageId, false, c -> runOnDevices(c, messageId, callback, maintained));
    }

    private static <R> Optional<R> runOnDevices(Connection c, String messageId, Function<DeviceTable, R> callback,
                                                boolean maintained) throws SQLException {
        JdbcDeviceTable table = JdbcDeviceTable.open(c, messageId, maintained);
        if (table == null) {
            return Optional.empty();
        }
        R result;
        try {
            result = callback.apply(table);
        } catch (RuntimeException e) {
            table.discard();
            throw e;
        }
        table.flush();
        return Optional.ofNullable(result);
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("snapshot", messageId, true, c -> {
            consistentRead(c);
            return Optional.ofNullable(readMessage(c, messageId));
        });
    }

    private static void consistentRead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CONSISTENT_READ);
        }
    }

    private static Message readMessage(Connection c, String id) throws SQLException {
        Message.Builder b = Message.builder();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM sentlog_message WHERE id = ? AND NOT purging")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] h = headerRow(rs);
                b.id(id).messageType((String) h[1]).messageTypeKind((MessageTypeKind) h[2])
                        .districtOrSchool((String) h[3]).subject((String) h[4]).sender((Sender) h[5])
                        .callerId((String) h[6]).replyToEmail((String) h[7]).createdAt((Instant) h[8])
                        .scheduledAt((Instant) h[9]).scheduleId((String) h[10]).scheduleName((String) h[11])
                        .deliveryModes(Sql.channels((String) h[12])).status((MessageStatus) h[14])
                        .startedAt((Instant) h[16]).endedAt((Instant) h[17]).cancellation((Cancellation) h[18])
                        .textMessagingEnabled(rs.getBoolean("text_messaging_enabled")).body(rs.getString("body"))
                        .text(rs.getString("text_message"))
                        .emailAttachment(file(rs.getString("email_attachment_name"), rs.getString("email_attachment_uri")))
                        .audioFile(file(rs.getString("audio_file_name"), rs.getString("audio_file_uri")));
                Redaction redaction = RetentionSql.redaction(rs, (Cancellation) h[18]);
                if (redaction != null) {
                    // X2: the erased rows may still be on their way out in batches; none is shown
                    return b.redaction(redaction).build();
                }
            }
        }
        b.filterCriteria(readFilterCriteria(c, id));
        b.recipients(readRecipients(c, id));
        return b.build();
    }

    private static FileRef file(String name, String uri) {
        return name == null ? null : new FileRef(name, uri);
    }

    private static List<FilterCriterion> readFilterCriteria(Connection c, String id) throws SQLException {
        List<FilterCriterion> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT label, value_text, table_columns, table_row_count, "
                + "table_cells FROM sentlog_filter_criterion WHERE message_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(2);
                    if (value != null) {
                        out.add(FilterCriterion.of(rs.getString(1), value));
                        continue;
                    }
                    List<String> columns = strings(rs.getArray(3));
                    int rowCount = rs.getInt(4);
                    List<String> cells = strings(rs.getArray(5));
                    List<List<String>> rows = new ArrayList<>(rowCount);
                    for (int r = 0; r < rowCount; r++) {
                        rows.add(cells.subList(r * columns.size(), (r + 1) * columns.size()));
                    }
                    out.add(FilterCriterion.of(rs.getString(1), new FilterTable(columns, rows)));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /**
     * The recipient list in one pass over two cursors ({@value #FETCH_ROWS} rows at a time, the
     * transaction keeps them open): the entries in order and their devices in row order, both read by
     * their primary keys without sorting, merged as they come. Only the list being built is held,
     * never the raw rows of a large message.
     */
    private static List<RecipientEntry> readRecipients(Connection c, String id) throws SQLException {
        List<RecipientEntry> entries = new ArrayList<>();
        try (PreparedStatement r = c.prepareStatement("SELECT entry_no, person_id, person_name, student_id, "
                + "student_name FROM sentlog_recipient WHERE message_id = ? ORDER BY entry_no");
                PreparedStatement d = c.prepareStatement("SELECT entry_no, channel, address, outcome, confirmed, "
                        + "reached_at FROM sentlog_device WHERE message_id = ? ORDER BY row_no")) {
            r.setFetchSize(FETCH_ROWS);
            r.setString(1, id);
            d.setFetchSize(FETCH_ROWS);
            d.setString(1, id);
            try (ResultSet rs = r.executeQuery(); ResultSet ds = d.executeQuery()) {
                boolean device = ds.next();
                while (rs.next()) {
                    int entry = rs.getInt(1);
                    String studentId = rs.getString(4);
                    Person student = studentId == null ? null : Person.of(studentId, rs.getString(5));
                    List<Device> devices = new ArrayList<>(2);
                    for (; device && ds.getInt(1) <= entry; device = ds.next()) {
                        if (ds.getInt(1) == entry) {
                            devices.add(new Device(dev.sentlog.spi.Channel.valueOf(ds.getString(2)), ds.getString(3),
                                    Sql.outcome(ds.getString(4)), ds.getBoolean(5), Sql.getInstant(ds, "reached_at")));
                        }
                    }
                    entries.add(RecipientEntry.of(Person.of(rs.getString(2), rs.getString(3)), student, devices));
                }
            }
        }
        return entries;
    }

    @Override
    public StorePage search(StoreQuery q) {
        Checks.requireNonNull(q, "query");
        StringBuilder where = new StringBuilder(" FROM sentlog_message WHERE created_at >= ? AND created_at < ? AND NOT purging");
        if (q.senderId() != null) {
            where.append(" AND sender_id = ?");
        }
        if (!q.schools().isEmpty()) {
            where.append(" AND district_or_school = ANY (?)");
        }
        where.append(" AND (NOT scheduler_sent OR scheduled_at IS NULL OR scheduled_at <= ?)");
        return transaction("search", null, true, c -> {
            consistentRead(c);
            Binder bind = s -> {
                int i = 1;
                s.setLong(i++, Sql.saturatedNanos(q.from()));
                s.setLong(i++, Sql.saturatedNanos(q.to()));
                if (q.senderId() != null) {
                    s.setString(i++, q.senderId());
                }
                if (!q.schools().isEmpty()) {
                    s.setArray(i++, c.createArrayOf("text", q.schools().toArray()));
                }
                s.setLong(i, Sql.saturatedNanos(q.visibleAt()));
            };
            List<MessageHeader> page = headers(c, "SELECT " + HEADER_COLUMNS + where
                    + " ORDER BY created_at DESC, recorded_seq DESC LIMIT " + q.limit(), bind);
            // S2: a page short of the limit is every match; only a full one needs the total counted
            return new StorePage(page, page.size() < q.limit() ? page.size()
                    : JdbcSearchCount.total(c, q, where.toString(), bind));
        });
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        Checks.requireNonNull(providerName, "providerName");
        Checks.requireNonNull(jobId, "jobId");
        return transaction("messageOfJob", null, true, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT j.message_id FROM sentlog_provider_job j "
                    + "JOIN sentlog_message m ON m.id = j.message_id "
                    + "WHERE j.provider_name = ? AND j.job_id = ? AND NOT m.purging ORDER BY j.job_seq LIMIT 1")) {
                s.setString(1, providerName);
                s.setString(2, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<MessageHeader> active(int limit) {
        Checks.requireArgument(limit >= 0, "active limit is negative: %d", limit);
        return transaction("active", null, true, c -> headers(c, "SELECT " + HEADER_COLUMNS
                + " FROM sentlog_message WHERE is_active AND NOT purging ORDER BY created_at, id COLLATE \"C\" LIMIT ?",
                s -> s.setInt(1, limit)));
    }

    // ---------------------------------------------------------------- issue #16: the maintained summary (E3, E4)

    /** One statement on the message row and two index reads of its time rows; no device row is read. */
    @Override
    public Optional<StoredSummary> summary(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        if (!maintained) {
            return header(messageId).flatMap(h -> snapshot(messageId).map(m -> StoredSummary.of(messageId,
                    m.status(), h.state().version(), m.startedAt().orElse(null), m.endedAt().orElse(null),
                    m.cancellation().orElse(null), m.textMessagingEnabled(),
                    SummaryFigures.of(DeliveryAnalysis.of(m, CLASSIFIER)))));
        }
        return transaction("summary", messageId, true, c -> Optional.ofNullable(JdbcSummary.read(c, messageId)));
    }

    /** The standard classification: the summaries kept in the database count under it. */
    @Override
    public OutcomeClassifier summaryClassifier() {
        return CLASSIFIER;
    }

    /**
     * Changes committed by any store over this database (another app node's included), as the ids of
     * the messages they touched, through PostgreSQL {@code LISTEN/NOTIFY} (SPEC E4, N3). Every
     * transaction that changes a message's state or devices sends a notification on the channel
     * {@value JdbcChangeFeed#CHANNEL} with the message id as payload, delivered at commit in commit
     * order. The feed keeps one connection of the data source for its {@code LISTEN} and reads the
     * notifications with the host's {@code poller}: JDBC has no standard call for them, and this
     * library stays {@code java.sql}-only (the examples module has the PostgreSQL driver's one).
     *
     * @param poller reads the notifications a connection has received (the host's, over its driver)
     * @return the feed; pass it to {@code SentMessageLog.Builder.changeFeed}
     * @throws NullPointerException when the poller is null
     */
    public JdbcChangeFeed changeFeed(NotificationPoller poller) {
        return new JdbcChangeFeed(dataSource, Checks.requireNonNull(poller, "poller"));
    }

    // ---------------------------------------------------------------- issue #13: contacts to fix (H3), resend (Y2)

    @Override
    public List<AddressHistory> failingAddresses(int minStreak) {
        Checks.requireArgument(minStreak >= 1, "the minimum streak must be at least 1, was %d", minStreak);
        return transaction("failingAddresses", null, true, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(CONSISTENT_READ);
            }
            return JdbcContactLedger.histories(c, "a.streak >= ?", minStreak);
        });
    }

    @Override
    public List<AddressHistory> doNotContactAddresses() {
        return transaction("doNotContactAddresses", null, true, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(CONSISTENT_READ);
            }
            return JdbcContactLedger.histories(c, "a.do_not_contact", null);
        });
    }

    @Override
    public Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(addresses, "addresses");
        return transaction("doNotContactAmong", null, true,
                c -> JdbcContactLedger.doNotContactAmong(c, channel, addresses));
    }

    @Override
    public boolean claimResend(String originalId, String resendId, int maxResends) {
        Checks.requireNonNull(originalId, "originalId");
        Checks.requireNonNull(resendId, "resendId");
        Checks.requireArgument(maxResends >= 1, "the resends allowed per original must be at least 1, was %d",
                maxResends);
        Optional<String> linked = originalOf(resendId);
        Checks.requireArgument(linked.isEmpty(), "message %s is already linked as a resend of %s", resendId,
                linked.orElse(""));
        return transaction("claimResend", originalId, true, c -> {
            // the original's row lock serialises the claims of one original, also between app nodes
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_message WHERE id = ? FOR UPDATE")) {
                s.setString(1, originalId);
                try (ResultSet rs = s.executeQuery()) {
                    Checks.requireArgument(rs.next(), "no message %s to resend", originalId);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sentlog_resend WHERE original_id = ?")) {
                s.setString(1, originalId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= maxResends) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_resend (resend_id, original_id) "
                    + "VALUES (?, ?)")) {
                s.setString(1, resendId);
                s.setString(2, originalId);
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void releaseResend(String originalId, String resendId) {
        Checks.requireNonNull(originalId, "originalId");
        Checks.requireNonNull(resendId, "resendId");
        transaction("releaseResend", originalId, true, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sentlog_resend WHERE original_id = ? "
                    + "AND resend_id = ?")) {
                s.setString(1, originalId);
                s.setString(2, resendId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<String> resendsOf(String originalId) {
        Checks.requireNonNull(originalId, "originalId");
        return transaction("resendsOf", originalId, true, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT resend_id FROM sentlog_resend WHERE original_id = ? "
                    + "ORDER BY claim_seq")) {
                s.setString(1, originalId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> originalOf(String resendId) {
        Checks.requireNonNull(resendId, "resendId");
        return transaction("originalOf", resendId, true, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT original_id FROM sentlog_resend WHERE resend_id = ?")) {
                s.setString(1, resendId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    // ---- retention (SPEC X1-X3; issue #14): what is stored for a message is RetentionSql.MessagePart ----

    private static final String FINAL_UNHELD_BEFORE = " FROM sentlog_message m WHERE m.created_at < ? "
            + "AND NOT m.is_active AND NOT m.purging AND NOT EXISTS (SELECT 1 FROM sentlog_legal_hold h "
            + "WHERE h.message_id = m.id AND h.lifted_at IS NULL)";

    @Override
    public List<String> purgeCandidates(Instant createdBefore, int limit) {
        Checks.requireNonNull(createdBefore, "createdBefore");
        Checks.requireArgument(limit >= 0, "purge candidate limit is negative: %d", limit);
        return transaction("purgeCandidates", null, true, c -> {
            List<String> out = ids(c, "SELECT id FROM sentlog_message WHERE purging ORDER BY id LIMIT ?",
                    s -> s.setInt(1, limit));
            if (out.size() < limit) {
                int rest = limit - out.size();
                out.addAll(ids(c, "SELECT m.id" + FINAL_UNHELD_BEFORE + " ORDER BY m.created_at, m.recorded_seq "
                        + "LIMIT ?", s -> {
                            s.setLong(1, Sql.saturatedNanos(createdBefore));
                            s.setInt(2, rest);
                        }));
            }
            return out;
        });
    }

    @Override
    public List<String> redactionCandidates(Instant createdBefore, int limit) {
        Checks.requireNonNull(createdBefore, "createdBefore");
        Checks.requireArgument(limit >= 0, "redaction candidate limit is negative: %d", limit);
        return transaction("redactionCandidates", null, true, c -> {
            List<String> out = ids(c, "SELECT id FROM sentlog_message WHERE redaction_pending AND NOT purging "
                    + "ORDER BY id LIMIT ?", s -> s.setInt(1, limit));
            if (out.size() < limit) {
                int rest = limit - out.size();
                out.addAll(ids(c, "SELECT m.id" + FINAL_UNHELD_BEFORE + " AND m.redacted_at IS NULL "
                        + "ORDER BY m.created_at, m.recorded_seq LIMIT ?", s -> {
                            s.setLong(1, Sql.saturatedNanos(createdBefore));
                            s.setInt(2, rest);
                        }));
            }
            return out;
        });
    }

    private static List<String> ids(Connection c, String sql, Binder binder) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Locks the message row; answers {is_active, purging, redacted}, or null when there is no such row. */
    private static boolean[] lockRetentionState(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT is_active, purging, redacted_at IS NOT NULL "
                + "FROM sentlog_message WHERE id = ? FOR UPDATE")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)} : null;
            }
        }
    }

    @Override
    public boolean markForPurge(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("markForPurge", messageId, true, c -> {
            boolean[] state = lockRetentionState(c, messageId);
            if (state == null) {
                return false;
            }
            if (state[1]) {
                return true;
            }
            if (state[0] || RetentionSql.held(c, messageId)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_message SET purging = true WHERE id = ?")) {
                s.setString(1, messageId);
                s.executeUpdate();
            }
            JdbcSearchCount.removed(c, messageId);
            return true;
        });
    }

    /**
     * One batch in its own transaction, under the message row's lock (so that two purgers of one message
     * take turns): rows of the parts first ({@link RetentionSql.MessagePart}), the message row once none
     * is left.
     */
    @Override
    public int eraseBatch(String messageId, int maxRows) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireArgument(maxRows >= 1, "erase batch size must be at least 1, was %d", maxRows);
        return transaction("eraseBatch", messageId, true, c -> {
            boolean[] state = lockRetentionState(c, messageId);
            if (state == null || !state[1] && !state[2]) {
                return 0;
            }
            boolean purge = state[1];
            int removed = RetentionSql.eraseParts(c, messageId, purge, maxRows);
            if (removed < maxRows) {
                try (PreparedStatement s = c.prepareStatement(purge ? "DELETE FROM sentlog_message WHERE id = ?"
                        : "UPDATE sentlog_message SET redaction_pending = false WHERE id = ? AND redaction_pending")) {
                    s.setString(1, messageId);
                    int done = s.executeUpdate();
                    removed += purge ? done : 0;
                }
            }
            return removed;
        });
    }

    @Override
    public Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(figures, "figures");
        return transaction("redact", messageId, false, c -> {
            boolean[] state = lockRetentionState(c, messageId);
            if (state == null || state[0] || state[1] || state[2] || RetentionSql.held(c, messageId)) {
                return Optional.<Redaction>empty();
            }
            Redaction r = Checks.requireNonNull(figures.apply(readMessage(c, messageId)), "redaction figures");
            try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_message SET body = '', text_message = '', "
                    + "email_attachment_name = NULL, email_attachment_uri = NULL, audio_file_name = NULL, "
                    + "audio_file_uri = NULL, redacted_at = ?, redacted_figures = ?, redacted_first_attempt = ?, "
                    + "redacted_last_outcome = ?, redacted_outcomes = ?, redaction_pending = true WHERE id = ?")) {
                RetentionSql.setRedaction(c, s, 1, r, "message " + messageId);
                s.setString(6, messageId);
                s.executeUpdate();
            }
            return Optional.of(r);
        });
    }

    @Override
    public Optional<LegalHold> placeHold(String messageId, LegalHold hold) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(hold, "hold");
        Checks.requireArgument(hold.isInForce(), "a hold to place must be in force, this one was lifted");
        return transaction("placeHold", messageId, true, c -> {
            boolean[] state = lockRetentionState(c, messageId);
            if (state == null || state[1]) {
                return Optional.<LegalHold>empty();
            }
            List<LegalHold> holds = RetentionSql.holds(c, messageId);
            if (!holds.isEmpty() && holds.get(holds.size() - 1).isInForce()) {
                return Optional.of(holds.get(holds.size() - 1));
            }
            RetentionSql.insertHold(c, messageId, holds.size(), hold);
            return Optional.of(hold);
        });
    }

    @Override
    public Optional<LegalHold> liftHold(String messageId, Person by, Instant at, String reason) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(by, "by");
        Checks.requireNonNull(at, "at");
        return transaction("liftHold", messageId, true, c -> {
            boolean[] state = lockRetentionState(c, messageId);
            if (state == null || state[1]) {
                return Optional.<LegalHold>empty();
            }
            List<LegalHold> holds = RetentionSql.holds(c, messageId);
            if (holds.isEmpty() || !holds.get(holds.size() - 1).isInForce()) {
                return Optional.<LegalHold>empty();
            }
            LegalHold lifted = holds.get(holds.size() - 1).lifted(by, at, reason);
            RetentionSql.liftHold(c, messageId, holds.size() - 1, lifted);
            return Optional.of(lifted);
        });
    }

    @Override
    public List<LegalHold> holds(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("holds", messageId, true, c -> {
            consistentRead(c);
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sentlog_message WHERE id = ? AND NOT purging")) {
                s.setString(1, messageId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return List.<LegalHold>of();
                    }
                }
            }
            return RetentionSql.holds(c, messageId);
        });
    }

    // ---- issue #12: hand-over leases (SPEC N2, N3) ----

    private static final String LEASE_COLUMNS = "message_id, picked_by, lease_until, version, deliverable";

    @Override
    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        Checks.requireNonNull(next, "next");
        HandOverLease lease = new HandOverLease(Checks.requireNonNull(messageId, "messageId"), owner, leaseUntil, 1,
                deliverable, batches);
        return transaction("beginHandOver", messageId, true, c -> {
            // the message row's lock orders every begin of the message: the lease check below cannot race
            MessageHeader current = readHeaderForUpdate(c, messageId);
            if (current == null || current.state().version() != expectedVersion || readLease(c, messageId) != null) {
                return Optional.<HandOverLease>empty();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_hand_over (" + LEASE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, messageId);
                s.setString(2, owner);
                Sql.setNanos(s, 3, leaseUntil, "the lease end of message " + messageId);
                s.setLong(4, lease.version());
                s.setInt(5, deliverable);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_hand_over_batch (message_id, position, "
                    + "provider_name, batch_number, device_rows) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < lease.batches().size(); i++) {
                    PlannedBatch b = lease.batches().get(i);
                    s.setString(1, messageId);
                    s.setInt(2, i);
                    s.setString(3, b.key().providerName());
                    s.setInt(4, b.key().batchNumber());
                    s.setArray(5, c.createArrayOf("integer", b.rows().toArray()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (replaceState(c, messageId, expectedVersion, next) == null) {
                throw new IllegalStateException("message " + messageId + " changed under its row lock");
            }
            return Optional.of(lease);
        });
    }

    @Override
    public Optional<HandOverLease> handOver(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("handOver", messageId, true, c -> Optional.ofNullable(readLease(c, messageId)));
    }

    @Override
    public Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner,
                                                 Instant leaseUntil) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(owner, "owner");
        return moveLease("renewHandOver", messageId, "picked_by = ?", expectedVersion, owner, leaseUntil,
                s -> s.setString(5, owner));
    }

    @Override
    public Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner,
                                                    Instant now, Instant leaseUntil) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(owner, "owner");
        Checks.requireNonNull(now, "now");
        return moveLease("takeOverHandOver", messageId, "lease_until <= ?", expectedVersion, owner, leaseUntil,
                s -> Sql.setNanos(s, 5, now, "now"));
    }

    /** Sets owner and lease end with the next version where the version and one more condition hold. */
    private Optional<HandOverLease> moveLease(String operation, String messageId, String condition,
                                              long expectedVersion, String owner, Instant leaseUntil, Binder last) {
        Checks.requireNonNull(leaseUntil, "leaseUntil");
        return transaction(operation, messageId, true, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_hand_over SET picked_by = ?, "
                    + "lease_until = ?, version = version + 1 WHERE message_id = ? AND version = ? AND " + condition)) {
                s.setString(1, owner);
                Sql.setNanos(s, 2, leaseUntil, "the lease end of message " + messageId);
                s.setString(3, messageId);
                s.setLong(4, expectedVersion);
                last.bind(s);
                if (s.executeUpdate() == 0) {
                    return Optional.<HandOverLease>empty();
                }
            }
            return Optional.ofNullable(readLease(c, messageId));
        });
    }

    @Override
    public boolean endHandOver(String messageId, long expectedVersion) {
        Checks.requireNonNull(messageId, "messageId");
        return transaction("endHandOver", messageId, true, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM sentlog_hand_over WHERE message_id = ? AND version = ?")) {
                s.setString(1, messageId);
                s.setLong(2, expectedVersion);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<HandOverLease> expiredHandOvers(Instant now, int limit) {
        Checks.requireNonNull(now, "now");
        Checks.requireArgument(limit >= 1, "the limit must be at least 1, was %d", limit);
        return transaction("expiredHandOvers", null, true, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT message_id FROM sentlog_hand_over "
                    + "WHERE lease_until <= ? ORDER BY lease_until, message_id COLLATE \"C\" LIMIT ?")) {
                Sql.setNanos(s, 1, now, "now");
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<HandOverLease> leases = new ArrayList<>(ids.size());
            for (String id : ids) {
                HandOverLease lease = readLease(c, id);
                if (lease != null) {
                    leases.add(lease);
                }
            }
            return leases;
        });
    }

    private static HandOverLease readLease(Connection c, String messageId) throws SQLException {
        String owner;
        Instant leaseUntil;
        long version;
        int deliverable;
        try (PreparedStatement s = c.prepareStatement("SELECT " + LEASE_COLUMNS
                + " FROM sentlog_hand_over WHERE message_id = ?")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                owner = rs.getString("picked_by");
                leaseUntil = Sql.getInstant(rs, "lease_until");
                version = rs.getLong("version");
                deliverable = rs.getInt("deliverable");
            }
        }
        List<PlannedBatch> batches = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT provider_name, batch_number, device_rows "
                + "FROM sentlog_hand_over_batch WHERE message_id = ? ORDER BY position")) {
            s.setString(1, messageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array rows = rs.getArray(3);
                    List<Integer> list = new ArrayList<>();
                    for (Object o : (Object[]) rows.getArray()) {
                        list.add(((Number) o).intValue());
                    }
                    rows.free();
                    batches.add(new PlannedBatch(new BatchKey(messageId, rs.getString(1), rs.getInt(2)), list));
                }
            }
        }
        return new HandOverLease(messageId, owner, leaseUntil, version, deliverable, batches);
    }

    // ---------------------------------------------------------------- issue #13: the Recipient Log (H1, H2)

    @Override
    public RecipientPage recipientMessages(RecipientKey key, StoreQuery q) {
        Checks.requireNonNull(key, "key");
        Checks.requireNonNull(q, "query");
        boolean byPerson = key instanceof RecipientKey.ByPerson;
        StringBuilder where = new StringBuilder(" FROM sentlog_message JOIN (SELECT message_id, created_at AS k_created,"
                + " recorded_seq AS k_seq FROM ");
        where.append(byPerson ? "sentlog_person_message WHERE person_id = ?"
                : "sentlog_address_message WHERE channel = ? AND address_key = ?");
        where.append(" AND created_at >= ? AND created_at < ?) k ON k.message_id = sentlog_message.id WHERE"
                + " NOT purging AND (NOT scheduler_sent OR scheduled_at IS NULL OR scheduled_at <= ?)");
        if (q.senderId() != null) {
            where.append(" AND sender_id = ?");
        }
        if (!q.schools().isEmpty()) {
            where.append(" AND district_or_school = ANY (?)");
        }
        return transaction("recipientMessages", null, true, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(CONSISTENT_READ);
            }
            Binder bind = s -> {
                int i = bindKey(s, 1, key);
                s.setLong(i++, Sql.saturatedNanos(q.from()));
                s.setLong(i++, Sql.saturatedNanos(q.to()));
                s.setLong(i++, Sql.saturatedNanos(q.visibleAt()));
                if (q.senderId() != null) {
                    s.setString(i++, q.senderId());
                }
                if (!q.schools().isEmpty()) {
                    s.setArray(i, c.createArrayOf("text", q.schools().toArray()));
                }
            };
            List<MessageHeader> page = headers(c, "SELECT " + HEADER_COLUMNS + where
                    + " ORDER BY k.k_created DESC, k.k_seq DESC LIMIT " + q.limit(), bind);
            // a page short of the cap holds every match of this snapshot: only a full one is counted again
            long total = page.size() < q.limit() ? page.size() : count(c, "SELECT count(*)" + where, bind);
            Map<String, List<RecipientHit.IndexedEntry>> entries = hitEntries(c, key,
                    page.stream().map(MessageHeader::id).toList());
            List<RecipientHit> hits = new ArrayList<>(page.size());
            for (MessageHeader h : page) {
                hits.add(new RecipientHit(h, entries.getOrDefault(h.id(), List.of())));
            }
            return new RecipientPage(hits, total);
        });
    }

    private static int bindKey(PreparedStatement s, int first, RecipientKey key) throws SQLException {
        int i = first;
        if (key instanceof RecipientKey.ByPerson p) {
            s.setString(i++, p.personId());
        } else {
            RecipientKey.ByAddress a = (RecipientKey.ByAddress) key;
            s.setString(i++, a.channel().name());
            s.setString(i++, a.normalised());
        }
        return i;
    }

    /**
     * A person's entries in the given messages with their devices, each read once, then every other
     * entry holding an occurrence of one of their addresses (D2, D3; a device row names its entry's
     * person), each with its devices; ordered by message, entry and device. No join between the two
     * parts' intermediate results, whose sizes the planner cannot estimate. Parameters: the message
     * ids, the person id.
     */
    private static final String PERSON_HIT_ENTRIES = "WITH own AS (SELECT r.message_id, r.entry_no, r.person_id,"
            + " r.person_name, r.student_id, r.student_name, d.channel, d.address, d.outcome, d.confirmed, d.reached_at,"
            + " d.device_no, d.normal_address FROM sentlog_recipient r LEFT JOIN sentlog_device d"
            + " ON d.message_id = r.message_id AND d.entry_no = r.entry_no WHERE r.message_id = ANY (?)"
            + " AND r.person_id = ?),"
            + " other AS (SELECT DISTINCT d.message_id, d.entry_no FROM own o JOIN sentlog_device d"
            + " ON d.message_id = o.message_id AND d.channel = o.channel AND d.normal_address = o.normal_address"
            + " WHERE d.person_id <> o.person_id)"
            + " SELECT message_id, entry_no, person_id, person_name, student_id, student_name, channel, address,"
            + " outcome, confirmed, reached_at, device_no FROM own"
            + " UNION ALL SELECT r.message_id, r.entry_no, r.person_id, r.person_name, r.student_id, r.student_name,"
            + " d.channel, d.address, d.outcome, d.confirmed, d.reached_at, d.device_no FROM other x"
            + " JOIN sentlog_recipient r ON r.message_id = x.message_id AND r.entry_no = x.entry_no"
            + " LEFT JOIN sentlog_device d ON d.message_id = r.message_id AND d.entry_no = r.entry_no"
            + " ORDER BY 1, 2, 12";

    /**
     * The entries of the given messages holding an occurrence of an address, which are all its
     * occurrences (D2, D3), each with its devices; ordered by message, entry and device. Parameters:
     * the message ids, the channel, the normalised address.
     */
    private static final String ADDRESS_HIT_ENTRIES = "WITH picked AS (SELECT DISTINCT message_id, entry_no"
            + " FROM sentlog_device WHERE message_id = ANY (?) AND channel = ? AND normal_address = ?)"
            + " SELECT r.message_id, r.entry_no, r.person_id, r.person_name, r.student_id, r.student_name,"
            + " d.channel, d.address, d.outcome, d.confirmed, d.reached_at"
            + " FROM picked p JOIN sentlog_recipient r ON r.message_id = p.message_id AND r.entry_no = p.entry_no"
            + " LEFT JOIN sentlog_device d ON d.message_id = r.message_id AND d.entry_no = r.entry_no"
            + " ORDER BY r.message_id, r.entry_no, d.device_no";

    /** The entries each hit carries (see {@link RecipientHit}): the key's own and those sharing an address. */
    private static Map<String, List<RecipientHit.IndexedEntry>> hitEntries(Connection c, RecipientKey key,
            List<String> messageIds) throws SQLException {
        Map<String, List<RecipientHit.IndexedEntry>> out = new HashMap<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        String sql = key instanceof RecipientKey.ByPerson ? PERSON_HIT_ENTRIES : ADDRESS_HIT_ENTRIES;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", messageIds.toArray()));
            bindKey(s, 2, key);
            try (ResultSet rs = s.executeQuery()) {
                String message = null;
                int entryNo = -1;
                Person person = null;
                Person student = null;
                List<Device> devices = new ArrayList<>();
                while (rs.next()) {
                    String m = rs.getString(1);
                    int e = rs.getInt(2);
                    if (!m.equals(message) || e != entryNo) {
                        if (message != null) {
                            out.computeIfAbsent(message, k -> new ArrayList<>()).add(new RecipientHit.IndexedEntry(
                                    entryNo, RecipientEntry.of(person, student, devices)));
                        }
                        message = m;
                        entryNo = e;
                        person = Person.of(rs.getString(3), rs.getString(4));
                        String studentId = rs.getString(5);
                        student = studentId == null ? null : Person.of(studentId, rs.getString(6));
                        devices = new ArrayList<>();
                    }
                    String channel = rs.getString(7);
                    if (channel != null) {
                        devices.add(new Device(dev.sentlog.spi.Channel.valueOf(channel), rs.getString(8),
                                Sql.outcome(rs.getString(9)), rs.getBoolean(10), Sql.getInstant(rs, "reached_at")));
                    }
                }
                if (message != null) {
                    out.computeIfAbsent(message, k -> new ArrayList<>()).add(new RecipientHit.IndexedEntry(
                            entryNo, RecipientEntry.of(person, student, devices)));
                }
            }
        }
        return out;
    }

    // ---- issue #13 (today): engagement (SPEC H5) ----

    @Override
    public int recordFeedback(String messageId, List<FeedbackRecord> feedback) {
        Checks.requireNonNull(messageId, "messageId");
        List<FeedbackRecord> records = Checks.copyWithoutNulls(feedback, "feedback");
        if (records.isEmpty()) {
            return 0;
        }
        return transaction("recordFeedback", messageId, true, c -> JdbcFeedback.record(c, messageId, records));
    }

    @Override
    public Map<String, List<FeedbackEvent>> feedback(Collection<String> messageIds) {
        List<String> ids = List.copyOf(Checks.copyWithoutNulls(new ArrayList<>(messageIds), "messageIds"));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return transaction("feedback", ids.size() == 1 ? ids.get(0) : null, true, c -> JdbcFeedback.events(c, ids));
    }

    @Override
    public List<ContactFact> suppressions() {
        return transaction("suppressions", null, true, JdbcFeedback::suppressions);
    }

    @Override
    public Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(addresses, "addresses");
        return transaction("suppressedAmong", null, true, c -> JdbcFeedback.suppressedAmong(c, channel, addresses));
    }
}
