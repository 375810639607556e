package dev.sentlog.spi;

import net.jqwik.api.Label;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandardClassifierTest {

    private static final OutcomeClassifier K = OutcomeClassifier.standard();
    private static final Set<Integer> SUCCESS_CODES = Set.of(5, 6, 13, -27, -28);
    private static final Set<Integer> NOT_FINAL_CODES = Set.of(17, -39);

    @Test
    @DisplayName("K3: 5 Live Person, 6 Answering Machine, 13 Preconnect Done, -27 SMS Sent, -28 SMS Delivered are successes")
    void k3SuccessCodes() {
        for (int code : SUCCESS_CODES) {
            assertThat(K.classify(Channel.VOICE, DeviceOutcome.call(code), false)).isEqualTo(OutcomeClass.SUCCESS);
            assertThat(K.classify(Channel.TEXT, DeviceOutcome.call(code), false)).isEqualTo(OutcomeClass.SUCCESS);
        }
    }

    @Test
    @DisplayName("K3: a Text device whose status is SENT is a success; a Voice device with a bare SENT is not")
    void k3TextSent() {
        assertThat(K.classify(Channel.TEXT, DeviceOutcome.of(DeviceStatus.SENT), false)).isEqualTo(OutcomeClass.SUCCESS);
        assertThat(K.classify(Channel.VOICE, DeviceOutcome.of(DeviceStatus.SENT), false)).isEqualTo(OutcomeClass.FAILURE);
    }

    @Property
    @Label("K3: a Voice device the recipient confirmed by pressing 0 is a success, whatever its code")
    void k3ConfirmedVoiceIsSuccess(@ForAll("anyOutcome") DeviceOutcome outcome) {
        assertThat(K.classify(Channel.VOICE, outcome, true)).isEqualTo(OutcomeClass.SUCCESS);
    }

    @Property
    @Label("K3/K4/K5/K6: every other call status code is a final failure")
    void k6EveryOtherCodeFails(@ForAll int code) {
        OutcomeClass expected;
        if (SUCCESS_CODES.contains(code)) {
            expected = OutcomeClass.SUCCESS;
        } else if (NOT_FINAL_CODES.contains(code)) {
            expected = OutcomeClass.IN_FLIGHT;
        } else if (code == -33) {
            expected = OutcomeClass.OPTED_OUT;
        } else {
            expected = OutcomeClass.FAILURE;
        }
        assertThat(K.classify(Channel.VOICE, DeviceOutcome.call(code), false)).isEqualTo(expected);
        assertThat(K.classify(Channel.TEXT, DeviceOutcome.call(code), false)).isEqualTo(expected);
    }

    @Test
    @DisplayName("K4: 17 Temporarily Unavailable, -39 SMS Queued, IN_PROGRESS and PENDING are not final")
    void k4NotFinal() {
        assertThat(K.classify(Channel.VOICE, DeviceOutcome.call(17), false).isFinal()).isFalse();
        assertThat(K.classify(Channel.TEXT, DeviceOutcome.call(-39), false).isFinal()).isFalse();
        for (Channel c : Channel.values()) {
            assertThat(K.classify(c, DeviceOutcome.of(DeviceStatus.IN_PROGRESS), false)).isEqualTo(OutcomeClass.IN_FLIGHT);
            assertThat(K.classify(c, DeviceOutcome.of(DeviceStatus.PENDING), false)).isEqualTo(OutcomeClass.NOT_ATTEMPTED);
        }
        assertThat(OutcomeClass.IN_FLIGHT.attempted()).isTrue();
        assertThat(OutcomeClass.NOT_ATTEMPTED.attempted()).isFalse();
    }

    @Test
    @DisplayName("K5: OPTED_OUT and -33 SMS Opt Out are opted out, attempted and final")
    void k5OptedOut() {
        assertThat(K.classify(Channel.TEXT, DeviceOutcome.of(DeviceStatus.OPTED_OUT), false)).isEqualTo(OutcomeClass.OPTED_OUT);
        assertThat(K.classify(Channel.TEXT, DeviceOutcome.call(-33), false)).isEqualTo(OutcomeClass.OPTED_OUT);
        assertThat(OutcomeClass.OPTED_OUT.attempted()).isTrue();
        assertThat(OutcomeClass.OPTED_OUT.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"INBOX", "EMAIL"})
    @DisplayName("K6: an Inbox or Email device failed exactly when its status is FAILED")
    void k6EmailInboxFailedOnlyWhenFailed(Channel channel) {
        for (DeviceStatus s : new DeviceStatus[] {DeviceStatus.PENDING, DeviceStatus.IN_PROGRESS, DeviceStatus.SENT,
            DeviceStatus.FAILED, DeviceStatus.CANCELED}) {
            OutcomeClass cls = K.classify(channel, DeviceOutcome.of(s), false);
            assertThat(cls == OutcomeClass.FAILURE).as("%s %s", channel, s).isEqualTo(s == DeviceStatus.FAILED);
        }
        assertThat(K.classify(channel, DeviceOutcome.of(DeviceStatus.SENT), false)).isEqualTo(OutcomeClass.SUCCESS);
    }

    @Test
    @DisplayName("C5: a canceled device is final, not attempted and never a failure")
    void c5CanceledIsNotFailure() {
        for (Channel c : Channel.values()) {
            OutcomeClass cls = K.classify(c, DeviceOutcome.of(DeviceStatus.CANCELED), false);
            assertThat(cls).isEqualTo(OutcomeClass.CANCELED);
            assertThat(cls.attempted()).isFalse();
            assertThat(cls.isFinal()).isTrue();
        }
    }

    @Test
    @DisplayName("K3: a host may replace the classification")
    void k3HostMayReplace() {
        OutcomeClassifier strict = (channel, outcome, confirmed) ->
                outcome instanceof DeviceOutcome.Call c && c.code().code() == 6
                        ? OutcomeClass.FAILURE : K.classify(channel, outcome, confirmed);
        assertThat(strict.classify(Channel.VOICE, DeviceOutcome.call(6), false)).isEqualTo(OutcomeClass.FAILURE);
        assertThat(strict.classify(Channel.VOICE, DeviceOutcome.call(5), false)).isEqualTo(OutcomeClass.SUCCESS);
    }

    @Provide
    Arbitrary<DeviceOutcome> anyOutcome() {
        return Arbitraries.oneOf(Arbitraries.of(DeviceStatus.values()).map(DeviceOutcome::of),
                Arbitraries.integers().between(-100, 100).map(DeviceOutcome::call));
    }
}
