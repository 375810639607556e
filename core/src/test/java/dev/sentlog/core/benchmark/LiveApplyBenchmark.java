package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.UnmaintainedInMemory;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.jdbc.UnmaintainedJdbc;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final int PERSONS = 1_000;
    private static final int BATCH = 1_000;
    private static final Instant AT = Instant.parse("2022-05-01T13:30:00Z");
    private static final DeviceOutcome[] VOICE = {DeviceOutcome.call(17), DeviceOutcome.call(-39)};
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The store: in memory or PostgreSQL, with the summary maintained or plain (the baseline). */
    @Param({"memory-maintained", "memory-plain", "postgres-maintained", "postgres-plain"})
    public String store;

    private SentMessageLog log;
    private HikariDataSource pool;
    private String[] deviceIds;
    private long sequence;
    private int cursor;

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
        List<RecipientEntry> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < PERSONS; p++) {
            String phone = String.format("555%07d", p);
            entries.add(RecipientEntry.of(Person.of("p-" + p, "Parent, " + p), null, List.of(
                    Device.of(Channel.VOICE, phone, DeviceStatus.PENDING),
                    Device.of(Channel.TEXT, phone, DeviceStatus.PENDING))));
            ids.add(p + ".0");
            ids.add(p + ".1");
        }
        Message message = Message.builder().id("m-1").messageType("Staff Messenger").districtOrSchool("Harrison High")
                .subject("s").sender(Sender.of("u-1", "A, B", "")).createdAt(AT)
                .deliveryModes(Channel.VOICE, Channel.TEXT).recipients(entries).build();
        log.record(message);
        deviceIds = ids.toArray(new String[0]);
    }

    /** Closes the log and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        if (pool != null) {
            pool.close();
        }
    }

    private List<DeviceReport> nextBatch() {
        List<DeviceReport> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int d = cursor;
            cursor = (cursor + 1) % deviceIds.length;
            long seq = ++sequence;
            DeviceOutcome o = (d & 1) == 0 ? VOICE[(int) (seq & 1)] : DeviceOutcome.of(DeviceStatus.IN_PROGRESS);
            batch.add(new DeviceReport(deviceIds[d], o, false, "e", seq, AT.plusSeconds(seq), null));
        }
        return batch;
    }

    /** One batch of reports; the score is reports per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object apply() {
        return log.acceptReports("null", "job-m-1", nextBatch());
    }
}
