package dev.sentlog.spi.mapping;

import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.DeviceStatus;

/**
 * Twilio's message and call statuses mapped onto Sentlog device outcomes. Statuses are matched
 * case-insensitively, {@code _} and {@code -} alike.
 *
 * <h2>Messages (Text devices): {@code MessageStatus}, {@code ErrorCode}</h2>
 * <table>
 *   <caption>Twilio message status to Text device outcome</caption>
 *   <tr><th>Twilio status</th><th>Sentlog outcome</th><th>class (K3-K6)</th></tr>
 *   <tr><td>accepted, scheduled, queued</td><td>-39 SMS Queued</td><td>not final</td></tr>
 *   <tr><td>sending</td><td>In-Progress</td><td>not final</td></tr>
 *   <tr><td>sent</td><td>-27 SMS Sent</td><td>success</td></tr>
 *   <tr><td>delivered</td><td>-28 SMS Delivered</td><td>success</td></tr>
 *   <tr><td>undelivered</td><td>-40 Undelivered</td><td>failure</td></tr>
 *   <tr><td>failed</td><td>-30 Text Message Failed</td><td>failure</td></tr>
 *   <tr><td>undelivered or failed, error 21610 (recipient replied STOP)</td><td>-33 SMS Opt Out</td><td>opted out</td></tr>
 *   <tr><td>undelivered or failed, error 21211 (invalid 'To' number)</td><td>-2 Invalid Phone #</td><td>failure</td></tr>
 *   <tr><td>canceled</td><td>Canceled</td><td>canceled</td></tr>
 *   <tr><td>read</td><td>feedback: opened (never changes the outcome)</td><td>-</td></tr>
 *   <tr><td>anything else (receiving, received, …)</td><td>unrecognized</td><td>-</td></tr>
 * </table>
 * The error code is the reason text of failures ({@code "Twilio error 30003"}).
 *
 * <h2>Calls (Voice devices): {@code CallStatus}, {@code AnsweredBy}</h2>
 * <table>
 *   <caption>Twilio call status to Voice device outcome</caption>
 *   <tr><th>Twilio status</th><th>AnsweredBy</th><th>Sentlog outcome</th><th>class (K3-K6)</th></tr>
 *   <tr><td>queued, initiated, ringing, in-progress</td><td>any</td><td>In-Progress</td><td>not final</td></tr>
 *   <tr><td>completed</td><td>human</td><td>5 Live Person</td><td>success</td></tr>
 *   <tr><td>completed</td><td>machine_start, machine_end_beep, machine_end_silence, machine_end_other</td>
 *       <td>6 Answering Machine</td><td>success</td></tr>
 *   <tr><td>completed</td><td>fax</td><td>7 Fax</td><td>failure</td></tr>
 *   <tr><td>completed</td><td>unknown, or absent (no answering-machine detection)</td><td>5 Live Person</td>
 *       <td>success</td></tr>
 *   <tr><td>busy</td><td>-</td><td>1 Busy</td><td>failure</td></tr>
 *   <tr><td>no-answer</td><td>-</td><td>0 No answer</td><td>failure</td></tr>
 *   <tr><td>failed</td><td>-</td><td>10 Failed</td><td>failure</td></tr>
 *   <tr><td>canceled</td><td>-</td><td>Canceled</td><td>canceled</td></tr>
 *   <tr><td>anything else</td><td>-</td><td>unrecognized</td><td>-</td></tr>
 * </table>
 * Twilio reports {@code completed} only for an answered call. Without answering-machine detection
 * (or when it could not tell) Sentlog cannot know who answered; it records 5 Live Person, since a
 * person and a machine are both a successful contact (SPEC K3) and the call did connect.
 * A confirmation (pressed 0) comes from the call's own TwiML {@code <Gather>}, not from a status; the
 * provider sets {@code confirmed} on its report itself.
 */
public final class TwilioStatuses {

