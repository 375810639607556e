package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.retention.Retention;
import dev.sentlog.core.retention.RetentionResult;
import dev.sentlog.core.retention.RetentionSettings;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
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
 * Purging {@value #DEVICES} devices from PostgreSQL (SPEC X1): {@link Retention#purge()} in batches of
 * {@value #BATCH} rows, each its own short transaction, against the plain way: one transaction that
 * deletes the same rows with one {@code DELETE} per table. Devices purged per second = {@value #DEVICES}
 * / the time of one operation.
 *
 * <p>Each operation purges {@value #MESSAGES} final messages of {@value #DEVICES_PER_MESSAGE} recipients
 * with one email device each (1,000,000 devices, 1,000,000 recipient rows, 2,000,100 rows in all),
 * loaded fresh before it (not measured) into the throwaway cluster of the core test-jar. A
 * machine-friendly size: the batched purge's time per row does not grow with the size, as every batch
 * is the same bounded transaction; the plain {@code DELETE} holds its locks for its whole run.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=PurgeBenchmark
 * -Djmh.args="-f 1 -wi 0 -i 2"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class PurgeBenchmark {

    static final int MESSAGES = 100;
    static final int DEVICES_PER_MESSAGE = 10_000;
    static final int DEVICES = MESSAGES * DEVICES_PER_MESSAGE;
    static final int BATCH = 5_000;
    private static final Instant CREATED = Instant.parse("2015-01-05T13:00:00Z");

    private HikariDataSource pool;
    private JdbcMessageStore store;
    private Retention retention;

    @Setup(Level.Trial)
    public void openDatabase() {
        PostgresDatabase db = PostgresCluster.shared().createDatabase("purge_benchmark");
        pool = TestPools.pool(db, null);
        store = JdbcMessageStore.migrate(pool);
        retention = Retention.over(store, new ManualClock(Instant.parse("2026-01-05T13:00:00Z")), ZoneOffset.UTC,
                OutcomeClassifier.standard(), RetentionSettings.of(Period.ofYears(7), Period.ofYears(2))
                        .withBatchSize(BATCH));
    }

    /** Loads the messages: headers through the store, recipient and device rows by SQL. */
    @Setup(Level.Invocation)
    public void load() throws SQLException {
        for (int m = 0; m < MESSAGES; m++) {
            Message message = Message.builder().id("m-" + m).messageType("Staff Messenger")
                    .messageTypeKind(MessageTypeKind.NON_MESSENGER).districtOrSchool("Harrison High")
                    .subject("s").sender(Sender.of("u-1", "N, N", "")).createdAt(CREATED.plusSeconds(m))
                    .status(MessageStatus.SENT).deliveryModes(Channel.EMAIL)
                    .recipients(List.of(RecipientEntry.of(Person.of("p", "P, P"), null, List.of()))).build();
            store.insert(message, MessageState.initial(MessageStatus.SENT));
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM sentlog_recipient");
            s.execute("INSERT INTO sentlog_recipient (message_id, entry_no, person_id, person_name) "
                    + "SELECT 'm-' || m, g, 'p-' || g, 'Parent, ' || g FROM generate_series(0, " + (MESSAGES - 1)
                    + ") m, generate_series(0, " + (DEVICES_PER_MESSAGE - 1) + ") g");
            s.execute("INSERT INTO sentlog_device (message_id, row_no, entry_no, device_no, person_id, "
                    + "next_row_of_person, channel, address, outcome, confirmed, reached_at, sequence, submitted, "
                    + "is_final) SELECT 'm-' || m, g, g, 0, 'p-' || g, g, 'EMAIL', 'a' || g || '@nomail.com', 'SENT', "
                    + "false, NULL, 0, true, true FROM generate_series(0, " + (MESSAGES - 1) + ") m, "
                    + "generate_series(0, " + (DEVICES_PER_MESSAGE - 1) + ") g");
            s.execute("UPDATE sentlog_message SET device_count = " + DEVICES_PER_MESSAGE);
            s.execute("VACUUM ANALYZE");
        }
    }

    /** The batched purge: one short transaction per {@value #BATCH} rows. */
    @Benchmark
    public RetentionResult batchedPurge() {
        RetentionResult r = retention.purge();
        if (r.devices() != DEVICES) {
            throw new IllegalStateException("purged " + r.devices() + " devices, expected " + DEVICES);
        }
        return r;
    }

    /** The plain way: one transaction, one DELETE per table. */
    @Benchmark
    public int plainDelete() throws SQLException {
        int rows = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            for (String table : List.of("sentlog_device", "sentlog_recipient", "sentlog_filter_criterion",
                    "sentlog_provider_job", "sentlog_legal_hold")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE message_id IN "
                        + "(SELECT id FROM sentlog_message WHERE created_at < ? AND NOT is_active)")) {
                    s.setLong(1, Long.MAX_VALUE);
                    rows += s.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                rows += s.executeUpdate("DELETE FROM sentlog_message WHERE NOT is_active");
            }
            c.commit();
        }
        if (rows != 2 * DEVICES + MESSAGES) {
            throw new IllegalStateException("deleted " + rows + " rows, expected " + (2 * DEVICES + MESSAGES));
        }
        return rows;
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }
}
