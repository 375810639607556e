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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying provider reports into PostgreSQL (issue #12, "Speed"): batches of {@value #BATCH} reports
 * through {@link SentMessageLog#acceptReports} on a message of {@value #DEVICES} Voice and Text devices
 * (the maintained Delivery Summary included), against the plain way in the same run: one JDBC batched
 * {@code UPDATE} of the same device rows per batch, in a transaction of its own. Every report is newer
 * than the stored one on its device and carries a new time, so each changes its row. Target: at least
 * 50,000 reports per second for the log.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=PostgresApplyBenchmark
 * -Djmh.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PostgresApplyBenchmark {

    static final int PERSONS = 50_000;
    static final int DEVICES = 2 * PERSONS;
    static final int BATCH = 1_000;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private HikariDataSource pool;
    private SentMessageLog log;
    private final ReportBatches batches = new ReportBatches(true, PERSONS);

    /** Records the message (through the store, with its summary rows) in a fresh database. */
    @Setup(Level.Trial)
    public void setUp() {
        pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_pg_apply_" + DATABASES.incrementAndGet()
                + "_" + ProcessHandle.current().pid()), null);
        log = SentMessageLog.builder().store(JdbcMessageStore.migrate(pool))
                .provider(new ReportApplyBenchmark.NullProvider()).build();
        log.record(ReportBatches.message(PERSONS));
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

    /** The plain way: one batched UPDATE of the batch's device rows in one transaction. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineBatchedUpdate() throws SQLException {
        List<DeviceReport> batch = batches.next(BATCH);
        int rows = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE sentlog_device SET outcome = ?, confirmed = ?, "
                    + "reached_at = ?, sequence = ?, submitted = true, is_final = ? "
                    + "WHERE message_id = 'm-1' AND entry_no = ? AND device_no = ? AND sequence < ?")) {
                for (DeviceReport r : batch) {
                    int dot = r.deviceId().indexOf('.');
                    s.setString(1, r.outcome() instanceof DeviceOutcome.Call call ? "CALL:" + call.code().code()
                            : ((DeviceOutcome.Status) r.outcome()).status().name());
                    s.setBoolean(2, r.confirmed());
                    s.setLong(3, nanos(r.at()));
                    s.setLong(4, r.sequence());
                    s.setBoolean(5, false);
                    s.setInt(6, Integer.parseInt(r.deviceId(), 0, dot, 10));
                    s.setInt(7, Integer.parseInt(r.deviceId(), dot + 1, r.deviceId().length(), 10));
                    s.setLong(8, r.sequence());
                    s.addBatch();
                }
                for (int n : s.executeBatch()) {
                    rows += n;
                }
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
