package dev.sentlog.examples.provider;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceReportSink;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An email provider for a district's own SMTP relay, simulated in memory.
 *
 * <p>The relay works through each job's emails one at a time, one every {@code interval}: the
 * n-th email of a job is handed to the recipient's mail server {@code n × interval} after submit
 * and is then {@code Sent}, or {@code Failed} with the server's reply when the mailbox is unknown.
 * Cancel drops the emails the relay has not reached yet. While the relay is
 * {@linkplain #setReachable(boolean) unreachable}, submit throws a {@link ProviderException} and the
 * log marks the message Failed (SPEC M5).
 *
 * <p>Submit is idempotent by {@linkplain DeliveryBatch#key() batch key} (DP-S6, SPI version 2): a
 * batch whose key the relay accepted before answers the job it already has and queues no email
 * again, so a hand-over the log resumes after a crash sends nothing twice.
 *
 * <p>The relay also sends delivery notifications, as a relay's webhook would:
 * {@link #pushNotifications()} hands every report that is new since the last notification to the
 * sink the log {@linkplain #bind(DeviceReportSink) bound} (contract clause DP-B1). The log may still
 * poll; a report it already has changes nothing (SPEC R2).
 *
 * <p>Thread-safe: jobs live in a concurrent map and each job is guarded by its own lock.
 */
public final class SmtpRelayProvider implements DeliveryProvider {

    /** The reply of a mail server that does not know the mailbox. */
    public static final String UNKNOWN_MAILBOX = "550 5.1.1 mailbox unavailable";

    private final Clock clock;
    private final Duration interval;
    private final Set<String> unknownMailboxes;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** DP-S6: the job of every batch key accepted. */
    private final Map<BatchKey, String> jobOfKey = new ConcurrentHashMap<>();
    private final AtomicLong jobCounter = new AtomicLong();
    private volatile boolean reachable = true;
    private volatile DeviceReportSink sink;

    /** A relay on the system clock sending one email every two seconds; for ServiceLoader discovery. */
    public SmtpRelayProvider() {
        this(Clock.systemUTC(), Duration.ofSeconds(2), Set.of());
    }

    /**
     * A relay.
     *
     * @param clock            where time comes from (the log's clock)
     * @param interval         how long the relay takes per email; positive
     * @param unknownMailboxes normalised addresses whose mail server answers "mailbox unavailable"
     */
    public SmtpRelayProvider(Clock clock, Duration interval, Set<String> unknownMailboxes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the relay interval must be positive, was " + interval);
        }
        this.unknownMailboxes = Set.copyOf(unknownMailboxes);
    }

    @Override
    public String name() {
        return "smtp-relay";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    /**
     * Makes the relay reachable or not, e.g. when the host's health check fails.
     *
     * @param reachable whether submits are accepted
     */
    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public void bind(DeviceReportSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Sends the relay's delivery notifications: for each job, the reports that are new since its
     * last notification, to the bound sink, named by this relay and the job (DP-B1). A host calls it
     * from the relay's webhook endpoint or a timer. Does nothing before {@link #bind(DeviceReportSink)}.
     */
    public void pushNotifications() {
        DeviceReportSink target = sink;
        if (target == null) {
            return;
        }
        Instant now = clock.instant();
        for (Job job : jobs.values()) {
            List<DeviceReport> fresh = job.unnotified(now);
            if (!fresh.isEmpty()) {
                target.accept(name(), job.jobId, fresh);
            }
        }
    }

    /**
     * Queues the batch's emails as a new job, or answers the job of a batch key accepted before
     * (DP-S6).
     *
     * @throws ProviderException when a delivery is not an email, or the relay is unreachable
     */
    @Override
    public String submit(DeliveryBatch batch) {
        for (DeliveryRequest email : batch.deliveries()) {
            if (email.channel() != Channel.EMAIL) {
                throw new ProviderException(name(), "device " + email.deviceId() + " of message " + batch.messageId()
                        + " is a " + email.channel() + " device; the SMTP relay sends email only");
            }
        }
        if (!reachable) {
            throw new ProviderException(name(), "the SMTP relay is unreachable; message " + batch.messageId()
                    + " was not handed over");
        }
        return jobOfKey.computeIfAbsent(batch.key(), key -> {
            String jobId = "relay-" + jobCounter.incrementAndGet();
            jobs.put(jobId, new Job(jobId, batch.deliveries(), clock.instant()));
            return jobId;
        });
    }

    @Override
    public CancelResult cancel(String jobId) {
        return job(jobId).cancel(clock.instant());
    }

    @Override
    public List<DeviceReport> poll(String jobId) {
        return job(jobId).poll(clock.instant());
    }

    private Job job(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new ProviderException(name(), "no job " + jobId + " on this relay");
        }
        return job;
    }

    /** One batch of emails in the relay's queue. */
    private final class Job {
        private final String jobId;
        private final List<DeliveryRequest> emails;
        private final Instant submittedAt;
        private final Instant[] canceledAt;
        /** The report last notified for each email, null before the first. */
        private final DeviceReport[] notified;

        Job(String jobId, List<DeliveryRequest> emails, Instant submittedAt) {
            this.jobId = jobId;
            this.emails = emails;
            this.submittedAt = submittedAt;
            this.canceledAt = new Instant[emails.size()];
            this.notified = new DeviceReport[emails.size()];
        }

        /** When the relay hands the n-th email over. */
        private Instant sendTime(int n) {
            return submittedAt.plus(interval.multipliedBy(n + 1L));
        }

        synchronized CancelResult cancel(Instant now) {
            List<String> stopped = new ArrayList<>();
            for (int n = 0; n < emails.size(); n++) {
                if (canceledAt[n] == null && sendTime(n).isAfter(now)) {
                    canceledAt[n] = now;
                    stopped.add(emails.get(n).deviceId());
                }
            }
            return new CancelResult(stopped);
        }

        synchronized List<DeviceReport> poll(Instant now) {
            List<DeviceReport> reports = new ArrayList<>();
            for (int n = 0; n < emails.size(); n++) {
                DeviceReport report = reportAt(n, now);
                if (report != null) {
                    reports.add(report);
                }
            }
            return reports;
        }

        /** The reports that differ from the last notified one of their email; marks them notified. */
        synchronized List<DeviceReport> unnotified(Instant now) {
            List<DeviceReport> fresh = new ArrayList<>();
            for (int n = 0; n < emails.size(); n++) {
                DeviceReport report = reportAt(n, now);
                if (report != null && !report.equals(notified[n])) {
                    notified[n] = report;
                    fresh.add(report);
                }
            }
            return fresh;
        }

        /** The n-th email's report at a time; null while the relay has not reached it. */
        private DeviceReport reportAt(int n, Instant now) {
            if (canceledAt[n] != null) {
                return report(n, DeviceStatus.CANCELED, canceledAt[n], null);
            }
            if (sendTime(n).isAfter(now)) {
                return null;
            }
            boolean unknown = unknownMailboxes.contains(emails.get(n).address());
            return report(n, unknown ? DeviceStatus.FAILED : DeviceStatus.SENT, sendTime(n),
                    unknown ? UNKNOWN_MAILBOX : null);
        }

        private DeviceReport report(int n, DeviceStatus status, Instant at, String reason) {
            String deviceId = emails.get(n).deviceId();
            return new DeviceReport(deviceId, DeviceOutcome.of(status), false, jobId + ":" + n, 1, at, reason);
        }
    }
}
