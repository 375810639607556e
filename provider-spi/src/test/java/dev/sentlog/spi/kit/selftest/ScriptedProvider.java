package dev.sentlog.spi.kit.selftest;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.DeviceReportSink;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small clock-driven provider for Email, Voice and Text whose whole behaviour is a script: device
 * {@code i} of a batch is attempted {@code 10 (i + 1)} seconds after submit (a Text device a minute
 * later still) and ends 10 seconds later
 * (Email SENT, Voice 5 Live Person, Text -28 SMS Delivered); person-0's Voice call is confirmed.
 * With {@link Fault#NONE} it keeps the whole contract; any other fault breaks it in one place.
 * It pushes every new report to a bound sink when it is polled, except under
 * {@link Fault#PULL_ONLY_NO_CONFIRMATION}, which also confirms no call. A repeated batch key answers
 * the job it already has (DP-S6), except under {@link Fault#IGNORES_BATCH_KEY} and
 * {@link Fault#OLDER_SPI_VERSION}.
 */
final class ScriptedProvider implements DeliveryProvider {

    private static final Duration GAP = Duration.ofSeconds(10);
    private static final Duration TO_FINAL = Duration.ofSeconds(10);
    private static final Duration TEXT_LATER = Duration.ofMinutes(1);

    private final Fault fault;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** DP-S6: the job id of each batch key accepted. */
    private final Map<BatchKey, String> jobOfKey = new ConcurrentHashMap<>();
    private final Set<String> pushedEventIds = ConcurrentHashMap.newKeySet();
    private volatile boolean reachable = true;
    private volatile DeviceReportSink sink;
    private int counter;
    /** {@link Fault#RACY_JOB_IDS}: the thread that created the provider, and the two racing readers. */
    private final Thread creator = Thread.currentThread();
    private final CountDownLatch racyReaders = new CountDownLatch(2);
    private static final long RACE_TIMEOUT_SECONDS = 60;

    ScriptedProvider(Fault fault, Clock clock) {
        this.fault = fault;
        this.clock = clock;
    }

    @Override
    public String name() {
        return fault == Fault.BLANK_NAME ? " " : "scripted";
    }

    @Override
    public Set<Channel> channels() {
        return fault == Fault.NO_CHANNELS ? Set.of() : EnumSet.of(Channel.EMAIL, Channel.VOICE, Channel.TEXT);
    }

    @Override
    public int spiVersion() {
        if (fault == Fault.FUTURE_SPI_VERSION) {
            return SPI_VERSION + 1;
        }
        return fault == Fault.OLDER_SPI_VERSION ? 1 : SPI_VERSION;
    }

    @Override
    public void bind(DeviceReportSink sink) {
        this.sink = sink;
    }

    void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public String submit(DeliveryBatch batch) {
        for (DeliveryRequest request : batch.deliveries()) {
            if (!channels().contains(request.channel()) && fault != Fault.ACCEPTS_UNSERVED_CHANNEL) {
                String where = fault == Fault.ADDRESS_IN_MESSAGE ? " at " + request.address() : "";
                throw new ProviderException(name(), "device " + request.deviceId() + where + " is on channel "
                        + request.channel() + ", which this provider does not serve");
            }
        }
        if (!reachable) {
            if (fault == Fault.REFUSES_WITH_WRONG_EXCEPTION) {
                throw new IllegalStateException("relay unreachable");
            }
            throw new ProviderException(name(), "relay unreachable");
        }
        boolean keyed = fault != Fault.IGNORES_BATCH_KEY && fault != Fault.OLDER_SPI_VERSION;
        String known = keyed ? jobOfKey.get(batch.key()) : null;
        if (known != null) {
            return known;
        }
        String jobId = nextJobId();
        jobs.put(jobId, new Job(jobId, batch, clock.instant()));
        String raced = keyed ? jobOfKey.putIfAbsent(batch.key(), jobId) : null;
        if (raced != null) {
            jobs.remove(jobId); // another thread accepted the same key first: its job is the one
            return raced;
        }
        return jobId;
    }

    private String nextJobId() {
        if (fault == Fault.BLANK_JOB_ID) {
            return "";
        }
        if (fault == Fault.RACY_JOB_IDS) {
            int n = counter;
            bothReadTheCounter();
            counter = n + 1;
            return "job-" + n;
        }
        synchronized (this) {
            counter++;
            return "job-" + (fault == Fault.REUSED_JOB_ID ? counter % 2 : counter);
        }
    }

    /**
     * The race of {@link Fault#RACY_JOB_IDS}, made certain: the first two submits from threads other
     * than the one that created the provider (the kit's concurrent submits) both read the counter
     * before either writes it, so they answer the same job id. Single-threaded submits never wait.
     */
    private void bothReadTheCounter() {
        if (Thread.currentThread() == creator || racyReaders.getCount() == 0) {
            return;
        }
        racyReaders.countDown();
        try {
            // a safety net only: the kit's concurrent submit test starts four threads at once
            if (!racyReaders.await(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no second thread submitted within " + RACE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a second submitting thread", e);
        }
    }

    @Override
    public CancelResult cancel(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            if (fault == Fault.UNKNOWN_JOB_ANSWERED) {
                return new CancelResult(List.of());
            }
            throw new ProviderException(name(), "unknown job " + jobId);
        }
        return job.cancel(clock.instant());
    }

    @Override
    public List<DeviceReport> poll(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            if (fault == Fault.UNKNOWN_JOB_ANSWERED) {
                return List.of();
            }
            throw new ProviderException(name(), "unknown job " + jobId);
        }
        List<DeviceReport> reports = job.poll(clock.instant());
        push(jobId, reports);
        return reports;
    }

    /** An OPENED feedback on each Email and Text device five seconds after its final outcome (SPEC H5). */
    @Override
    public List<DeviceFeedback> pollFeedback(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new ProviderException(name(), "unknown job " + jobId);
        }
        return fault == Fault.PULL_ONLY_NO_CONFIRMATION ? List.of() : job.feedback(clock.instant());
    }

    private void push(String jobId, List<DeviceReport> reports) {
        DeviceReportSink target = sink;
        if (target == null || fault == Fault.PULL_ONLY_NO_CONFIRMATION) {
            return;
        }
        List<DeviceReport> fresh = new ArrayList<>();
        for (DeviceReport report : reports) {
            if (pushedEventIds.add(report.eventId() + "@" + report.sequence() + "@" + report.deviceId())) {
                fresh.add(report);
            }
        }
        if (!fresh.isEmpty()) {
            target.accept(fault == Fault.PUSHES_UNDER_ANOTHER_NAME ? "someone-else" : name(), jobId, fresh);
        }
    }

    /** One batch: its script, and what cancels and confirmations stopped. */
    private final class Job {
        private final String jobId;
        private final List<DeliveryRequest> devices;
        private final Instant submittedAt;
        private final Instant[] attemptAt;
        private final Instant[] finalAt;
        private final Instant[] stoppedAt;
        private final int[] bumps;
        private final Set<Integer> namedButRunning = new HashSet<>();
        private final Set<Integer> canceled = new HashSet<>();
        private int polls;

        Job(String jobId, DeliveryBatch batch, Instant submittedAt) {
            this.jobId = jobId;
            this.devices = batch.deliveries();
            this.submittedAt = submittedAt;
            int n = devices.size();
            attemptAt = new Instant[n];
            finalAt = new Instant[n];
            stoppedAt = new Instant[n];
            bumps = new int[n];
            for (int d = 0; d < n; d++) {
                attemptAt[d] = submittedAt.plus(GAP.multipliedBy(d + 1L));
                if (devices.get(d).channel() == Channel.TEXT) {
                    attemptAt[d] = attemptAt[d].plus(TEXT_LATER);
                }
                finalAt[d] = attemptAt[d].plus(TO_FINAL);
            }
            if (fault == Fault.ATTEMPTS_AT_SUBMIT) {
                attemptAt[0] = submittedAt;
            }
            if (batch.options().confirmationStopsPhone() && fault != Fault.CONFIRMATION_IGNORED) {
                for (int d = 0; d < n; d++) {
                    if (confirmed(d)) {
                        stopPhonesOfPerson(d);
                    }
                }
            }
        }

        private boolean confirmed(int d) {
            return fault != Fault.PULL_ONLY_NO_CONFIRMATION && devices.get(d).channel() == Channel.VOICE
                    && devices.get(d).personId().equals("person-0");
        }

        private void stopPhonesOfPerson(int confirming) {
            for (int d = 0; d < devices.size(); d++) {
                DeliveryRequest other = devices.get(d);
                if (d != confirming && other.channel().isPhone()
                        && other.personId().equals(devices.get(confirming).personId())
                        && attemptAt[d].isAfter(finalAt[confirming])) {
                    stoppedAt[d] = finalAt[confirming];
                }
            }
        }

        synchronized CancelResult cancel(Instant now) {
            List<String> named = new ArrayList<>();
            List<Integer> stoppable = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                boolean stopped = stoppedAt[d] != null && !stoppedAt[d].isAfter(now);
                boolean attempted = !attemptAt[d].isAfter(now);
                boolean settled = !finalAt[d].isAfter(now);
                if (canceled.contains(d) && fault == Fault.CANCEL_REPEATS) {
                    named.add(devices.get(d).deviceId());
                } else if (!stopped && !attempted && !namedButRunning.contains(d)) {
                    stoppable.add(d);
                } else if (!stopped && attempted && !settled && fault == Fault.CANCEL_UNSENDS) {
                    stoppable.add(d);
                } else if (settled && !stopped && fault == Fault.CANCEL_TOUCHES_SETTLED) {
                    bumps[d]++;
                }
            }
            if (fault == Fault.CANCEL_MISSES_ONE && !stoppable.isEmpty()) {
                stoppable.remove(stoppable.size() - 1);
            }
            for (int d : stoppable) {
                if (fault == Fault.CANCELED_KEEP_DELIVERING) {
                    namedButRunning.add(d);
                } else {
                    stoppedAt[d] = now;
                    canceled.add(d);
                }
                named.add(devices.get(d).deviceId());
            }
            return new CancelResult(named);
        }

        synchronized List<DeviceReport> poll(Instant now) {
            polls++;
            List<DeviceReport> reports = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                report(d, now, reports);
            }
            if (fault == Fault.FOREIGN_DEVICE && !reports.isEmpty()) {
                reports.add(report("ghost-device", DeviceStatus.IN_PROGRESS, 1, submittedAt));
            }
            return reports;
        }

        private void report(int d, Instant now, List<DeviceReport> out) {
            String deviceId = devices.get(d).deviceId();
            Channel channel = devices.get(d).channel();
            boolean attempted = !attemptAt[d].isAfter(now);
            if (stoppedAt[d] != null && !stoppedAt[d].isAfter(now)) {
                long sequence = stoppedAt[d].isBefore(attemptAt[d]) ? 1 : 3;
                out.add(report(deviceId, DeviceStatus.CANCELED, sequence, stoppedAt[d]));
            } else if (!finalAt[d].isAfter(now) && !(fault == Fault.NEVER_SETTLES && d == devices.size() - 1)) {
                if (fault == Fault.DUPLICATE_REPORTS) {
                    out.add(report(deviceId, DeviceStatus.IN_PROGRESS, 1, attemptAt[d]));
                }
                out.add(finalReport(d, channel, now));
            } else if (attempted) {
                out.add(report(deviceId, DeviceStatus.IN_PROGRESS, 1, attemptAt[d]));
            }
        }

        synchronized List<DeviceFeedback> feedback(Instant now) {
            List<DeviceFeedback> out = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                Channel channel = devices.get(d).channel();
                Instant at = finalAt[d].plusSeconds(5);
                boolean carries = channel != Channel.VOICE || fault == Fault.FEEDBACK_ON_VOICE;
                if (carries && stoppedAt[d] == null && !at.isAfter(now)) {
                    out.add(new DeviceFeedback(devices.get(d).deviceId(), FeedbackKind.OPENED,
                            jobId + "/" + devices.get(d).deviceId() + "/opened", at));
                }
            }
            return out;
        }

        private DeviceReport finalReport(int d, Channel channel, Instant now) {
            DeviceOutcome outcome;
            if (channel == Channel.EMAIL) {
                outcome = fault == Fault.CODE_ON_EMAIL ? DeviceOutcome.call(-29) : DeviceOutcome.of(DeviceStatus.SENT);
            } else {
                outcome = DeviceOutcome.call(channel == Channel.VOICE ? CallStatusCode.LIVE_PERSON : CallStatusCode.SMS_DELIVERED);
            }
            long sequence = fault == Fault.SEQUENCE_BACKWARDS ? 0 : 2 + bumps[d];
            Instant at = fault == Fault.REPORT_FROM_THE_FUTURE ? finalAt[d].plus(Duration.ofHours(1)) : finalAt[d];
            if (fault == Fault.NOT_IDEMPOTENT) {
                sequence += 10L * polls;
            }
            if (fault == Fault.FINAL_THEN_NOT_FINAL && channel == Channel.VOICE) {
                Instant redial = finalAt[d].plusSeconds(10);
                Instant again = finalAt[d].plusSeconds(20);
                if (!again.isAfter(now)) {
                    sequence = 4;
                    at = again;
                } else if (!redial.isAfter(now)) {
                    return withEventId(devices.get(d).deviceId(), DeviceOutcome.call(CallStatusCode.TEMPORARILY_UNAVAILABLE),
                            false, 3, redial);
                }
            }
            return withEventId(devices.get(d).deviceId(), outcome, confirmed(d), sequence, at);
        }

        private DeviceReport report(String deviceId, DeviceStatus status, long sequence, Instant at) {
            return withEventId(deviceId, DeviceOutcome.of(status), false, sequence, at);
        }

        private DeviceReport withEventId(String deviceId, DeviceOutcome outcome, boolean confirmed, long sequence,
                                         Instant at) {
            String eventId = fault == Fault.REUSED_EVENT_ID ? deviceId : jobId + "/" + deviceId + "/" + sequence;
            return DeviceReport.of(deviceId, outcome, confirmed, eventId, sequence, at);
        }
    }
}
