package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recipients' feedback into the log (SPEC H5): feedback pushed through the sink (checked as a whole)
 * and feedback a refresh polls (recorded leniently). Each feedback is resolved to its device row,
 * with the device's channel, normalised address, person and outcome, and recorded by the store; no
 * device, status or summary changes (R2). Feedback on a job no message holds yet is refused: a
 * recipient reacts to a delivered message, which is long after its job was stored.
 */
final class FeedbackIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);

    private final MessageStore store;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final StatusDerivation status;

    FeedbackIntake(MessageStore store, ProviderRegistry providers, ProviderCalls calls, StatusDerivation status) {
        this.store = store;
        this.providers = providers;
        this.calls = calls;
        this.status = status;
    }

    /** See {@link SentMessageLog#acceptFeedback}. */
    int accept(String providerName, String jobId, List<DeviceFeedback> feedback) {
        Checks.requireNonNull(providerName, "providerName");
        Checks.requireNonNull(jobId, "jobId");
        List<DeviceFeedback> checked = Checks.copyWithoutNulls(feedback, "feedback");
        String id = store.messageOfJob(providerName, jobId)
                .orElseThrow(() -> new UnknownJobException(providerName, jobId));
        return record(id, ReportIntake.jobOf(status, id, providerName, jobId), checked, true);
    }

    /** Asks each provider holding part of the message for its feedback and records it leniently. */
    void poll(String messageId) {
        MessageHeader h = status.header(messageId);
        for (ProviderJob job : h.state().jobs()) {
            DeliveryProvider p = providers.named(job.providerName());
            if (p == null) {
                continue;
            }
            Optional<List<DeviceFeedback>> answer = calls.call(p, "poll feedback of", messageId, () -> {
                List<DeviceFeedback> a = p.pollFeedback(job.jobId());
                return a == null ? null : new ArrayList<>(a);
            });
            answer.ifPresent(list -> {
                list.removeIf(java.util.Objects::isNull);
                record(messageId, job, list, false);
            });
        }
    }

    /**
     * Resolves feedback to device rows and records it.
     *
     * @param strict whether a feedback on a device outside the job or on a channel without feedback
     *               refuses the whole batch (pushed) rather than being logged and skipped (polled)
     */
    private int record(String id, ProviderJob job, List<DeviceFeedback> feedback, boolean strict) {
        if (feedback.isEmpty()) {
            return 0;
        }
        String school = status.header(id).districtOrSchool();
        List<FeedbackRecord> records = store.withDevices(id, t -> resolve(id, job, t, feedback, school, strict))
                .orElseThrow(() -> new MessageNotFoundException(id));
        return records.isEmpty() ? 0 : store.recordFeedback(id, records);
    }

    private static List<FeedbackRecord> resolve(String id, ProviderJob job, DeviceTable t,
                                                List<DeviceFeedback> feedback, String school, boolean strict) {
        List<FeedbackRecord> out = new ArrayList<>(feedback.size());
        for (DeviceFeedback f : feedback) {
            int row = ReportRules.rowOf(t, job, f.deviceId());
            String problem = row < 0 ? null : problem(t.channel(row));
            if (row < 0 && strict) {
                throw new UnknownDeviceException(id, job.jobId(), f.deviceId());
            }
            if (problem != null && strict) {
                throw new MalformedReportException(id, f.deviceId(), problem);
            }
            String address = row < 0 ? "" : Addresses.normalise(t.channel(row), t.address(row));
            if (row < 0 || problem != null || address.isBlank()) {
                LOG.warn("message {}: provider {} sent {} feedback for device {}, which job {} does not hold on an "
                        + "Email or Text device; ignored", id, job.providerName(), f.kind(),
                        Addresses.maskInText(f.deviceId()), Addresses.maskInText(job.jobId()));
                continue;
            }
            out.add(new FeedbackRecord(new FeedbackEvent(t.entryIndex(row), t.deviceIndex(row), f.kind(), f.eventId(),
                    f.at()), row, t.channel(row), address,
                    t.personId(row), t.outcome(row), school));
        }
        return out;
    }

    /** What is wrong with feedback on a device of this channel, or null (SPEC H5, DP-E1: Email and Text). */
    private static String problem(Channel channel) {
        return channel == Channel.EMAIL || channel == Channel.TEXT ? null
                : "feedback on a " + channel.label() + " device (only Email and Text carry feedback)";
    }
}
