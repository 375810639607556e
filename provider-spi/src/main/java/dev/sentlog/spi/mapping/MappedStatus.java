package dev.sentlog.spi.mapping;

import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.FeedbackKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one status or event of a delivery service means for a Sentlog device.
 *
 * <ul>
 *   <li>{@link Outcome}: the device's delivery outcome (a status, or a call status code for Voice
 *       and Text), with the service's reason when it gave one; it becomes a {@link DeviceReport}.</li>
 *   <li>{@link Feedback}: what the recipient did with a delivered message (opened, clicked,
 *       unsubscribed, complained). It is kept apart: it has no device outcome and makes no report,
 *       so it never overwrites "delivered"; it becomes a {@link DeviceFeedback} ({@link #toFeedback})
 *       that a provider hands to the log beside its reports (SPEC H5).</li>
 *   <li>{@link Unrecognized}: a status the mapping does not know (an inbound message, a status a
 *       service added later). A provider logs it and reports nothing.</li>
 * </ul>
 */
public sealed interface MappedStatus permits MappedStatus.Outcome, MappedStatus.Feedback, MappedStatus.Unrecognized {

    /**
     * A delivery outcome.
     *
     * @param outcome    the device status or call status code
     * @param reasonText the service's reason (e.g. a bounce reason), or null
     */
    record Outcome(DeviceOutcome outcome, String reasonText) implements MappedStatus {
        /**
         * Validates the outcome.
         *
         * @throws NullPointerException when outcome is null
         */
        public Outcome {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A recipient's reaction to a delivered message.
     *
     * @param kind what the recipient did
     */
    record Feedback(FeedbackKind kind) implements MappedStatus {
        /**
         * Validates the kind.
         *
         * @throws NullPointerException when kind is null
         */
        public Feedback {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A status the mapping does not know.
     *
     * @param service the service, e.g. {@code "Twilio message"}
     * @param status  the status or event as received
     */
    record Unrecognized(String service, String status) implements MappedStatus {
        /**
         * Validates the components.
         *
         * @throws NullPointerException when a component is null
         */
        public Unrecognized {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The device outcome this status carries.
     *
     * @return the outcome; empty for feedback and unrecognized statuses
     */
    default Optional<DeviceOutcome> deviceOutcome() {
        return this instanceof Outcome o ? Optional.of(o.outcome()) : Optional.empty();
    }

    /**
     * The device report this status makes, for a provider to poll or push.
     *
     * @param deviceId the log's device id
     * @param eventId  the service's event id
     * @param sequence the sequence (0 when the service has none; the time then decides, SPEC R2)
     * @param at       when the service observed it
     * @return the report; empty for feedback and unrecognized statuses, which never change a device
     */
    default Optional<DeviceReport> toReport(String deviceId, String eventId, long sequence, Instant at) {
        if (this instanceof Outcome o) {
            return Optional.of(new DeviceReport(deviceId, o.outcome(), false, eventId, sequence, at, o.reasonText()));
        }
        return Optional.empty();
    }

    /**
     * The feedback this status carries, for a provider to poll or push (SPEC H5).
     *
     * @param deviceId the log's device id
     * @param eventId  the service's event id
     * @param at       when the service observed it
     * @return the feedback; empty for outcomes and unrecognized statuses
     */
    default Optional<DeviceFeedback> toFeedback(String deviceId, String eventId, Instant at) {
        if (this instanceof Feedback f) {
            return Optional.of(new DeviceFeedback(deviceId, f.kind(), eventId, at));
        }
        return Optional.empty();
    }
}
