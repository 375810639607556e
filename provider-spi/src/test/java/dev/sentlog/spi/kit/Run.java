package dev.sentlog.spi.kit;

import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the kit saw of one job: the batch, the job id, every poll in order and the cancel (if any).
 * The checks of each clause read it; a run is confined to the test thread that made it.
 */
final class Run {

    /** One poll's answer and the provider's time when it was taken. */
    record Poll(Instant at, List<DeviceReport> reports) {
    }

    final DeliveryBatch batch;
    final String jobId;
    final Instant submittedAt;
    final List<Poll> polls = new ArrayList<>();
    final Map<String, DeliveryRequest> devices = new LinkedHashMap<>();
    CancelResult cancel;
    /** Index in {@link #polls} of the poll taken at the instant of the cancel, just before it. */
    int beforeCancel = -1;

    Run(DeliveryBatch batch, String jobId, Instant submittedAt) {
        this.batch = batch;
        this.jobId = jobId;
        this.submittedAt = submittedAt;
        for (DeliveryRequest request : batch.deliveries()) {
            devices.put(request.deviceId(), request);
        }
    }

    Poll lastPoll() {
        return polls.get(polls.size() - 1);
    }

    Set<String> deviceIds() {
        return devices.keySet();
    }

    /** The newest report of each known device in one answer (duplicates are DP-P1's business). */
    Map<String, DeviceReport> latest(List<DeviceReport> reports) {
        Map<String, DeviceReport> latest = new HashMap<>();
        for (DeviceReport report : reports) {
            if (devices.containsKey(report.deviceId())) {
                latest.merge(report.deviceId(), report, (a, b) -> b.isNewerThan(a) ? b : a);
            }
        }
        return latest;
    }

    OutcomeClass classOf(DeviceReport report) {
        Channel channel = devices.get(report.deviceId()).channel();
        return OutcomeClassifier.standard().classify(channel, report.outcome(), report.confirmed());
    }

    boolean attempted(DeviceReport report) {
        return report != null && classOf(report).attempted();
    }

    /** A short form of a report for failure messages: {@code id: 5 Live Person #2 @time [event]}. */
    static String describe(DeviceReport report) {
        if (report == null) {
            return "nothing";
        }
        return report.deviceId() + ": " + report.outcome().display() + (report.confirmed() ? " (confirmed)" : "")
                + " #" + report.sequence() + " @" + report.at() + " [" + report.eventId() + "]";
    }

    /** The reports of {@code after} that {@code before} does not hold, described, at most three. */
    static String changed(java.util.Collection<DeviceReport> before, java.util.Collection<DeviceReport> after) {
        Set<DeviceReport> old = Set.copyOf(before);
        return after.stream().filter(r -> !old.contains(r)).limit(3).map(Run::describe)
                .collect(java.util.stream.Collectors.joining("; ", "[", "]"));
    }

    static boolean isCanceled(DeviceReport report) {
        return report != null && report.outcome().equals(DeviceOutcome.of(dev.sentlog.spi.DeviceStatus.CANCELED));
    }
}
