package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the Delivery Summary of a stored 1,000,000-device message (SPEC E3): the store's
 * maintained summary ({@link MessageStore#summary}, target ≤ 1 ms) against the recompute-every-time
 * way the log used before (a snapshot of the message, then {@link DeliveryAnalysis}), in memory and
 * on PostgreSQL (the shared throwaway cluster of the tests), in the same run.
 *
 * <p>Run:
 * <pre>
 * mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=LiveSummaryBenchmark -Djmh.args="-f 1 -wi 1 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LiveSummaryBenchmark {

    /** Where the message is stored. */
    @Param({"memory", "postgres"})
    public String store;

    private MessageStore messages;
    private HikariDataSource pool;

    /** Stores the message (its devices with the district shape's outcomes) and reads its summary once. */
    @Setup(Level.Trial)
    public void setUp() {
        Instant at = Instant.parse("2026-01-12T14:00:00Z");
        Message m = Message.builder().id("m-1").messageType("Staff Messenger").districtOrSchool("Harrison High")
                .subject("s").sender(Sender.of("u-1", "A, B", "")).createdAt(at)
                .deliveryModes(EnumSet.allOf(Channel.class)).textMessagingEnabled(true)
                .recipients(TotalsBenchmark.districtMessage(TotalsBenchmark.DEVICES, new Random(42))).build();
        if (store.equals("postgres")) {
            pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_live_summary"), null);
            messages = JdbcMessageStore.migrate(pool);
        } else {
            messages = MessageStore.inMemory();
        }
        messages.insert(m, MessageState.initial(MessageStatus.IN_PROGRESS));
        messages.summary("m-1").orElseThrow();
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
    }

    /** The maintained summary: one read of kept figures. */
    @Benchmark
    public DeliverySummary maintained() {
        return messages.summary("m-1").orElseThrow().summary();
    }

    /** Baseline: the snapshot of the message, then the batch analysis, as every select did before. */
    @Benchmark
    public DeliverySummary recomputed() {
        return DeliverySummary.of(messages.snapshot("m-1").orElseThrow());
    }
}
