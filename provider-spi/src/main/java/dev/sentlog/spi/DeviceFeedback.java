package dev.sentlog.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's report of what a recipient did with one delivered device (SPEC H5): opened, clicked,
 * unsubscribed or complained. Feedback is handed to the log beside device reports
 * ({@link DeviceReportSink#acceptFeedback}, {@link DeliveryProvider#pollFeedback}); it is kept per
 * device with its time and never changes the device's outcome (SPEC R2).
 *
 * <p>The same feedback twice (same device, kind and event id) is recorded once, so a provider may
 * hand it again after a retry or in every poll.
 *
 * @param deviceId the log's device id, as in the {@link DeliveryRequest} and the device's reports
 * @param kind     what the recipient did
 * @param eventId  the provider's id for this event, non-blank; two feedbacks with one event id and
 *                 kind on one device are the same
 * @param at       when the provider observed it
 */
public record DeviceFeedback(String deviceId, FeedbackKind kind, String eventId, Instant at) {

    /**
     * Validates the feedback.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the device id or the event id is blank
     */
    public DeviceFeedback {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("the device id of " + kind + " feedback " + eventId + " is blank");
        }
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("the event id of " + kind + " feedback on device " + deviceId
                    + " is blank");
        }
    }
}
