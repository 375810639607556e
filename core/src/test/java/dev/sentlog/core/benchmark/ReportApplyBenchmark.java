package dev.sentlog.core.benchmark;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Applying provider device reports on one thread (SPEC R2): batches of 1,000 reports, each newer
 * than the stored one so every report changes a device, through
 * {@link SentMessageLog#acceptReports}, for a message of 2,000 devices. Target: ≥ 500,000
 * reports/s. Baselines: the plainest possible store (a map of the latest report per device, same
 * newer-than rule) and the immutable way (rebuild the whole {@link Message} for every report).
 * Scores are reports per second.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=ReportApplyBenchmark -Djmh.args="-f 1 -wi 2 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReportApplyBenchmark {

    private static final int BATCH = 1_000;

    /** A provider that takes every batch and does nothing else. */
    public static final class NullProvider implements DeliveryProvider {
        @Override
        public String name() {
            return "null";
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.allOf(Channel.class);
        }

        @Override
        public String submit(DeliveryBatch batch) {
            return "job-" + batch.messageId();
        }

        @Override
        public CancelResult cancel(String jobId) {
            return new CancelResult(List.of());
        }

        @Override
        public List<DeviceReport> poll(String jobId) {
            return List.of();
        }
    }

    private SentMessageLog log;
    private Message message;
    private final ReportBatches batches = new ReportBatches(ReportBatches.Times.SAME);
    private final Map<String, DeviceReport> latest = new HashMap<>();

    @Setup(Level.Trial)
    public void setUp() {
        log = SentMessageLog.builder().provider(new NullProvider()).build();
        message = ReportBatches.message();
        log.record(message);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
    }

    private List<DeviceReport> nextBatch() {
        return batches.next(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object log() {
        return log.acceptReports("null", "job-m-1", nextBatch());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object baselineMapOfLatestReports() {
        int changed = 0;
        for (DeviceReport r : nextBatch()) {
            DeviceReport stored = latest.get(r.deviceId());
            if (stored == null || r.isNewerThan(stored)) {
                latest.put(r.deviceId(), r);
                changed++;
            }
        }
        return changed;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object baselineRebuildImmutableMessage() {
        Message m = message;
        for (DeviceReport r : nextBatch()) {
            int dot = r.deviceId().indexOf('.');
            int entry = Integer.parseInt(r.deviceId().substring(0, dot));
            int device = Integer.parseInt(r.deviceId().substring(dot + 1));
            List<RecipientEntry> entries = new ArrayList<>(m.recipients());
            RecipientEntry e = entries.get(entry);
            List<Device> devices = new ArrayList<>(e.devices());
            devices.set(device, devices.get(device).withOutcome(r.outcome(), r.confirmed(), r.at()));
            entries.set(entry, RecipientEntry.of(e.person(), e.student().orElse(null), devices));
            m = m.toBuilder().recipients(entries).build();
        }
        message = m;
        return m;
    }
}
