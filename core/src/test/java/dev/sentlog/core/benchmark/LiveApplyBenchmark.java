package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.UnmaintainedInMemory;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.jdbc.UnmaintainedJdbc;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
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
 * Applying provider reports with the Delivery Summary maintained (SPEC E3) against the same store
 * without it, in the same run, in memory and on PostgreSQL: batches of {@value #BATCH} reports through
 * {@link SentMessageLog#acceptReports} for a message of 2,000 Voice and Text devices, every report newer
 * than the stored one and carrying a new time, so that each changes a device and the D6 time counts.
 * Target: the maintained store keeps at least 90% of the plain store's reports per second.
 *
 * <p>Run:
 * <pre>
 * mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=LiveApplyBenchmark -Djmh.args="-f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LiveApplyBenchmark {

    private static final int BATCH = 1_000;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The store: in memory or PostgreSQL, with the summary maintained or plain (the baseline). */
    @Param({"memory-maintained", "memory-plain", "postgres-maintained", "postgres-plain"})
    public String store;

    private SentMessageLog log;
    private HikariDataSource pool;
    private final ReportBatches batches = new ReportBatches(ReportBatches.Times.EVERY_REPORT);

    /** Records the message on a log over the chosen store. */
    @Setup(Level.Trial)
    public void setUp() {
        MessageStore messages;
        if (store.startsWith("postgres")) {
            pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_live_apply_"
                    + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid()), null);
            messages = store.endsWith("plain") ? UnmaintainedJdbc.migrate(pool) : JdbcMessageStore.migrate(pool);
        } else {
            messages = store.endsWith("plain") ? UnmaintainedInMemory.create() : MessageStore.inMemory();
        }
        log = SentMessageLog.builder().store(messages).provider(new ReportApplyBenchmark.NullProvider()).build();
        log.record(ReportBatches.message());
    }

    /** Closes the log and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        if (pool != null) {
            pool.close();
        }
    }

    /** One batch of reports; the score is reports per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object apply() {
        return log.acceptReports("null", "job-m-1", batches.next(BATCH));
    }
}
