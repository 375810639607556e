package dev.sentlog.core.log;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A delivery service shared by several log instances, as an external provider is: it keeps DP-S6
 * (one job per batch key, a repeated key answers the same job and delivers nothing again), counts
 * the submits of each key, and never delivers a device it stopped on a cancel. Thread-safe.
 */
final class KeyedDeliveryService implements DeliveryProvider {

    /** A device of a job: the log's device id and its channel. */
    record JobDevice(String jobId, String deviceId, Channel channel) {
    }

    private final String name;
    private final Set<Channel> channels;
    private final Map<BatchKey, Integer> submits = new LinkedHashMap<>();
    private final Map<BatchKey, String> jobOfKey = new HashMap<>();
    private final Map<String, List<JobDevice>> devicesOfJob = new LinkedHashMap<>();
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> stopped = new HashSet<>();
    /** Runs inside every submit, before the answer (a test pauses or kills a hand-over there). */
    volatile Consumer<DeliveryBatch> duringSubmit = b -> { };
    /** Runs when the service accepted a new batch, with its key and job (a child process prints it). */
    volatile BiConsumer<BatchKey, String> afterAccept = (k, j) -> { };

    KeyedDeliveryService(String name, Set<Channel> channels) {
        this.name = name;
        this.channels = EnumSet.copyOf(channels);
    }

    static KeyedDeliveryService all(String name) {
        return new KeyedDeliveryService(name, EnumSet.allOf(Channel.class));
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
    public String submit(DeliveryBatch batch) {
        duringSubmit.accept(batch);
        synchronized (this) {
            submits.merge(batch.key(), 1, Integer::sum);
            String known = jobOfKey.get(batch.key());
            if (known != null) {
                return known; // DP-S6
            }
            String job = name + "-job-" + (jobOfKey.size() + 1);
            jobOfKey.put(batch.key(), job);
            List<JobDevice> devices = new ArrayList<>();
            for (DeliveryRequest r : batch.deliveries()) {
                devices.add(new JobDevice(job, r.deviceId(), r.channel()));
            }
            devicesOfJob.put(job, devices);
            afterAccept.accept(batch.key(), job);
            return job;
        }
    }

    @Override
    public synchronized CancelResult cancel(String jobId) {
        List<String> canceled = new ArrayList<>();
        for (JobDevice d : devicesOfJob.getOrDefault(jobId, List.of())) {
            String key = jobId + "/" + d.deviceId();
            if (!delivered.contains(key)) {
                stopped.add(key);
                canceled.add(d.deviceId());
            }
        }
        return new CancelResult(canceled);
    }

    @Override
    public List<DeviceReport> poll(String jobId) {
        return List.of();
    }

    /**
     * Delivers a device: its final report, or null when a cancel stopped it first.
     *
     * @param sequence the report's sequence number
     */
    synchronized DeviceReport deliver(JobDevice d, long sequence, Instant at) {
        String key = d.jobId() + "/" + d.deviceId();
        if (stopped.contains(key)) {
            return null;
        }
        delivered.add(key);
        return DeviceReport.of(d.deviceId(), finalOutcome(d.channel()), false, "final-" + sequence, sequence, at);
    }

    /** The final outcome this service reports for a device of the channel. */
    static DeviceOutcome finalOutcome(Channel c) {
        return c.isPhone() ? DeviceOutcome.call(5) : DeviceOutcome.of(DeviceStatus.SENT);
    }

    /** Whether a cancel stopped the device. */
    synchronized boolean wasStopped(JobDevice d) {
        return stopped.contains(d.jobId() + "/" + d.deviceId());
    }

    /** The devices of every job so far, in submit order. */
    synchronized List<JobDevice> devices() {
        List<JobDevice> all = new ArrayList<>();
        devicesOfJob.values().forEach(all::addAll);
        return all;
    }

    /**
     * Remembers a batch another process of this service accepted (the service outlives the log's
     * process that submitted it), so that a repeated key answers the same job (DP-S6).
     */
    synchronized void remember(BatchKey key, String jobId) {
        jobOfKey.put(key, jobId);
        devicesOfJob.putIfAbsent(jobId, new ArrayList<>());
    }

    /** The submits of each batch key so far. */
    synchronized Map<BatchKey, Integer> submitsPerKey() {
        return new LinkedHashMap<>(submits);
    }

    /** The message a job belongs to. */
    synchronized String messageOf(String jobId) {
        for (Map.Entry<BatchKey, String> e : jobOfKey.entrySet()) {
            if (e.getValue().equals(jobId)) {
                return e.getKey().messageId();
            }
        }
        throw new IllegalArgumentException("no job " + jobId);
    }
}
