package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selecting a message of {@value #DEVICES} devices stored in PostgreSQL with its Delivery Summary
 * (SPEC S6; issue #12, "Speed"): {@link SentMessageLog#select}, which reads the whole message (its
 * recipient and device rows) and the maintained summary, against the plain way in the same run: one
 * {@code SELECT *} of the message's device rows in row order, every column read. Target: at most 3 s
 * for the log.
 *
 * <p>The message (125,000 entries of a guardian and a student, each with an Inbox, Email, Voice and
 * Text device, outcomes mixed) is stored once through the store, with its summary rows (not measured).
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=PostgresSelectBenchmark
 * -Djmh.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
public class PostgresSelectBenchmark {

    static final int ENTRIES = 125_000;
    static final int DEVICES = 4 * ENTRIES;
    private static final Instant START = Instant.parse("2026-01-05T13:00:00Z");

    private HikariDataSource pool;
    private SentMessageLog log;
    private Caller admin;

    /** Stores the message in a fresh database and checks the log's summary against one recomputed. */
    @Setup(Level.Trial)
    public void load() throws SQLException {
        pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_pg_select_"
                + ProcessHandle.current().pid()), null);
        JdbcMessageStore store = JdbcMessageStore.migrate(pool);
        Message message = message();
        store.insert(message, MessageState.initial(MessageStatus.SENT));
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        log = SentMessageLog.builder().store(store).zone(ZoneOffset.UTC).build();
        admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        DeliveryTotals selected = logSelect().summary().totals();
        DeliveryTotals expected = DeliverySummary.of(message).totals();
        int rows = plainSelect();
        if (!selected.equals(expected) || rows != DEVICES) {
            throw new IllegalStateException("the log's totals " + selected + ", recomputed " + expected
                    + "; the plain SELECT read " + rows + " rows, expected " + DEVICES);
        }
    }

    private static Message message() {
        List<DeviceOutcome> phone = List.of(DeviceOutcome.call(5), DeviceOutcome.call(0), DeviceOutcome.call(1),
                DeviceOutcome.call(3), DeviceOutcome.call(-28), DeviceOutcome.call(-33));
        List<DeviceOutcome> other = List.of(DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED),
                DeviceOutcome.of(DeviceStatus.CANCELED));
        List<RecipientEntry> entries = new ArrayList<>(ENTRIES);
        for (int e = 0; e < ENTRIES; e++) {
            int family = e / 2;
            String number = String.valueOf(3_000_000_000L + family);
            entries.add(RecipientEntry.of(Person.of("p-" + family, "Parent, " + family), Person.of("s-" + e,
                    "Student, " + e), List.of(
                    new Device(Channel.INBOX, "portal-" + family, other.get(e % 3), false, START),
                    new Device(Channel.EMAIL, "g" + family + "@nomail.com", other.get((e / 3) % 3), false, START),
                    new Device(Channel.VOICE, number, phone.get(e % 4), false, START.plusSeconds(e % 3_600)),
                    new Device(Channel.TEXT, number, phone.get(4 + e % 2), false, START.plusSeconds(e % 600)))));
        }
        return Message.builder().id("big").messageType("Staff Messenger").districtOrSchool("School 1")
                .subject("s").sender(Sender.of("u-1", "Administrator, System", "")).createdAt(START)
                .scheduledAt(START).deliveryModes(EnumSet.allOf(Channel.class)).status(MessageStatus.SENT)
                .recipients(entries).build();
    }

    /** Closes the log and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        pool.close();
    }

    /** The log's select: the whole message and its Delivery Summary. */
    @Benchmark
    public MessageView logSelect() {
        return log.select(admin, "big");
    }

    /** The plain way: the message's device rows in row order, every column read. */
    @Benchmark
    public int plainSelect() throws SQLException {
        int rows = 0;
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT * FROM "
                + "sentlog_device WHERE message_id = ? ORDER BY row_no")) {
            s.setString(1, "big");
            s.setFetchSize(10_000);
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            c.commit();
        }
        return rows;
    }
}
