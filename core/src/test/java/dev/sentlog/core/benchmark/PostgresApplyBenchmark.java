package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.log.ReportsApplied;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying provider reports into PostgreSQL (issue #12, "Speed"): batches of {@value #BATCH} reports
 * through {@link SentMessageLog#acceptReports} on a message of {@link #devices} Voice and Text devices
 * (500,000 by default: the webhook storm of the issue; the maintained Delivery Summary included), against
 * the plain way in the same run: one set-based {@code UPDATE ... FROM unnest(...)} of the same device rows
 * per batch, in a transaction of its own. Every report is newer than the stored one on its device, so
 * each changes its row. The reports' {@link #times}: {@code STORM}, the provider's clock in whole seconds
 * at 50,000 reports a second (the case: a batch's reports share one or two times); {@code
 * EVERY_REPORT}, the worst case, a time no other device has on every report, so that each report moves
 * its device's time in the D6 time rows. Target: at least 50,000 reports per second for the log in the
 * storm.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=PostgresApplyBenchmark
 * -Djmh.args="-f 1 -wi 1 -i 3"} (add {@code -p devices=100000} for a smaller message)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PostgresApplyBenchmark {

    static final int BATCH = 1_000;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The message's devices, a Voice and a Text device for each person. */
    @Param({"500000"})
    public int devices;

    /** The times the reports carry, a {@link ReportBatches.Times}. */
    @Param({"STORM", "EVERY_REPORT"})
    public String times;

    private HikariDataSource pool;
    private SentMessageLog log;
    private ReportBatches batches;

    /** Records the message (through the store, with its summary rows) in a fresh database. */
    @Setup(Level.Trial)
    public void setUp() {
        pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_pg_apply_" + DATABASES.incrementAndGet()
                + "_" + ProcessHandle.current().pid()), null);
        log = SentMessageLog.builder().store(JdbcMessageStore.migrate(pool))
                .provider(new ReportApplyBenchmark.NullProvider()).build();
        batches = new ReportBatches(ReportBatches.Times.valueOf(times), devices / 2);
        log.record(ReportBatches.message(devices / 2));
    }

    /** Closes the log and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        pool.close();
    }

    /** One batch through the log; the score is reports per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ReportsApplied acceptReports() {
        ReportsApplied applied = log.acceptReports("null", "job-m-1", batches.next(BATCH));
        if (applied.applied() != BATCH) {
            throw new IllegalStateException("the log changed " + applied.applied() + " devices, expected "
                    + BATCH);
        }
        return applied;
    }

    /**
     * The plain way, set-based: the batch's new values as one array per column and one {@code UPDATE ...
     * FROM unnest(...)} of the device rows whose stored sequence is older, in one transaction.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineSetUpdate() throws SQLException {
        List<DeviceReport> batch = batches.next(BATCH);
        Integer[] entries = new Integer[BATCH];
        Integer[] devices = new Integer[BATCH];
        String[] outcomes = new String[BATCH];
        Boolean[] confirmed = new Boolean[BATCH];
        Long[] times = new Long[BATCH];
        Long[] sequences = new Long[BATCH];
        for (int i = 0; i < BATCH; i++) {
            DeviceReport r = batch.get(i);
            int dot = r.deviceId().indexOf('.');
            entries[i] = Integer.parseInt(r.deviceId(), 0, dot, 10);
            devices[i] = Integer.parseInt(r.deviceId(), dot + 1, r.deviceId().length(), 10);
            outcomes[i] = r.outcome() instanceof DeviceOutcome.Call call ? "CALL:" + call.code().code()
                    : ((DeviceOutcome.Status) r.outcome()).status().name();
            confirmed[i] = r.confirmed();
            times[i] = nanos(r.at());
            sequences[i] = r.sequence();
        }
        int rows;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_device d SET outcome = u.outcome, "
                    + "confirmed = u.confirmed, reached_at = u.reached_at, sequence = u.sequence, submitted = true, "
                    + "is_final = false FROM unnest(?::integer[], ?::integer[], ?::text[], ?::boolean[], ?::bigint[], "
                    + "?::bigint[]) AS u(entry_no, device_no, outcome, confirmed, reached_at, sequence) "
                    + "WHERE d.message_id = 'm-1' AND d.entry_no = u.entry_no AND d.device_no = u.device_no "
                    + "AND d.sequence < u.sequence")) {
                s.setArray(1, c.createArrayOf("integer", entries));
                s.setArray(2, c.createArrayOf("integer", devices));
                s.setArray(3, c.createArrayOf("text", outcomes));
                s.setArray(4, c.createArrayOf("boolean", confirmed));
                s.setArray(5, c.createArrayOf("bigint", times));
                s.setArray(6, c.createArrayOf("bigint", sequences));
                rows = s.executeUpdate();
            }
            c.commit();
        }
        if (rows != BATCH) {
            throw new IllegalStateException("the UPDATE changed " + rows + " rows, expected " + BATCH);
        }
        return rows;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
