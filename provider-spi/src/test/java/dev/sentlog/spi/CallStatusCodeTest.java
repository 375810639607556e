package dev.sentlog.spi;

import net.jqwik.api.Label;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallStatusCodeTest {

    /** The seed's Call Status Codes table, typed in from the source document (code → status). */
    private static final Map<Integer, String> SEED = new LinkedHashMap<>();

    static {
        SEED.put(0, "No answer");
        SEED.put(1, "Busy");
        SEED.put(2, "Operator");
        SEED.put(3, "Not In Service");
        SEED.put(4, "No Ring Back");
        SEED.put(5, "Live Person");
        SEED.put(6, "Answering Machine");
        SEED.put(7, "Fax");
        SEED.put(8, "PBX");
        SEED.put(9, "Unknown");
        SEED.put(10, "Failed");
        SEED.put(13, "Preconnect Done");
        SEED.put(14, "Fast-Busy");
        SEED.put(16, "Operator");
        SEED.put(17, "Temporarily Unavailable");
        SEED.put(-1, "N/S");
        SEED.put(-2, "Invalid Phone #");
        SEED.put(-3, "Do Not Call");
        SEED.put(-4, "Duplicate");
        SEED.put(-5, "No Response from Dialer");
        SEED.put(-7, "Local Operator");
        SEED.put(-9, "Local Time Restricted");
        SEED.put(-10, "State Restricted");
        SEED.put(-11, "Call Expired");
        SEED.put(-12, "No Channel");
        SEED.put(-13, "Route Unavailable");
        SEED.put(-14, "Call Error");
        SEED.put(-15, "Wireless");
        SEED.put(-18, "Origination Tollfree Restricted");
        SEED.put(-19, "Destination Tollfree Restricted");
        SEED.put(-20, "Remote Dialer Did Not Set Call Progress");
        SEED.put(-21, "Local No Answer");
        SEED.put(-22, "Suppressed Phone #");
        SEED.put(-23, "Local Fax");
        SEED.put(-24, "Low Resources");
        SEED.put(-25, "Sub-System Error");
        SEED.put(-26, "All Routes Temporarily Unavailable to Destination");
        SEED.put(-27, "SMS Sent");
        SEED.put(-28, "SMS Delivered");
        SEED.put(-29, "Email Sent");
        SEED.put(-30, "Text Message Failed");
        SEED.put(-31, "Origination International Restricted");
        SEED.put(-32, "Web Stream Connected");
        SEED.put(-33, "SMS Opt Out");
        SEED.put(-34, "Phone Quota Exceeded");
        SEED.put(-35, "Script Ended Before Dialing");
        SEED.put(-36, "Origination US Restricted");
        SEED.put(-37, "Canada Intra Restricted");
        SEED.put(-38, "Max Customer Minute Charge");
        SEED.put(-39, "SMS Queued");
        SEED.put(-40, "Undelivered");
    }

    @Test
    @DisplayName("K2: the table holds exactly the seed's codes, in the seed's order, with the seed's labels")
    void k2TableIsExactlyTheSeeds() {
        Map<Integer, String> actual = new LinkedHashMap<>();
        for (CallStatusCode c : CallStatusCode.table()) {
            actual.put(c.code(), c.label());
            assertThat(c.known()).isTrue();
        }
        assertThat(actual).containsExactlyEntriesOf(SEED);
    }

    @Test
    @DisplayName("K2: call progress codes happen on Voice, the SMS family on Text, dialer errors and unknown codes on"
            + " both, none on Inbox or Email")
    void k2ChannelOfEachCode() {
        assertThat(CallStatusCode.of(5).occursOn(Channel.VOICE)).isTrue();
        assertThat(CallStatusCode.of(5).occursOn(Channel.TEXT)).isFalse();
        assertThat(CallStatusCode.of(7).occursOn(Channel.TEXT)).isFalse();
        assertThat(CallStatusCode.of(17).occursOn(Channel.VOICE)).isTrue();
        assertThat(CallStatusCode.of(-28).occursOn(Channel.TEXT)).isTrue();
        assertThat(CallStatusCode.of(-28).occursOn(Channel.VOICE)).isFalse();
        assertThat(CallStatusCode.of(-27).occursOn(Channel.VOICE)).isFalse();
        assertThat(CallStatusCode.of(-40).occursOn(Channel.VOICE)).isFalse();
        assertThat(CallStatusCode.of(-26).occursOn(Channel.VOICE)).isTrue();
        assertThat(CallStatusCode.of(-26).occursOn(Channel.TEXT)).isTrue();
        assertThat(CallStatusCode.of(-2).occursOn(Channel.TEXT)).isTrue();
        assertThat(CallStatusCode.of(42).occursOn(Channel.TEXT)).isTrue();
        assertThat(CallStatusCode.of(42).occursOn(Channel.VOICE)).isTrue();
        assertThat(CallStatusCode.of(5).occursOn(Channel.EMAIL)).isFalse();
        assertThat(CallStatusCode.of(-29).occursOn(Channel.INBOX)).isFalse();
        assertThat(CallStatusCode.table()).allMatch(c -> c.occursOn(Channel.VOICE) || c.occursOn(Channel.TEXT));
    }

    @Test
    @DisplayName("K2: notes are kept, and blank where the seed has none")
    void k2Notes() {
        assertThat(CallStatusCode.of(5).note()).isEqualTo("Dialer detected a live person.");
        assertThat(CallStatusCode.of(-33).note()).contains("opted out of receiving SMS");
        assertThat(CallStatusCode.of(-4).note()).isEmpty();
        assertThat(CallStatusCode.of(-40).note()).isEmpty();
    }

    @Test
    @DisplayName("K2/P5: a known code displays as code and label")
    void k2KnownDisplay() {
        assertThat(CallStatusCode.of(5).display()).isEqualTo("5 Live Person");
        assertThat(CallStatusCode.of(-28).display()).isEqualTo("-28 SMS Delivered");
        assertThat(DeviceOutcome.call(6).display()).isEqualTo("6 Answering Machine");
    }

    @Property
    @Label("K2: an unknown code is kept verbatim and shown as Unknown (<code>), never dropped")
    void k2UnknownCodesAreKept(@ForAll int code) {
        CallStatusCode c = CallStatusCode.of(code);
        assertThat(c.code()).isEqualTo(code);
        if (SEED.containsKey(code)) {
            assertThat(c.known()).isTrue();
            assertThat(c.label()).isEqualTo(SEED.get(code));
        } else {
            assertThat(c.known()).isFalse();
            assertThat(c.label()).isEqualTo("Unknown (" + code + ")");
            assertThat(c.display()).isEqualTo("Unknown (" + code + ")");
            assertThat(DeviceOutcome.call(code)).isEqualTo(new DeviceOutcome.Call(c));
        }
    }

    @Test
    @DisplayName("K1: device status labels; an opt-out shows blank")
    void k1Labels() {
        assertThat(DeviceStatus.IN_PROGRESS.label()).isEqualTo("In-Progress");
        assertThat(DeviceStatus.SENT.label()).isEqualTo("Sent");
        assertThat(DeviceStatus.OPTED_OUT.label()).isEmpty();
        assertThat(DeviceOutcome.of(DeviceStatus.OPTED_OUT).display()).isEmpty();
        assertThat(DeviceOutcome.of(DeviceStatus.SENT)).isSameAs(DeviceOutcome.of(DeviceStatus.SENT));
    }
}
