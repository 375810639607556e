package dev.sentlog.core.log;

import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceReportSink;
import dev.sentlog.spi.ProviderException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider whose behaviour a test scripts: it can answer, throw, hang past the log's timeout or
 * answer garbage, per operation. It remembers every batch, every device it "attempted" (by a
 * report) and every device it canceled, so cancel answers only devices not yet attempted.
 */
final class ScriptedProvider implements DeliveryProvider {

    enum Behaviour { ANSWER, THROW, HANG, GARBAGE }

    private final String name;
    private final Set<Channel> channels;
    private final int spiVersion;
    private final AtomicInteger jobs = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    final Map<String, DeliveryBatch> batches = new ConcurrentHashMap<>();
    final List<String> submittedJobs = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, DeviceReport>> latest = new ConcurrentHashMap<>();
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final Set<String> canceled = ConcurrentHashMap.newKeySet();
    volatile Behaviour onSubmit = Behaviour.ANSWER;
    volatile Behaviour onCancel = Behaviour.ANSWER;
    volatile Behaviour onPoll = Behaviour.ANSWER;
    volatile DeviceReportSink sink;

    ScriptedProvider(String name, Set<Channel> channels) {
        this(name, channels, SPI_VERSION);
    }

    ScriptedProvider(String name, Set<Channel> channels, int spiVersion) {
        this.name = name;
        this.channels = EnumSet.copyOf(channels);
        this.spiVersion = spiVersion;
    }

    static ScriptedProvider all(String name) {
        return new ScriptedProvider(name, EnumSet.allOf(Channel.class));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    @Override
    public int spiVersion() {
        return spiVersion;
    }

    private void behave(Behaviour b, String what) {
        if (b == Behaviour.THROW) {
            throw new ProviderException(name, what + " refused by script");
        }
        if (b == Behaviour.HANG) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(name, what + " interrupted");
            }
        }
    }

    @Override
    public String submit(DeliveryBatch batch) {
        behave(onSubmit, "submit");
        if (onSubmit == Behaviour.GARBAGE) {
            return "  ";
        }
        String job = name + "-job-" + jobs.incrementAndGet();
        batches.put(job, batch);
        latest.put(job, new ConcurrentHashMap<>());
        submittedJobs.add(job);
        return job;
    }

    @Override
    public CancelResult cancel(String jobId) {
        behave(onCancel, "cancel");
        if (onCancel == Behaviour.GARBAGE) {
            return new CancelResult(List.of("999.999", "not-a-device"));
        }
        List<String> stopped = new ArrayList<>();
        synchronized (this) {
            for (DeliveryRequest r : batches.get(jobId).deliveries()) {
                String key = jobId + "/" + r.deviceId();
                if (!attempted.contains(key) && canceled.add(key)) {
                    stopped.add(r.deviceId());
                }
            }
        }
        return new CancelResult(stopped);
    }

    @Override
    public List<DeviceReport> poll(String jobId) {
        behave(onPoll, "poll");
        if (onPoll == Behaviour.GARBAGE) {
            return List.of(DeviceReport.of("77.0", DeviceOutcome.call(5), false, "g1", 1, Instant.EPOCH),
                    DeviceReport.of("0.0", DeviceOutcome.call(5), false, "g2", 1, Instant.EPOCH),
                    DeviceReport.of("bogus", DeviceOutcome.call(5), false, "g3", 1, Instant.EPOCH));
        }
        return latestReports(jobId);
    }

    /** The latest report of each reached device of a job, whatever the poll behaviour. */
    List<DeviceReport> latestReports(String jobId) {
        return new ArrayList<>(latest.getOrDefault(jobId, Map.of()).values());
    }

    /** Feedback {@link #pollFeedback} answers, per job (SPEC H5). */
    final Map<String, List<DeviceFeedback>> feedback = new ConcurrentHashMap<>();

    @Override
    public List<DeviceFeedback> pollFeedback(String jobId) {
        return List.copyOf(feedback.getOrDefault(jobId, List.of()));
    }

    @Override
    public void bind(DeviceReportSink s) {
        sink = s;
    }

    /**
     * The provider reaches a device: the report is kept for polls. A device the provider already
     * canceled cannot be reached; the answer is then null.
     */
    synchronized DeviceReport reach(String jobId, String deviceId, DeviceOutcome outcome, boolean confirmed,
                                    Instant at) {
        String key = jobId + "/" + deviceId;
        if (canceled.contains(key)) {
            return null;
        }
        attempted.add(key);
        long seq = sequence.incrementAndGet();
        DeviceReport r = DeviceReport.of(deviceId, outcome, confirmed, name + "-e" + seq, seq, at);
        latest.get(jobId).put(deviceId, r);
        return r;
    }

    /** The only job submitted so far. */
    String onlyJob() {
        if (submittedJobs.size() != 1) {
            throw new IllegalStateException(name + " has " + submittedJobs.size() + " jobs");
        }
        return submittedJobs.get(0);
    }

    /** The device ids of a job, in batch order. */
    List<String> deviceIds(String jobId) {
        List<String> ids = new ArrayList<>();
        for (DeliveryRequest r : batches.get(jobId).deliveries()) {
            ids.add(r.deviceId());
        }
        return ids;
    }
}
