package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider reports into the log (SPEC R1-R3): reports pushed through the sink (checked as a whole),
 * reports polled by a refresh (applied leniently), and reports held while their job's submit runs.
 */
final class ReportIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);

    private final MessageStore store;
    private final Clock clock;
    private final ReportRules rules;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final EarlyReports early;
    private final StatusDerivation status;

    ReportIntake(MessageStore store, Clock clock, ReportRules rules, ProviderRegistry providers, ProviderCalls calls,
                 EarlyReports early, StatusDerivation status) {
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.providers = providers;
        this.calls = calls;
        this.early = early;
        this.status = status;
    }

    /** See {@link SentMessageLog#acceptReports}. */
    ReportsApplied accept(String providerName, String jobId, List<DeviceReport> reports) {
        Checks.requireNonNull(providerName, "providerName");
        Checks.requireNonNull(jobId, "jobId");
        Checks.requireNonNull(reports, "reports");
        for (int i = 0; i < reports.size(); i++) {
            Checks.requireNonNull(reports.get(i), "reports[" + i + "]");
        }
        Optional<String> known = store.messageOfJob(providerName, jobId);
        if (known.isEmpty()) {
            EarlyReports.Held held = early.hold(providerName, jobId, reports,
                    () -> store.messageOfJob(providerName, jobId).isPresent());
            if (held == EarlyReports.Held.UNKNOWN) {
                throw new UnknownJobException(providerName, jobId);
            }
            if (held == EarlyReports.Held.HELD) {
                return new ReportsApplied(0, 0, 0);
            }
        }
        String id = known.isPresent() ? known.get() : store.messageOfJob(providerName, jobId).orElseThrow();
        ProviderJob job = jobOf(status, id, providerName, jobId);
        return apply(id, job, reports, true);
    }

    /** Asks each provider holding part of the message for its latest reports and applies them leniently (R1). */
    void poll(String messageId) {
        MessageHeader h = status.header(messageId);
        for (ProviderJob job : h.state().jobs()) {
            DeliveryProvider p = providers.named(job.providerName());
            if (p == null) {
                continue;
            }
            // copied inside the guarded call: a list the provider still changes fails as the provider's call
            Optional<List<DeviceReport>> reports = calls.call(p, "poll", messageId, () -> {
                List<DeviceReport> answer = p.poll(job.jobId());
                return answer == null ? null : new ArrayList<>(answer);
            });
            if (reports.isPresent()) {
                List<DeviceReport> valid = new ArrayList<>(reports.get().size());
                for (DeviceReport r : reports.get()) {
                    if (r != null) {
                        valid.add(r);
                    }
                }
                apply(messageId, job, valid, false);
            }
        }
    }

    /** The message's job of this provider and id (pushed reports and feedback, SPEC R2, H5). */
    static ProviderJob jobOf(StatusDerivation status, String id, String providerName, String jobId) {
        for (ProviderJob j : status.header(id).state().jobs()) {
            if (j.providerName().equals(providerName) && j.jobId().equals(jobId)) {
                return j;
            }
        }
        throw new UnknownJobException(providerName, jobId);
    }

    /**
     * Applies reports on one job's devices in one store step, then derives the status.
     *
     * @param strict whether a report on a device outside the job or a malformed one rejects the whole
     *               batch (pushed reports) rather than being logged and skipped (polled reports)
     */
    ReportsApplied apply(String id, ProviderJob job, List<DeviceReport> reports, boolean strict) {
        Instant now = clock.instant();
        int[] counts = store.withDevices(id, t -> {
            ReportRules.prefetch(t, reports);
            int[] rows = new int[reports.size()];
            for (int i = 0; i < rows.length; i++) {
                DeviceReport r = reports.get(i);
                Checks.requireNonNull(r, "reports[" + i + "]");
                rows[i] = ReportRules.rowOf(t, job, r.deviceId());
                String problem = rows[i] < 0 ? null : ReportRules.problem(t.channel(rows[i]), r);
                if (rows[i] < 0 && strict) {
                    throw new UnknownDeviceException(id, job.jobId(), r.deviceId());
                }
                if (problem != null && strict) {
                    throw new MalformedReportException(id, r.deviceId(), problem);
                }
                if (rows[i] < 0) {
                    LOG.warn("message {}: provider {} reported on device {}, which job {} does not hold; ignored", id,
                            job.providerName(), Addresses.maskInText(r.deviceId()), Addresses.maskInText(job.jobId()));
                } else if (problem != null) {
                    LOG.warn("message {}: provider {} sent a malformed report for device {} ({}): {}; ignored", id,
                            job.providerName(), Addresses.maskInText(r.deviceId()), Addresses.mask(t.channel(rows[i]),
                                    t.address(rows[i])), problem);
                    rows[i] = -1;
                }
            }
            int applied = 0;
            int ignored = 0;
            int stopped = 0;
            for (int i = 0; i < rows.length; i++) {
                int result = rows[i] < 0 ? -1 : rules.apply(t, rows[i], reports.get(i));
                if (result < 0) {
                    ignored++;
                } else {
                    applied++;
                    stopped += result - 1;
                }
            }
            if (applied > 0) {
                // only news restarts the reporting window (M4): a repeated poll answer is no news
                t.touch(now);
            }
            return new int[] {applied, ignored, stopped, t.openCount()};
        }).orElseThrow(() -> new MessageNotFoundException(id));
        status.deriveAfterReports(id, counts[0], counts[3]);
        return new ReportsApplied(counts[0], counts[1], counts[2]);
    }
}
