package dev.sentlog.spi.mapping;

import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.DeviceStatus;

/**
 * Mailgun's events (webhooks and the events API) mapped onto Sentlog Email device outcomes.
 * Events are matched case-insensitively.
 *
 * <table>
 *   <caption>Mailgun event to Email device outcome</caption>
 *   <tr><th>Mailgun event</th><th>severity</th><th>Sentlog outcome</th><th>class (K3-K6)</th></tr>
 *   <tr><td>accepted</td><td>-</td><td>In-Progress</td><td>not final</td></tr>
 *   <tr><td>delivered</td><td>-</td><td>Sent</td><td>success</td></tr>
 *   <tr><td>failed</td><td>temporary</td><td>In-Progress (Mailgun retries), with the reason</td><td>not final</td></tr>
 *   <tr><td>failed</td><td>permanent (or absent)</td><td>Failed, with the reason</td><td>failure</td></tr>
 *   <tr><td>rejected</td><td>-</td><td>Failed, with the reason</td><td>failure</td></tr>
 *   <tr><td>opened</td><td>-</td><td>feedback: opened (never changes the outcome)</td><td>-</td></tr>
 *   <tr><td>clicked</td><td>-</td><td>feedback: clicked</td><td>-</td></tr>
 *   <tr><td>unsubscribed</td><td>-</td><td>feedback: unsubscribed (a suppression)</td><td>-</td></tr>
 *   <tr><td>complained</td><td>-</td><td>feedback: complained (a suppression)</td><td>-</td></tr>
 *   <tr><td>anything else (stored, list_member_uploaded, …)</td><td>-</td><td>unrecognized</td><td>-</td></tr>
 * </table>
 * A message to an address Mailgun already suppresses arrives as {@code failed}/permanent with the
 * reason {@code suppress-bounce}, {@code suppress-unsubscribe} or {@code suppress-complaint}: the
 * device is Failed with that reason (OPTED_OUT is for Text devices only, SPEC K1).
 */
public final class MailgunEvents {

    private static final String SERVICE = "Mailgun";

    private MailgunEvents() {
    }

    /**
     * A Mailgun event without severity or reason.
     *
     * @param event the {@code event} field
     * @return its meaning for the Email device
     * @throws NullPointerException when event is null
     */
    public static MappedStatus event(String event) {
        return event(event, "", "");
    }

    /**
     * A Mailgun event.
     *
     * @param event    the {@code event} field
     * @param severity the {@code severity} of a failure ({@code permanent} or {@code temporary});
     *                 blank or null when absent
     * @param reason   the failure's reason or delivery-status description; blank or null when absent
     * @return its meaning for the Email device
     * @throws NullPointerException when event is null
     */
    public static MappedStatus event(String event, String severity, String reason) {
        switch (Outcomes.key(event, "event")) {
            case "accepted":
                return Outcomes.status(DeviceStatus.IN_PROGRESS, null);
            case "delivered":
                return Outcomes.status(DeviceStatus.SENT, null);
            case "failed":
                return Outcomes.optionalKey(severity).equals("temporary")
                        ? Outcomes.status(DeviceStatus.IN_PROGRESS, reason)
                        : Outcomes.status(DeviceStatus.FAILED, reason);
            case "rejected":
                return Outcomes.status(DeviceStatus.FAILED, reason);
            case "opened":
                return Outcomes.feedback(FeedbackKind.OPENED);
            case "clicked":
                return Outcomes.feedback(FeedbackKind.CLICKED);
            case "unsubscribed":
                return Outcomes.feedback(FeedbackKind.UNSUBSCRIBED);
            case "complained":
                return Outcomes.feedback(FeedbackKind.COMPLAINED);
            default:
                return new MappedStatus.Unrecognized(SERVICE, event);
        }
    }
}
