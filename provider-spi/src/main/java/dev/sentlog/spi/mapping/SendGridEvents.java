package dev.sentlog.spi.mapping;

import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.DeviceStatus;

/**
 * SendGrid's Event Webhook events mapped onto Sentlog Email device outcomes. Events are matched
 * case-insensitively.
 *
 * <table>
 *   <caption>SendGrid event to Email device outcome</caption>
 *   <tr><th>SendGrid event</th><th>Sentlog outcome</th><th>class (K3-K6)</th></tr>
 *   <tr><td>processed</td><td>In-Progress</td><td>not final</td></tr>
 *   <tr><td>deferred</td><td>In-Progress (SendGrid retries), with the reason</td><td>not final</td></tr>
 *   <tr><td>delivered</td><td>Sent</td><td>success</td></tr>
 *   <tr><td>bounce (type bounce or blocked)</td><td>Failed, with the reason</td><td>failure</td></tr>
 *   <tr><td>dropped</td><td>Failed, with the reason (e.g. "Unsubscribed Address")</td><td>failure</td></tr>
 *   <tr><td>open</td><td>feedback: opened (never changes the outcome)</td><td>-</td></tr>
 *   <tr><td>click</td><td>feedback: clicked</td><td>-</td></tr>
 *   <tr><td>unsubscribe, group_unsubscribe</td><td>feedback: unsubscribed (a suppression)</td><td>-</td></tr>
 *   <tr><td>spamreport</td><td>feedback: complained (a suppression)</td><td>-</td></tr>
 *   <tr><td>anything else (group_resubscribe, …)</td><td>unrecognized</td><td>-</td></tr>
 * </table>
 */
public final class SendGridEvents {

    private static final String SERVICE = "SendGrid";

    private SendGridEvents() {
    }

    /**
     * A SendGrid event without a reason.
     *
     * @param event the {@code event} field
     * @return its meaning for the Email device
     * @throws NullPointerException when event is null
     */
    public static MappedStatus event(String event) {
        return event(event, "");
    }

    /**
     * A SendGrid event.
     *
     * @param event  the {@code event} field
     * @param reason the {@code reason} or {@code response} field; blank or null when absent
     * @return its meaning for the Email device
     * @throws NullPointerException when event is null
     */
    public static MappedStatus event(String event, String reason) {
        switch (Outcomes.key(event, "event")) {
            case "processed":
                return Outcomes.status(DeviceStatus.IN_PROGRESS, null);
            case "deferred":
                return Outcomes.status(DeviceStatus.IN_PROGRESS, reason);
            case "delivered":
                return Outcomes.status(DeviceStatus.SENT, null);
            case "bounce":
            case "dropped":
                return Outcomes.status(DeviceStatus.FAILED, reason);
            case "open":
                return Outcomes.feedback(FeedbackKind.OPENED);
            case "click":
                return Outcomes.feedback(FeedbackKind.CLICKED);
            case "unsubscribe":
            case "group-unsubscribe":
                return Outcomes.feedback(FeedbackKind.UNSUBSCRIBED);
            case "spamreport":
                return Outcomes.feedback(FeedbackKind.COMPLAINED);
            default:
                return new MappedStatus.Unrecognized(SERVICE, event);
        }
    }
}
