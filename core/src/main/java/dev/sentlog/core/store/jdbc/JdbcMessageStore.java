package dev.sentlog.core.store.jdbc;

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
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoreUnavailableException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final int BATCH = 1_000;

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

    private JdbcMessageStore(DataSource dataSource) {
        this.dataSource = dataSource;
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
            insertRecipients(c, message);
            indexRecipients(c, message.id());
            writeJobs(c, message.id(), List.of(), initial.jobs());
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

    private static void insertRecipients(Connection c, Message m) throws SQLException {
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
                        + "sequence, submitted, is_final, address_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, false, false, ?)")) {
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
                    String key = Addresses.normalise(device.channel(), device.address());
                    d.setString(12, key.isBlank() ? null : key);
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
                        + "address_key, message_id, created_at, recorded_seq) SELECT DISTINCT d.channel, d.address_key,"
                        + " m.id, m.created_at, m.recorded_seq FROM sentlog_device d JOIN sentlog_message m"
                        + " ON m.id = d.message_id WHERE m.id = ? AND d.address_key IS NOT NULL")) {
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
        List<MessageHeader> found = headers(c, "SELECT " + HEADER_COLUMNS + " FROM sentlog_message WHERE id = ?",
                s -> s.setString(1, messageId));
        return found.isEmpty() ? null : found.get(0);
    }

    @FunctionalInterface
    private interface Binder {
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
                });
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
        return current.withState(stored);
    }

    private static MessageHeader readHeaderForUpdate(Connection c, String messageId) throws SQLException {
        List<MessageHeader> found = headers(c, "SELECT " + HEADER_COLUMNS + " FROM sentlog_message WHERE id = ? "
                + "FOR UPDATE", s -> s.setString(1, messageId));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(callback, "callback");
        return transaction("withDevices", messageId, false, c -> runOnDevices(c, messageId, callback));
    }

    private static <R> Optional<R> runOnDevices(Connection c, String messageId, Function<DeviceTable, R> callback)
            throws SQLException {
        JdbcDeviceTable table = JdbcDeviceTable.open(c, messageId);
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
            try (Statement s = c.createStatement()) {
                s.execute(CONSISTENT_READ);
            }
            return Optional.ofNullable(readMessage(c, messageId));
        });
    }

    private static Message readMessage(Connection c, String id) throws SQLException {
        Message.Builder b = Message.builder();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM sentlog_message WHERE id = ?")) {
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

    private static List<RecipientEntry> readRecipients(Connection c, String id) throws SQLException {
        Map<Integer, List<Device>> devices = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entry_no, channel, address, outcome, confirmed, "
                + "reached_at FROM sentlog_device WHERE message_id = ? ORDER BY row_no")) {
            s.setFetchSize(10_000);
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    devices.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Device(
                            dev.sentlog.spi.Channel.valueOf(rs.getString(2)), rs.getString(3),
                            Sql.outcome(rs.getString(4)), rs.getBoolean(5), Sql.getInstant(rs, "reached_at")));
                }
            }
        }
        Map<Integer, RecipientEntry> entries = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entry_no, person_id, person_name, student_id, "
                + "student_name FROM sentlog_recipient WHERE message_id = ? ORDER BY entry_no")) {
            s.setFetchSize(10_000);
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String studentId = rs.getString(4);
                    Person student = studentId == null ? null : Person.of(studentId, rs.getString(5));
                    entries.put(rs.getInt(1), RecipientEntry.of(Person.of(rs.getString(2), rs.getString(3)), student,
                            devices.getOrDefault(rs.getInt(1), List.of())));
                }
            }
        }
        return new ArrayList<>(entries.values());
    }

    @Override
    public StorePage search(StoreQuery q) {
        Checks.requireNonNull(q, "query");
        StringBuilder where = new StringBuilder(" FROM sentlog_message WHERE created_at >= ? AND created_at < ?");
        if (q.senderId() != null) {
            where.append(" AND sender_id = ?");
        }
        if (!q.schools().isEmpty()) {
            where.append(" AND district_or_school = ANY (?)");
        }
        where.append(" AND (NOT scheduler_sent OR scheduled_at IS NULL OR scheduled_at <= ?)");
        return transaction("search", null, true, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(CONSISTENT_READ);
            }
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
            long total = count(c, "SELECT count(*)" + where, bind);
            return new StorePage(page, total);
        });
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        Checks.requireNonNull(providerName, "providerName");
        Checks.requireNonNull(jobId, "jobId");
        return transaction("messageOfJob", null, true, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT message_id FROM sentlog_provider_job "
                    + "WHERE provider_name = ? AND job_id = ? ORDER BY job_seq LIMIT 1")) {
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
                + " FROM sentlog_message WHERE is_active ORDER BY created_at, id COLLATE \"C\" LIMIT ?",
                s -> s.setInt(1, limit)));
    }

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
                + " (NOT scheduler_sent OR scheduled_at IS NULL OR scheduled_at <= ?)");
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
            long total = count(c, "SELECT count(*)" + where, bind);
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

    /** The entries each hit carries (see {@link RecipientHit}): the key's own and those sharing an address. */
    private static Map<String, List<RecipientHit.IndexedEntry>> hitEntries(Connection c, RecipientKey key,
            List<String> messageIds) throws SQLException {
        Map<String, List<RecipientHit.IndexedEntry>> out = new HashMap<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        boolean byPerson = key instanceof RecipientKey.ByPerson;
        // a person's entries bring the other occurrences of their addresses; an address's entries are all its occurrences
        String own = byPerson
                ? "SELECT message_id, entry_no FROM sentlog_recipient WHERE message_id = ANY (?) AND person_id = ?"
                : "SELECT DISTINCT message_id, entry_no FROM sentlog_device WHERE message_id = ANY (?)"
                        + " AND channel = ? AND address_key = ?";
        String picked = byPerson ? "picked AS (SELECT message_id, entry_no FROM own UNION SELECT d.message_id,"
                + " d.entry_no FROM sentlog_device d JOIN own_address a ON d.message_id = a.message_id"
                + " AND d.channel = a.channel AND d.address_key = a.address_key)"
                : "picked AS (SELECT message_id, entry_no FROM own)";
        String sql = "WITH own AS (" + own + "), own_address AS (SELECT DISTINCT d.message_id, d.channel,"
                + " d.address_key FROM sentlog_device d JOIN own o ON o.message_id = d.message_id"
                + " AND o.entry_no = d.entry_no WHERE d.address_key IS NOT NULL), " + picked
                + " SELECT r.message_id, r.entry_no, r.person_id, r.person_name, r.student_id, r.student_name,"
                + " d.channel, d.address, d.outcome, d.confirmed, d.reached_at"
                + " FROM picked p JOIN sentlog_recipient r ON r.message_id = p.message_id AND r.entry_no = p.entry_no"
                + " LEFT JOIN sentlog_device d ON d.message_id = r.message_id AND d.entry_no = r.entry_no"
                + " ORDER BY r.message_id, r.entry_no, d.device_no";
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
}