    private static final String MESSAGE = "Twilio message";
    private static final String CALL = "Twilio call";
    private static final int OPT_OUT_ERROR = 21610;
    private static final int INVALID_NUMBER_ERROR = 21211;

    private TwilioStatuses() {
    }

    /**
     * A Twilio message status without an error code.
     *
     * @param messageStatus the {@code MessageStatus}
     * @return its meaning for the Text device
     * @throws NullPointerException when messageStatus is null
     */
    public static MappedStatus message(String messageStatus) {
        return message(messageStatus, 0);
    }

    /**
     * A Twilio message status with its error code.
     *
     * @param messageStatus the {@code MessageStatus}
     * @param errorCode     the {@code ErrorCode}; 0 when there is none
     * @return its meaning for the Text device
     * @throws NullPointerException when messageStatus is null
     */
    public static MappedStatus message(String messageStatus, int errorCode) {
        String reason = errorCode == 0 ? null : "Twilio error " + errorCode;
        switch (Outcomes.key(messageStatus, "messageStatus")) {
            case "accepted":
            case "scheduled":
            case "queued":
                return Outcomes.code(CallStatusCode.SMS_QUEUED, null);
            case "sending":
                return Outcomes.status(DeviceStatus.IN_PROGRESS, null);
            case "sent":
                return Outcomes.code(CallStatusCode.SMS_SENT, null);
            case "delivered":
                return Outcomes.code(CallStatusCode.SMS_DELIVERED, null);
            case "undelivered":
                return failure(-40, errorCode, reason);
            case "failed":
                return failure(-30, errorCode, reason);
            case "canceled":
                return Outcomes.status(DeviceStatus.CANCELED, null);
            case "read":
                return Outcomes.feedback(FeedbackKind.OPENED);
            default:
                return new MappedStatus.Unrecognized(MESSAGE, messageStatus);
        }
    }

    private static MappedStatus failure(int code, int errorCode, String reason) {
        if (errorCode == OPT_OUT_ERROR) {
            return Outcomes.code(CallStatusCode.SMS_OPT_OUT, reason);
        }
        if (errorCode == INVALID_NUMBER_ERROR) {
            return Outcomes.code(-2, reason);
        }
        return Outcomes.code(code, reason);
    }

    /**
     * A Twilio call status without answering-machine detection.
     *
     * @param callStatus the {@code CallStatus}
     * @return its meaning for the Voice device
     * @throws NullPointerException when callStatus is null
     */
    public static MappedStatus call(String callStatus) {
        return call(callStatus, "");
    }

    /**
     * A Twilio call status with the answering-machine detection result.
     *
     * @param callStatus the {@code CallStatus}
     * @param answeredBy the {@code AnsweredBy}; blank or null when detection was off
     * @return its meaning for the Voice device
     * @throws NullPointerException when callStatus is null
     */
    public static MappedStatus call(String callStatus, String answeredBy) {
        switch (Outcomes.key(callStatus, "callStatus")) {
            case "queued":
            case "initiated":
            case "ringing":
            case "in-progress":
                return Outcomes.status(DeviceStatus.IN_PROGRESS, null);
            case "completed":
                return answered(Outcomes.optionalKey(answeredBy));
            case "busy":
                return Outcomes.code(1, null);
            case "no-answer":
                return Outcomes.code(0, null);
            case "failed":
                return Outcomes.code(10, null);
            case "canceled":
                return Outcomes.status(DeviceStatus.CANCELED, null);
            default:
                return new MappedStatus.Unrecognized(CALL, callStatus);
        }
    }

    private static MappedStatus answered(String answeredBy) {
        if (answeredBy.startsWith("machine")) {
            return Outcomes.code(CallStatusCode.ANSWERING_MACHINE, null);
        }
        if (answeredBy.equals("fax")) {
            return Outcomes.code(7, null);
        }
        return Outcomes.code(CallStatusCode.LIVE_PERSON, null);
    }
}
