package dev.sentlog.examples.provider.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The log driven end to end by the project's simulated provider (R1, M3, M4, C2, C3, R3). */
class SimulatedProviderThroughLogTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant T0 = message("m-0").build().createdAt();

    /** A Waiting message on all four modes: a guardian of two sharing a phone, a blank email, no device. */
    private static Message.Builder message(String id) {
        return MessageArbitraries.sampleBuilder(id)
                .status(MessageStatus.WAITING)
                .deliveryModes(EnumSet.allOf(Channel.class))
                .textMessagingEnabled(true)
                .callerId("(987)999-9876")
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-1", "Student, Calvin"),
                                List.of(
                                        Device.of(Channel.INBOX, "heather.portal", DeviceStatus.PENDING),
                                        Device.of(Channel.EMAIL, " Heather@NoMail.com ", DeviceStatus.PENDING),
                                        Device.of(Channel.VOICE, "(555) 123-4567", DeviceStatus.PENDING),
                                        Device.of(Channel.TEXT, "555-123-4567", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-2", "Student, Hobbes"),
                                List.of(Device.of(Channel.VOICE, "555.123.4567", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Tom"), null, List.of(
                                Device.of(Channel.EMAIL, "   ", DeviceStatus.PENDING),
                                Device.of(Channel.VOICE, "1-555-999-0000 x12", DeviceStatus.PENDING),
                                Device.of(Channel.TEXT, "555-999-0000", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-3", "Parent, Ann"), null, List.of())));
    }

    private static Caller admin() {
        return Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
    }

    private static List<Device> devices(Message m) {
        return m.recipients().stream().flatMap(e -> e.devices().stream()).toList();
    }

    private static SentMessageLog log(ManualClock clock, UnaryOperator<SimulatedProvider.Builder> settings) {
        SimulatedProvider p = settings.apply(SimulatedProvider.builder().clock(clock).seed(7)).build();
        return SentMessageLog.builder().clock(clock).zone(CHICAGO).provider(p).build();
    }

    private static boolean allFinal(Message m) {
        return devices(m).stream().filter(d -> !d.isBlank()).allMatch(d -> OutcomeClassifier.standard()
                .classify(d.channel(), d.outcome(), d.confirmed()).isFinal());
    }

    @Test
    void R1_M3_refreshingAfterTheProviderFinishedGivesSent() {
        ManualClock clock = new ManualClock(T0);
        try (SentMessageLog log = log(clock, b -> b.confirmationRate(0.5))) {
            log.record(message("m-1").build());
            clock.advance(Duration.ofSeconds(30));
            log.refresh(admin(), "m-1");
            clock.advance(Duration.ofMinutes(5));

            MessageView v = log.refresh(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.SENT);
            Message m = log.printable(admin(), "m-1");
            assertThat(allFinal(m)).isTrue();
            assertThat(v.summary().endedAt()).isPresent();
        }
    }

    @Test
    void M4_silentDevicesTurnTheMessageToErrorAfterTheWindow() {
        ManualClock clock = new ManualClock(T0);
        try (SentMessageLog log = log(clock, b -> b.silenceRate(1.0))) {
            log.record(message("m-1").build());
            clock.advance(Duration.ofMinutes(10));
            log.refresh(admin(), "m-1");
            clock.advance(Duration.ofHours(2));
            log.tick();
            assertThat(log.printable(admin(), "m-1").status()).isEqualTo(MessageStatus.ERROR);
        }
    }

    @Test
    void C2_C3_aCancelBeforeAnyAttemptStopsEveryDevice_theMessageEndsCanceledIp() {
        ManualClock clock = new ManualClock(T0);
        try (SentMessageLog log = log(clock, b -> b)) {
            log.record(message("m-1").build());
            log.cancel(admin(), "m-1");
            clock.advance(Duration.ofMinutes(10));
            MessageView v = log.refresh(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.CANCELED_IP);
            assertThat(devices(log.printable(admin(), "m-1"))).filteredOn(d -> !d.isBlank())
                    .extracting(Device::outcome).containsOnly(DeviceOutcome.of(DeviceStatus.CANCELED));
            assertThat(v.summary().totals().totalEmailsAttempted()).isZero();
        }
    }
}
