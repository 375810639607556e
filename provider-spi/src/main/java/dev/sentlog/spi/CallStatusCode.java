package dev.sentlog.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call (or text) status code as reported by a voice/SMS dialer (SPEC K2).
 *
 * <p>The known codes are exactly the table of the source document; {@link #of(int)} returns the
 * shared constant for a known code and a new value labelled {@code Unknown (<code>)} for any
 * other, so an unknown code is kept verbatim and never dropped.
 *
 * @param code  the numeric code as the provider sent it
 * @param label the status label, e.g. {@code "Live Person"}, or {@code "Unknown (42)"}
 * @param note  the explanatory note of the table; blank where the table has none
 * @param known whether the code is in the table
 */
public record CallStatusCode(int code, String label, String note, boolean known) {

    private static final Map<Integer, CallStatusCode> TABLE = new LinkedHashMap<>();

    static {
        add(0, "No answer", "Dialer detected no answer by called party.");
        add(1, "Busy", "Dialer detected a busy signal.");
        add(2, "Operator", "Automated operator answered - number issue, all circuits busy, etc.");
        add(3, "Not In Service", "Phone number not in service.");
        add(4, "No Ring Back", "Dialer dialed the number but did not hear a ring tone.");
        add(5, "Live Person", "Dialer detected a live person.");
        add(6, "Answering Machine", "Dialer detected an answering machine.");
        add(7, "Fax", "Received a fax carrier signal.");
        add(8, "PBX", "Call connected to destination telephone number. Extension dialing was used.");
        add(9, "Unknown", "Provider could not determine the call status.");
        add(10, "Failed", "Failed for any reason but most likely a failed because of a Messenger error.");
        add(13, "Preconnect Done", "Present when a phone number includes an extension to dial. This status"
                + " indicates the call was made, connected to the primary number and attempted to dial the extension.");
        add(14, "Fast-Busy", "Received a Fast Busy signal. Usually this status is returned when the local"
                + " company's phone lines are full (all circuits are busy).");
        add(16, "Operator", "Signaling or audio consistent with an out of service number was received."
                + " Privacy flag was set for this call.");
        add(17, "Temporarily Unavailable", "Destination telephone number temporarily unavailable. Will"
                + " automatically attempt redial through alternate routes.");
        add(-1, "N/S", "An unknown error has occurred.");
        add(-2, "Invalid Phone #", "Destination telephone number is invalid.");
        add(-3, "Do Not Call", "Destination telephone number is on do not call list.");
        add(-4, "Duplicate", "");
        add(-5, "No Response from Dialer", "Internal communication failure. Call may have been dialed but"
                + " status is unknown");
        add(-7, "Local Operator", "Destination telephone number is known to not be in service.");
        add(-9, "Local Time Restricted", "Local time if the destination telephone number is outside the"
                + " allowed times for this campaign.");
        add(-10, "State Restricted", "All attempts to the destination telephone number were unsuccessful."
                + " The final route is state restricted.");
        add(-11, "Call Expired", "Call timed out prior to being placed.");
        add(-12, "No Channel", "Internal processing failure. Call was not dialed.");
        add(-13, "Route Unavailable", "All attempts to the destination telephone number were unsuccessful.");
        add(-14, "Call Error", "Call creation produced an error. See Call Log Detail Statistics lookup for"
                + " more detail. Check the Call Error field.");
        add(-15, "Wireless", "Destination number identified as a wireless number. Scrub wireless has been"
                + " enabled for this campaign.");
        add(-18, "Origination Tollfree Restricted", "All attempts to the destination telephone number were"
                + " unsuccessful. The final route restricted toll free ANIs. Consider using an ANI that is not"
                + " a tollfree number.");
        add(-19, "Destination Tollfree Restricted", "All attempts to the destination telephone number were"
                + " unsuccessful. The final route restricts Toll Free destinations.");
        add(-20, "Remote Dialer Did Not Set Call Progress", "Internal communication failure. Call status is"
                + " unknown.");
        add(-21, "Local No Answer", "Destination telephone number is known to not connect.");
        add(-22, "Suppressed Phone #", "Destination telephone number is on a suppression list.");
        add(-23, "Local Fax", "Destination telephone number is known to be a fax number.");
        add(-24, "Low Resources", "All attempts to the destination telephone number were unsuccessful.");
        add(-25, "Sub-System Error", "Internal sub-system failure. See Call Log Detail Statistics lookup for"
                + " more detail. Check the Call Error field.");
        add(-26, "All Routes Temporarily Unavailable to Destination", "Call temporarily could not connect via"
                + " any route.");
        add(-27, "SMS Sent", "SMS delivered to destination telephone company");
        add(-28, "SMS Delivered", "SMS successfully left Shoutpoint's gateway and Shoutpoint also received a"
                + " status of \"delivered\" back from the destination phone service provider.");
        add(-29, "Email Sent", "Email Sent.");
        add(-30, "Text Message Failed", "Text message was not successfully sent by SMS provider OR there was"
                + " an error in the SMS settings in Campus.");
        add(-31, "Origination International Restricted", "All attempts to the destination telephone number"
                + " were unsuccessful. The final route restricted international ANIs. Consider using an ANI"
                + " that is not an international number.");
        add(-32, "Web Stream Connected", "");
        add(-33, "SMS Opt Out", "Destination telephone number has opted out of receiving SMS messages via"
                + " STOP message.");
        add(-34, "Phone Quota Exceeded", "");
        add(-35, "Script Ended Before Dialing", "");
        add(-36, "Origination US Restricted", "");
        add(-37, "Canada Intra Restricted", "");
        add(-38, "Max Customer Minute Charge", "");
        add(-39, "SMS Queued", "");
        add(-40, "Undelivered", "");
    }

    /** The first code of the SMS family (-27 to -40), which only Text devices end with. */
    private static final int FIRST_SMS_CODE = -27;

    /** Codes with a meaning of their own in the rules (SPEC K3-K5). */
    public static final int LIVE_PERSON = 5;
    /** Answering machine detected: a successful contact. */
    public static final int ANSWERING_MACHINE = 6;
    /** The primary number connected and the extension was dialed: a successful contact. */
    public static final int PRECONNECT_DONE = 13;
    /** Redial through alternate routes follows: not final. */
    public static final int TEMPORARILY_UNAVAILABLE = 17;
    /** The SMS reached the destination telephone company: a successful contact. */
    public static final int SMS_SENT = -27;
    /** The SMS was delivered: a successful contact. */
    public static final int SMS_DELIVERED = -28;
    /** The number opted out of SMS (STOP). */
    public static final int SMS_OPT_OUT = -33;
    /** The SMS is queued: not final. */
    public static final int SMS_QUEUED = -39;

    /**
     * Validates the components.
     *
     * @throws NullPointerException when label or note is null
     */
    public CallStatusCode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(note, "note");
    }

    private static void add(int code, String label, String note) {
        TABLE.put(code, new CallStatusCode(code, label, note, true));
    }

    /**
     * The code's entry in the table, or an unknown code labelled {@code Unknown (<code>)}.
     *
     * @param code the numeric code as the provider sent it
     * @return the known constant, or a new unknown value; never null
     */
    public static CallStatusCode of(int code) {
        CallStatusCode known = TABLE.get(code);
        return known != null ? known : new CallStatusCode(code, "Unknown (" + code + ")", "", false);
    }

    /**
     * Every code of the table, in the table's order (0 to 17, then -1 to -40).
     *
     * @return an unmodifiable list of the known codes
     */
    public static List<CallStatusCode> table() {
        return Collections.unmodifiableList(new ArrayList<>(TABLE.values()));
    }

    /**
     * Whether a dialer can report this code on a device of the channel. The call progress codes
     * (0 to 17, e.g. 5 Live Person, 7 Fax) come from a placed call: Voice only. The SMS family
     * (-27 to -40, e.g. -28 SMS Delivered, -33 SMS Opt Out) comes from the text gateway: Text only.
     * The dialer's own refusals and errors (-1 to -26, e.g. -2 Invalid Phone #, -22 Suppressed
     * Phone #) can end either. An unknown code may come on either phone channel. No code comes on
     * Inbox or Email.
     *
     * @param channel the device's channel
     * @return true when the code can end a device of that channel
     * @throws NullPointerException when channel is null
     */
    public boolean occursOn(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        if (!channel.isPhone()) {
            return false;
        }
        if (!known || (code < 0 && code > FIRST_SMS_CODE)) {
            return true;
        }
        return code >= 0 ? channel == Channel.VOICE : channel == Channel.TEXT;
    }

    /**
     * The text printed in a report's Status column: the code and its label ({@code "5 Live Person"}),
     * or just {@code "Unknown (42)"} for a code the table does not know (SPEC P5, K2).
     *
     * @return the display text
     */
    public String display() {
        return known ? code + " " + label : label;
    }
}
