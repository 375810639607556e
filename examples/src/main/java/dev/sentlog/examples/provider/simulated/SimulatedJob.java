package dev.sentlog.examples.provider.simulated;

import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One submitted batch: its planned steps in time order and each device's latest report. Every
 * method holds the job's lock, so concurrent polls and cancels see one consistent history.
 */
final class SimulatedJob {

    /** A planned step of one device, with its position for a stable order. */
    private record Event(int device, int step, Instant at) {
    }

    private final String jobId;
    private final DeliveryBatch batch;
    private final List<Scenario.DevicePlan> plans;
    private final List<Event> events;
    private final DeviceReport[] latest;
    private final long[] sequences;
    private final boolean[] attempted;
    private final boolean[] canceled;
    /** The Voice and Text devices of each person, for R3; built on the first confirmation. */
    private Map<String, List<Integer>> phonesByPerson;
    private int cursor;

    SimulatedJob(String jobId, DeliveryBatch batch, Instant submittedAt, List<Scenario.DevicePlan> plans) {
        this.jobId = jobId;
        this.batch = batch;
        this.plans = plans;
        int n = plans.size();
        this.latest = new DeviceReport[n];
        this.sequences = new long[n];
        this.attempted = new boolean[n];
        this.canceled = new boolean[n];
        List<Event> all = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            List<Scenario.Step> steps = plans.get(d).steps();
            for (int s = 0; s < steps.size(); s++) {
                all.add(new Event(d, s, steps.get(s).at()));
            }
        }
        all.sort(Comparator.comparing(Event::at).thenComparingInt(Event::device).thenComparingInt(Event::step));
        this.events = List.copyOf(all);
    }

    synchronized List<DeviceReport> poll(Instant now) {
        advanceTo(now);
        List<DeviceReport> reports = new ArrayList<>();
        for (DeviceReport report : latest) {
            if (report != null) {
                reports.add(report);
            }
        }
        return List.copyOf(reports);
    }

    /** The feedback whose time the clock has reached, of devices whose outcome it has reached (SPEC H5). */
    synchronized List<DeviceFeedback> pollFeedback(Instant now) {
        advanceTo(now);
        List<DeviceFeedback> out = new ArrayList<>();
        for (int d = 0; d < plans.size(); d++) {
            List<Scenario.FeedbackStep> steps = plans.get(d).feedback();
            for (int f = 0; f < steps.size() && !canceled[d] && latest[d] != null
                    && !steps.get(f).at().isAfter(now); f++) {
                out.add(new DeviceFeedback(deviceId(d), steps.get(f).kind(), jobId + ":" + d + ":feedback-" + f,
                        steps.get(f).at()));
            }
        }
        return List.copyOf(out);
    }

    synchronized CancelResult cancel(Instant now) {
        advanceTo(now);
        List<String> stopped = new ArrayList<>();
        for (int d = 0; d < plans.size(); d++) {
            if (!attempted[d] && !canceled[d]) {
                stop(d, now);
                stopped.add(deviceId(d));
            }
        }
        return new CancelResult(stopped);
    }

    private void advanceTo(Instant now) {
        while (cursor < events.size() && !events.get(cursor).at().isAfter(now)) {
            Event event = events.get(cursor++);
            if (canceled[event.device()]) {
                continue;
            }
            Scenario.Step step = plans.get(event.device()).steps().get(event.step());
            attempted[event.device()] = true;
            record(event.device(), step.outcome(), step.confirmed(), step.at(), step.reason());
            if (step.confirmed() && batch.options().confirmationStopsPhone()) {
                stopPhonesOfPerson(event.device(), step.at());
            }
        }
    }

    /** SPEC R3: the confirming person's Voice and Text devices not yet attempted are canceled. */
    private void stopPhonesOfPerson(int confirming, Instant at) {
        if (phonesByPerson == null) {
            phonesByPerson = new HashMap<>();
            for (int d = 0; d < plans.size(); d++) {
                var request = plans.get(d).request();
                if (request.channel().isPhone()) {
                    phonesByPerson.computeIfAbsent(request.personId(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        String person = plans.get(confirming).request().personId();
        for (int d : phonesByPerson.getOrDefault(person, List.of())) {
            if (d != confirming && !attempted[d] && !canceled[d]) {
                stop(d, at);
            }
        }
    }

    private void stop(int device, Instant at) {
        canceled[device] = true;
        record(device, DeviceOutcome.of(DeviceStatus.CANCELED), false, at, null);
    }

    private void record(int device, DeviceOutcome outcome, boolean confirmed, Instant at, String reason) {
        long sequence = ++sequences[device];
        String eventId = jobId + ":" + device + ":" + sequence;
        latest[device] = new DeviceReport(deviceId(device), outcome, confirmed, eventId, sequence, at, reason);
    }

    private String deviceId(int device) {
        return plans.get(device).request().deviceId();
    }
}
