package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.totals.SummaryLedger;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The data of the Recipient Log and contacts-to-fix benchmarks (SPEC H1, H3), one place for both
 * stores: each shape builds its messages for the in-memory store (through the store's API) and
 * bulk-loads the same rows into a migrated PostgreSQL database with set-based SQL ({@code INSERT ...
 * SELECT ... FROM generate_series}), filling exactly the columns and index tables the store's own
 * recording fills. {@code BulkDataTest} proves that on small loads: every table equal, row for row, to
 * what the store writes when the same messages are recorded through its API.
 *
 * <p>A load runs in one transaction with the tables' secondary indexes dropped and built again after
 * the rows are in (from their own definitions, read from {@code pg_indexes}), and with the foreign-key
 * triggers off ({@code session_replication_role = replica}; the rows are consistent by construction).
 * Building an index once over sorted input is many times faster than keeping it row by row.
 */
final class BulkData {

    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();
    private static final Map<String, HikariDataSource> LOADED = new HashMap<>();

    private BulkData() {
    }

    /** Writes rows into a database over one connection. */
    @FunctionalInterface
    interface Load {
        /**
         * Loads.
         *
         * @param c a connection in a transaction
         * @throws SQLException when a statement fails
         */
        void into(Connection c) throws SQLException;
    }

    /**
     * A database of the shared test cluster holding the migrated schema and one load, made once per
     * JVM under its name and then reused (the loads take minutes; a JMH run without forks measures
     * several benchmarks over one load).
     *
     * @param name the database's name
     * @param load what to load into it
     * @return a pool over it, open until the JVM exits
     */
    static synchronized HikariDataSource loadedOnce(String name, Load load) {
        HikariDataSource pool = LOADED.get(name);
        if (pool == null) {
            pool = TestPools.pool(PostgresCluster.shared().createDatabase(name), null);
            JdbcMessageStore.migrate(pool);
            bulkLoad(pool, load);
            LOADED.put(name, pool);
        }
        return pool;
    }

    /**
     * Runs a load in one transaction with the secondary indexes of every {@code sentlog_} table
     * dropped, builds them again, and analyses the tables.
     *
     * @param dataSource a migrated database
     * @param load       the rows
     */
    static void bulkLoad(DataSource dataSource, Load load) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("SET LOCAL synchronous_commit = off");
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname ="
                        + " current_schema() AND tablename LIKE 'sentlog\\_%' AND NOT EXISTS (SELECT 1 FROM"
                        + " pg_constraint k WHERE k.conname = i.indexname) ORDER BY indexname")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        indexes.add(rs.getString(2));
                    }
                    for (String index : names) {
                        s.execute("DROP INDEX " + index);
                    }
                }
            }
            load.into(c);
            try (Statement s = c.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the bulk load failed: " + e.getMessage(), e);
        }
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static String intArray(int[] values) {
        return "'{" + java.util.Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + "}'::integer[]";
    }

    /**
     * Messages to one guardian each (a pool of {@code guardians}, one email), every {@code busyEvery}-th
     * also to the busy person (a failed email), created over one year from {@link #START}, Sent.
     *
     * @param messages  how many messages
     * @param guardians how many guardians take turns
     * @param busyEvery every how many messages the busy person is on one
     */
    record RecipientLogShape(int messages, int guardians, int busyEvery) {

        /** The busy person's id. */
        static final String BUSY = "p-busy";
        /** The busy person's address. */
        static final String BUSY_ADDRESS = "busy@nomail.com";
        /** When message 0 was created. */
        static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
        /** Between one message's creation and the next (a year over 1,000,000 messages). */
        static final Duration STEP = Duration.ofDays(365).dividedBy(1_000_000);

        /**
         * Message {@code i}: one guardian, and the busy person on every {@code busyEvery}-th.
         *
         * @param i from 0
         * @return the message
         */
        Message message(int i) {
            List<RecipientEntry> entries = new ArrayList<>(2);
            int g = i % guardians;
            entries.add(RecipientEntry.of(Person.of("p-" + g, "Guardian, " + g), null,
                    List.of(Device.of(Channel.EMAIL, "g" + g + "@nomail.com", DeviceStatus.SENT))));
            if (i % busyEvery == 0) {
                entries.add(RecipientEntry.of(Person.of(BUSY, "Busy, Bea"), null,
                        List.of(Device.of(Channel.EMAIL, BUSY_ADDRESS, DeviceStatus.FAILED))));
            }
            return Message.builder().id("m-" + i).messageType("Staff Messenger").districtOrSchool("School " + (i % 10))
                    .subject("Subject " + (i % 100)).sender(Sender.of("u-1", "Sender, One", ""))
                    .createdAt(START.plus(STEP.multipliedBy(i))).deliveryModes(Channel.EMAIL).recipients(entries)
                    .build();
        }

        /**
         * Records every message through a store's API, as Sent.
         *
         * @param store the store
         */
        void record(MessageStore store) {
            MessageState sent = MessageState.initial(MessageStatus.SENT);
            for (int i = 0; i < messages; i++) {
                store.insert(message(i), sent);
            }
        }

        /**
         * Loads the rows {@link #record} writes into PostgreSQL: messages, recipients, devices, the
         * Recipient Log's person and address indexes and the maintained summary.
         *
         * @param c a connection in the load's transaction
         * @throws SQLException when a statement fails
         */
        void load(Connection c) throws SQLException {
            Message plain = message(1);
            Message busy = message(0);
            SummaryLedger plainLedger = summary(plain);
            SummaryLedger busyLedger = summary(busy);
            Map<String, int[]> plainCounters = counters(plainLedger);
            Map<String, int[]> busyCounters = counters(busyLedger);
            String guardianKey = plainLedger.addressKeyOfRow(0);
            String last = String.valueOf(messages - 1);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_message (id, message_type,"
                    + " message_type_kind, district_or_school, subject, sender_id, sender_name, sender_email,"
                    + " reply_to_email, caller_id, created_at, schedule_id, schedule_name, scheduler_sent,"
                    + " delivery_modes, text_messaging_enabled, body, text_message, device_count, status, version,"
                    + " is_active, summary_figures) SELECT 'm-' || i, ?, ?, 'School ' || (i % 10), 'Subject ' || (i % 100),"
                    + " ?, ?, ?, ?, ?, ? + i * ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN i % ? = 0 THEN 2 ELSE 1 END, ?, 0, false,"
                    + " CASE WHEN i % ? = 0 THEN " + intArray(busyLedger.figureValues()) + " ELSE "
                    + intArray(plainLedger.figureValues()) + " END FROM generate_series(0, " + last + ") i ORDER BY i")) {
                int p = 1;
                s.setString(p++, plain.messageType());
                s.setString(p++, plain.messageTypeKind().name());
                s.setString(p++, plain.sender().id());
                s.setString(p++, plain.sender().name());
                s.setString(p++, plain.sender().email());
                s.setString(p++, plain.replyToEmail());
                s.setString(p++, plain.callerId());
                s.setLong(p++, nanos(START));
                s.setLong(p++, STEP.toNanos());
                s.setString(p++, plain.scheduleId());
                s.setString(p++, plain.scheduleName());
                s.setBoolean(p++, plain.isSchedulerSent());
                s.setString(p++, "EMAIL");
                s.setBoolean(p++, plain.textMessagingEnabled());
                s.setString(p++, plain.body());
                s.setString(p++, plain.text());
                s.setInt(p++, busyEvery);
                s.setString(p++, MessageStatus.SENT.name());
                s.setInt(p, busyEvery);
                s.executeUpdate();
            }
            countDays(c);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sentlog_recipient (message_id, entry_no, person_id, person_name)"
                        + " SELECT 'm-' || i, e, CASE WHEN e = 0 THEN 'p-' || (i % " + guardians + ") ELSE '" + BUSY
                        + "' END, CASE WHEN e = 0 THEN 'Guardian, ' || (i % " + guardians + ") ELSE 'Busy, Bea' END"
                        + " FROM generate_series(0, " + last + ") i CROSS JOIN generate_series(0, 1) e"
                        + " WHERE e = 0 OR i % " + busyEvery + " = 0 ORDER BY i, e");
                s.execute("INSERT INTO sentlog_device (message_id, row_no, entry_no, device_no, person_id,"
                        + " next_row_of_person, channel, address, outcome, confirmed, sequence, submitted, is_final,"
                        + " address_key, normal_address) SELECT message_id, entry_no, entry_no, 0, person_id, entry_no,"
                        + " 'EMAIL', a, CASE WHEN entry_no = 0 THEN 'SENT' ELSE 'FAILED' END, false, -1, false, false,"
                        + " 'E' || a, a FROM (SELECT message_id, entry_no, person_id, CASE WHEN entry_no = 0"
                        + " THEN 'g' || substr(person_id, 3) || '@nomail.com' ELSE '" + BUSY_ADDRESS + "' END a"
                        + " FROM sentlog_recipient) r");
                s.execute("INSERT INTO sentlog_person_message (person_id, message_id, created_at, recorded_seq)"
                        + " SELECT r.person_id, m.id, m.created_at, m.recorded_seq FROM sentlog_recipient r"
                        + " JOIN sentlog_message m ON m.id = r.message_id");
                s.execute("INSERT INTO sentlog_address_message (channel, address_key, message_id, created_at,"
                        + " recorded_seq) SELECT d.channel, d.normal_address, m.id, m.created_at, m.recorded_seq"
                        + " FROM sentlog_device d JOIN sentlog_message m ON m.id = d.message_id");
                s.execute("INSERT INTO sentlog_summary_address (message_id, address_key, counters)"
                        + " SELECT d.message_id, d.address_key, CASE WHEN d.entry_no = 1 THEN "
                        + intArray(busyCounters.get(busyLedger.addressKeyOfRow(1))) + " WHEN m.device_count = 2 THEN "
                        + intArray(busyCounters.get(busyLedger.addressKeyOfRow(0))) + " ELSE "
                        + intArray(plainCounters.get(guardianKey)) + " END FROM sentlog_device d"
                        + " JOIN sentlog_message m ON m.id = d.message_id");
            }
        }

        private static SummaryLedger summary(Message m) {
            SummaryLedger ledger = SummaryLedger.of(m.recipients(), m.deliveryModes(), STANDARD);
            if (ledger.addressKeyOfRow(0) == null) {
                throw new IllegalStateException("message " + m.id() + " has no device on row 0");
            }
            return ledger;
        }
    }

    /** The address counters of a ledger; refuses a ledger with person links or times (not loaded). */
    private static Map<String, int[]> counters(SummaryLedger ledger) {
        Map<String, int[]> out = new LinkedHashMap<>();
        ledger.export(new SummaryLedger.Sink() {
            @Override
            public void address(String key, int[] counters) {
                out.put(key, counters.clone());
            }

            @Override
            public void person(String personId, int links) {
                throw new IllegalStateException("the bulk load writes no summary person rows, yet " + personId
                        + " has " + links);
            }

            @Override
            public void time(boolean finalOutcome, Instant at, int occurrences) {
                throw new IllegalStateException("the bulk load writes no summary times, yet one is at " + at);
            }
        });
        return out;
    }

    /**
     * Messages of Voice devices in entries of four, over a pool of numbers: message {@code m}'s row
     * {@code r} calls number {@code (m * 1,000,003 + r * 40) mod numbers} (distinct within a message
     * while {@code devicesPerMessage * 40 <= numbers}). One number in fifty is wrong (3 Not In Service)
     * every time; the others answer (5 Live Person) or, one row in twelve, are busy (1). Created an
     * hour apart from {@link #START}; each outcome is applied a minute after its message's creation, in
     * a device callback that notes it for the contact ledger, as the log does.
     *
     * @param messages          how many messages
     * @param devicesPerMessage devices per message, a multiple of four
     * @param numbers           how many numbers
     */
    record ContactShape(int messages, int devicesPerMessage, int numbers) {

        /** When message 0 was created. */
        static final Instant START = Instant.parse("2026-01-05T13:00:00Z");
        /** Persons take turns over this many. */
        static final int PERSONS = 50_000;

        ContactShape {
            if (devicesPerMessage % 4 != 0 || (long) devicesPerMessage * 40 > numbers) {
                throw new IllegalArgumentException("devicesPerMessage must be a multiple of 4 with 40 times it at"
                        + " most numbers; was " + devicesPerMessage + " for " + numbers + " numbers");
            }
        }

        /** The number message {@code m} calls on row {@code row}. */
        int numberOf(int m, int row) {
            return (int) ((m * 1_000_003L + row * 40L) % numbers);
        }

        /** The number as dialled. */
        static String dialled(int n) {
            return String.valueOf(2_000_000_000L + n);
        }

        /** The outcome of message {@code m}'s row {@code row}. */
        DeviceOutcome outcome(int m, int row) {
            int n = numberOf(m, row);
            return DeviceOutcome.call(n % 50 == 0 ? 3 : (n + row) % 12 == 0 ? 1 : 5);
        }

        static Instant createdAt(int m) {
            return START.plus(Duration.ofHours(m));
        }

        /** Message {@code m}, its devices Pending. */
        Message message(int m) {
            List<RecipientEntry> entries = new ArrayList<>(devicesPerMessage / 4);
            for (int e = 0; e < devicesPerMessage / 4; e++) {
                List<Device> devices = new ArrayList<>(4);
                for (int d = 0; d < 4; d++) {
                    devices.add(Device.of(Channel.VOICE, dialled(numberOf(m, e * 4 + d)), DeviceStatus.PENDING));
                }
                entries.add(RecipientEntry.of(Person.of("p-" + (e % PERSONS), "P, P"), null, devices));
            }
            Instant created = createdAt(m);
            return Message.builder().id("m-" + m).messageType("Staff Messenger").districtOrSchool("School " + (m % 10))
                    .subject("s").sender(Sender.of("u-1", "Administrator, System", "")).createdAt(created)
                    .scheduledAt(created).deliveryModes(Channel.VOICE).recipients(entries).build();
        }

        /**
         * Records every message through a store's API and applies every outcome in one device callback
         * per message, noting each for the contact ledger.
         *
         * @param store the store
         */
        void record(MessageStore store) {
            for (int m = 0; m < messages; m++) {
                int message = m;
                store.insert(message(m), MessageState.initial(MessageStatus.WAITING));
                Instant at = createdAt(m).plusSeconds(60);
                store.withDevices("m-" + m, t -> {
                    for (int row = 0; row < t.size(); row++) {
                        DeviceOutcome o = outcome(message, row);
                        t.set(row, o, false, at, 1, true);
                        t.noteContact(row, ContactKind.of(Channel.VOICE, o, false, STANDARD));
                    }
                    return Boolean.TRUE;
                });
            }
        }

        /**
         * Loads the contact ledger {@link #record} leaves in PostgreSQL (every fact, every address's
         * standing, the listed addresses with a copy of their facts) and the messages' own rows; not
         * their recipient and device rows, which listing the contacts never reads.
         *
         * @param c a connection in the load's transaction
         * @throws SQLException when a statement fails
         */
        void loadLedger(Connection c) throws SQLException {
            Message first = message(0);
            String last = String.valueOf(messages - 1);
            long hour = Duration.ofHours(1).toNanos();
            long minute = Duration.ofMinutes(1).toNanos();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sentlog_message (id, message_type,"
                    + " message_type_kind, district_or_school, subject, sender_id, sender_name, sender_email,"
                    + " reply_to_email, caller_id, created_at, scheduled_at, schedule_id, schedule_name, scheduler_sent,"
                    + " delivery_modes, text_messaging_enabled, body, text_message, device_count, status, version,"
                    + " is_active) SELECT 'm-' || i, ?, ?, 'School ' || (i % 10), ?, ?, ?, ?, ?, ?, ? + i * ?,"
                    + " ? + i * ?, ?, ?, ?, 'VOICE', ?, ?, ?, ?, ?, 0, true FROM generate_series(0, " + last + ") i"
                    + " ORDER BY i")) {
                int p = 1;
                s.setString(p++, first.messageType());
                s.setString(p++, first.messageTypeKind().name());
                s.setString(p++, first.subject());
                s.setString(p++, first.sender().id());
                s.setString(p++, first.sender().name());
                s.setString(p++, first.sender().email());
                s.setString(p++, first.replyToEmail());
                s.setString(p++, first.callerId());
                s.setLong(p++, nanos(START));
                s.setLong(p++, hour);
                s.setLong(p++, nanos(START));
                s.setLong(p++, hour);
                s.setString(p++, first.scheduleId());
                s.setString(p++, first.scheduleName());
                s.setBoolean(p++, first.isSchedulerSent());
                s.setBoolean(p++, first.textMessagingEnabled());
                s.setString(p++, first.body());
                s.setString(p++, first.text());
                s.setInt(p++, devicesPerMessage);
                s.setString(p, MessageStatus.WAITING.name());
                s.executeUpdate();
            }
            countDays(c);
            String number = "(m * 1000003::bigint + r * 40) % " + numbers;
            String code = "CASE WHEN n % 50 = 0 THEN 3 WHEN (n + r) % 12 = 0 THEN 1 ELSE 5 END";
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sentlog_contact_fact (address_key, channel, address, message_id, row_no, kind,"
                        + " outcome, at, person_id, school) SELECT 'VOICE:' || a, 'VOICE', a, 'm-' || m, r,"
                        + " CASE code WHEN 3 THEN '" + kind(3) + "' WHEN 1 THEN '" + kind(1) + "' ELSE '" + kind(5)
                        + "' END, 'CALL:' || code, " + nanos(START) + " + m * " + hour + " + " + minute + ","
                        + " 'p-' || ((r / 4) % " + PERSONS + "), 'School ' || (m % 10) FROM (SELECT m, r,"
                        + " (2000000000 + n)::text a, " + code + " code FROM (SELECT m, r, " + number + " n"
                        + " FROM generate_series(0, " + last + ") m CROSS JOIN generate_series(0, "
                        + (devicesPerMessage - 1) + ") r) x) y ORDER BY 1, 4, 5");
                // one fact per address and message here, at distinct times: the streak is the permanent
                // failures after the newest other attempt
                s.execute("INSERT INTO sentlog_contact_address (address_key, channel, address, streak, do_not_contact)"
                        + " SELECT address_key, 'VOICE', min(address), count(*) FILTER (WHERE kind = '"
                        + ContactKind.PERMANENT_FAILURE.name() + "' AND at > COALESCE(other, -1)), false FROM (SELECT"
                        + " address_key, address, kind, at, max(at) FILTER (WHERE kind <> '"
                        + ContactKind.PERMANENT_FAILURE.name() + "') OVER (PARTITION BY address_key) other"
                        + " FROM sentlog_contact_fact) f GROUP BY address_key ORDER BY address_key");
                // the listed addresses (here the wrong numbers) and a copy of their facts, stored together
                s.execute("INSERT INTO sentlog_contact_listed (address_key, channel, address, streak, do_not_contact)"
                        + " SELECT address_key, channel, address, streak, do_not_contact FROM sentlog_contact_address"
                        + " WHERE streak > 0 OR do_not_contact ORDER BY address_key");
                s.execute("INSERT INTO sentlog_contact_listed_fact SELECT f.* FROM sentlog_contact_listed l"
                        + " JOIN sentlog_contact_fact f ON f.address_key = l.address_key ORDER BY 1, 4, 5");
            }
        }

        private static String kind(int code) {
            return ContactKind.of(Channel.VOICE, DeviceOutcome.call(code), false, STANDARD).name();
        }
    }

    /**
     * Fills the search's day counts (messages per district/school and UTC day of creation) of the
     * messages just loaded, as the store keeps them when it records each message; the loaded
     * creation times are after 1970, so integer division rounds down as the store does.
     */
    private static void countDays(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sentlog_message_day (day, district_or_school, messages)"
                    + " SELECT created_at / 86400000000000, district_or_school, count(*) FROM sentlog_message"
                    + " GROUP BY 1, 2");
        }
    }
}
