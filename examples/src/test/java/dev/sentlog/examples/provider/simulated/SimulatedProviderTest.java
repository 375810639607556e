package dev.sentlog.examples.provider.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryContent;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import dev.sentlog.spi.kit.KitClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the simulated provider's options produce. */
class SimulatedProviderTest {

    private static final Instant START = Instant.parse("2026-01-05T13:00:00Z");
    private static final Duration LONG_AFTER = Duration.ofHours(3);

    private final KitClock clock = new KitClock(START);

    @Property(tries = 50)
    @Label("the same seed and batch give the same reports at the same times, whatever the submission order")
    void deterministicFromSeed(@ForAll long seed) {
        DeliveryBatch first = batch("m-1", 12, Channel.values());
        DeliveryBatch second = batch("m-2", 12, Channel.values());
        KitClock clockA = new KitClock(START);
        KitClock clockB = new KitClock(START);
        SimulatedProvider a = SimulatedProvider.builder().seed(seed).clock(clockA).confirmationRate(0.5).redialRate(0.5).build();
        SimulatedProvider b = SimulatedProvider.builder().seed(seed).clock(clockB).confirmationRate(0.5).redialRate(0.5).build();
        String a1 = a.submit(first);
        String a2 = a.submit(second);
        String b2 = b.submit(second);
        String b1 = b.submit(first);
        for (int minute = 0; minute < 5; minute++) {
            clockA.advance(Duration.ofSeconds(37));
            clockB.advance(Duration.ofSeconds(37));
            assertThat(outcomes(a.poll(a1))).isEqualTo(outcomes(b.poll(b1)));
            assertThat(outcomes(a.poll(a2))).isEqualTo(outcomes(b.poll(b2)));
        }
    }

    @Test
    @DisplayName("different seeds give different plans")
    void seedsDiffer() {
        DeliveryBatch batch = batch("m-1", 40, Channel.VOICE);
        Map<String, String> one = settle(SimulatedProvider.builder().seed(1).clock(clock).build(), batch);
        Map<String, String> two = settle(SimulatedProvider.builder().seed(2).clock(new KitClock(START)).build(), batch);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    @DisplayName("K2: everyCallStatusCode deals every code of the table and the unknown ones, each on a channel it can"
            + " happen on (no call progress code on Text, no SMS code on Voice), shown over time")
    void everyCallStatusCode() {
        int codes = CallStatusCode.table().size() + 1;
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).everyCallStatusCode(42)
                .attemptDelay(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .outcomeDelay(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        DeliveryBatch batch = batch("m-1", codes, Channel.VOICE, Channel.TEXT);
        Map<String, Channel> channelOf = batch.deliveries().stream()
                .collect(Collectors.toMap(DeliveryRequest::deviceId, DeliveryRequest::channel));
        String job = provider.submit(batch);
        Map<Channel, Set<Integer>> seen = new EnumMap<>(Channel.class);
        for (int second = 0; second < 30; second++) {
            clock.advance(Duration.ofSeconds(1));
            provider.poll(job).stream().filter(r -> r.outcome() instanceof DeviceOutcome.Call)
                    .forEach(r -> seen.computeIfAbsent(channelOf.get(r.deviceId()), c -> new HashSet<>())
                            .add(((DeviceOutcome.Call) r.outcome()).code().code()));
        }
        Set<Integer> all = new HashSet<>();
        seen.values().forEach(all::addAll);
        Set<Integer> expected = CallStatusCode.table().stream().map(CallStatusCode::code).collect(Collectors.toSet());
        expected.add(42);
        assertThat(all).isEqualTo(expected);
        // written out here, not taken from CallStatusCode.occursOn: call progress codes are 0 to 17, SMS codes -27 to -40
        assertThat(seen.get(Channel.TEXT)).noneMatch(c -> c >= 0 && c <= 17).contains(42, -2);
        assertThat(seen.get(Channel.VOICE)).noneMatch(c -> c <= -27 && c >= -40).contains(42, -2);
    }

    @Test
    @DisplayName("K4: the not-final codes 17 and -39 are followed by a final outcome")
    void notFinalCodesEnd() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).voiceCodes(17).textCodes(-39).build();
        Map<String, String> settled = settle(provider, batch("m-1", 3, Channel.VOICE, Channel.TEXT));
        assertThat(settled).containsValues("0 No answer", "-28 SMS Delivered").doesNotContainValue("17 Temporarily Unavailable");
    }

    @Test
    @DisplayName("D2: a second Voice or Text delivery of one number in a batch ends with -4 Duplicate")
    void duplicates() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).voiceCodes(5).build();
        DeliveryBatch batch = batch("m-1", List.of(
                new DeliveryRequest("d1", Channel.VOICE, "5551234567", "p1"),
                new DeliveryRequest("d2", Channel.VOICE, "5551234567", "p2"),
                new DeliveryRequest("d3", Channel.TEXT, "5551234567", "p2")));
        assertThat(settle(provider, batch)).containsEntry("d1", "5 Live Person").containsEntry("d2", "-4 Duplicate")
                .doesNotContainEntry("d3", "-4 Duplicate");
    }

    @Test
    @DisplayName("R3: a confirmation (pressed 0) cancels the person's phone deliveries not yet attempted")
    void confirmationsCancelThePersonsPhones() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).voiceCodes(5).confirmationRate(1)
                .attemptDelay(Duration.ofSeconds(1), Duration.ofMinutes(10)).outcomeDelay(Duration.ZERO, Duration.ZERO)
                .build();
        DeliveryBatch batch = batch("m-1", 30, Channel.VOICE, Channel.TEXT);
        String job = provider.submit(batch);
        Map<String, DeviceReport> first = new HashMap<>();
        Map<String, DeviceReport> last = new HashMap<>();
        for (int second = 0; second < 700; second++) {
            clock.advance(Duration.ofSeconds(1));
            for (DeviceReport report : provider.poll(job)) {
                first.putIfAbsent(report.deviceId(), report);
                last.put(report.deviceId(), report);
            }
        }
        int canceled = 0;
        for (int person = 0; person < 30; person++) {
            DeviceReport voice = last.get("m-1/" + person + "/VOICE");
            DeviceReport text = last.get("m-1/" + person + "/TEXT");
            assertThat(voice.confirmed()).isTrue();
            if (text.outcome().equals(DeviceOutcome.of(DeviceStatus.CANCELED))) {
                canceled++;
                assertThat(text.at()).isEqualTo(voice.at());
            } else {
                assertThat(first.get(text.deviceId()).at()).isBeforeOrEqualTo(voice.at());
            }
        }
        assertThat(canceled).isBetween(5, 25);
    }

    @Test
    @DisplayName("R3: without the option a confirmation stops nothing")
    void confirmationsWithoutTheOption() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).voiceCodes(5).confirmationRate(1).build();
        DeliveryBatch batch = new DeliveryBatch(new BatchKey("m-1", SimulatedProvider.DEFAULT_NAME, 1), batch("m-1", 30, Channel.VOICE, Channel.TEXT).deliveries(),
                content(), new DeliveryOptions(false, false));
        assertThat(settle(provider, batch)).doesNotContainValue("Canceled");
    }

    @Test
    @DisplayName("K5: text opt-outs end with -33 SMS Opt Out; bounces end FAILED with a reason")
    void optOutsAndBounces() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).textOptOutRate(1).emailFailureRate(1).build();
        String job = provider.submit(batch("m-1", 4, Channel.TEXT, Channel.EMAIL, Channel.INBOX));
        clock.advance(LONG_AFTER);
        List<DeviceReport> reports = provider.poll(job);
        assertThat(reports).filteredOn(r -> r.deviceId().endsWith("TEXT")).extracting(r -> r.outcome().display())
                .containsOnly("-33 SMS Opt Out").hasSize(4);
        assertThat(reports).filteredOn(r -> r.deviceId().endsWith("EMAIL"))
                .allSatisfy(r -> assertThat(r.reason()).contains(Scenario.BOUNCE_REASON))
                .extracting(r -> r.outcome().display()).containsOnly("Failed");
        assertThat(reports).filteredOn(r -> r.deviceId().endsWith("INBOX")).extracting(r -> r.outcome().display())
                .containsOnly("Sent");
    }

    @Test
    @DisplayName("M4: silent devices stay In-Progress long past the reporting window")
    void silence() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).silenceRate(1).build();
        Map<String, String> settled = settle(provider, batch("m-1", 5, Channel.EMAIL, Channel.VOICE, Channel.TEXT));
        assertThat(settled).hasSize(15).allSatisfy((id, outcome) ->
                assertThat(outcome).isEqualTo("In-Progress"));
    }

    @Test
    @DisplayName("nothing is attempted before the attempt delay, unknown codes are kept verbatim (K2)")
    void delaysAndUnknownCodes() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).voiceCodes(42)
                .attemptDelay(Duration.ofMinutes(10), Duration.ofMinutes(10))
                .outcomeDelay(Duration.ofMinutes(1), Duration.ofMinutes(1)).build();
        String job = provider.submit(batch("m-1", 2, Channel.VOICE));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(provider.poll(job)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.poll(job)).extracting(r -> r.outcome().display()).containsOnly("In-Progress");
        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.poll(job)).extracting(r -> r.outcome().display()).containsOnly("Unknown (42)");
    }

    @Test
    @DisplayName("M5: submits of configured messages, and the next ones after failNextSubmits, throw ProviderException")
    void submitFailures() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).failSubmitsOf("m-bad").build();
        assertThatThrownBy(() -> provider.submit(batch("m-bad", 1, Channel.EMAIL))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("m-bad");
        provider.failNextSubmits(2);
        DeliveryBatch good = batch("m-good", 1, Channel.EMAIL);
        assertThatThrownBy(() -> provider.submit(good)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.submit(good)).isInstanceOf(ProviderException.class);
        assertThat(provider.submit(good)).isEqualTo("simulated-1");
    }

    @Test
    @DisplayName("a batch with a device id twice is refused, naming the id")
    void repeatedDeviceIds() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).build();
        DeliveryBatch batch = batch("m-1", List.of(new DeliveryRequest("d1", Channel.EMAIL, "a@b.c", "p1"),
                new DeliveryRequest("d1", Channel.EMAIL, "x@y.z", "p2")));
        assertThatThrownBy(() -> provider.submit(batch)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("d1").hasMessageNotContaining("a@b.c");
    }

    @Test
    @DisplayName("the builder refuses rates outside 0..1, attempt delays under a second and empty code lists")
    void builderValidation() {
        assertThatThrownBy(() -> SimulatedProvider.builder().silenceRate(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silenceRate");
        assertThatThrownBy(() -> SimulatedProvider.builder().attemptDelay(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DP-S3");
        assertThatThrownBy(() -> SimulatedProvider.builder().outcomeDelay(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcomeDelay");
        assertThatThrownBy(() -> SimulatedProvider.builder().voiceCodes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voiceCodes");
        assertThatThrownBy(() -> SimulatedProvider.builder().clock(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    }

    @Test
    @DisplayName("a host with the examples on its class path does not discover the simulator by ServiceLoader")
    void notDiscoverable() {
        assertThat(ServiceLoader.load(DeliveryProvider.class).stream().map(p -> p.type().getName()))
                .doesNotContain(SimulatedProvider.class.getName());
    }

    // ---------------------------------------------------------------- helpers

    @Test
    @DisplayName("H3 demo data: fixedOutcome ends every delivery to an address the same way, in every message, the "
            + "address matched normalised (D1) on its channel only")
    void fixedOutcomes() {
        SimulatedProvider provider = SimulatedProvider.builder().clock(clock).emailFailureRate(0)
                .voiceCodes(5).textCodes(-28)
                .fixedOutcome(Channel.VOICE, "(555) 000-0001", DeviceOutcome.call(3))
                .fixedOutcome(Channel.EMAIL, "P2@School.example", DeviceOutcome.of(DeviceStatus.FAILED))
                .build();

        for (String message : List.of("m-1", "m-2")) {
            Map<String, String> outcomes = settle(provider, batch(message, 3, Channel.VOICE, Channel.TEXT,
                    Channel.EMAIL));
            assertThat(outcomes.get(message + "/1/VOICE")).isEqualTo(DeviceOutcome.call(3).display());
            assertThat(outcomes.get(message + "/1/TEXT")).as("the same number on Text is not fixed")
                    .isEqualTo(DeviceOutcome.call(-28).display());
            assertThat(outcomes.get(message + "/2/EMAIL")).isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED).display());
            assertThat(outcomes.get(message + "/0/VOICE")).isEqualTo(DeviceOutcome.call(5).display());
        }
        assertThatThrownBy(() -> SimulatedProvider.builder().fixedOutcome(Channel.VOICE, "5550000001",
                DeviceOutcome.call(17))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final");
    }

    private Map<String, String> settle(SimulatedProvider provider, DeliveryBatch batch) {
        String job = provider.submit(batch);
        clock.advance(LONG_AFTER);
        return outcomes(provider.poll(job));
    }

    private static Map<String, String> outcomes(List<DeviceReport> reports) {
        Map<String, String> outcomes = new HashMap<>();
        for (DeviceReport report : reports) {
            outcomes.put(report.deviceId(), report.outcome().display() + (report.confirmed() ? " (0)" : ""));
        }
        return outcomes;
    }

    private static DeliveryBatch batch(String messageId, int persons, Channel... channels) {
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int person = 0; person < persons; person++) {
            for (Channel channel : channels) {
                String address = channel.isPhone() ? String.format("555%07d", person)
                        : channel == Channel.EMAIL ? "p" + person + "@school.example" : "portal-" + person;
                requests.add(new DeliveryRequest(messageId + "/" + person + "/" + channel, channel, address, "p" + person));
            }
        }
        return batch(messageId, requests);
    }

    private static DeliveryBatch batch(String messageId, List<DeliveryRequest> requests) {
        return new DeliveryBatch(new BatchKey(messageId, SimulatedProvider.DEFAULT_NAME, 1), requests, content(), DeliveryOptions.defaults());
    }

    private static DeliveryContent content() {
        return new DeliveryContent("Snow day", "content/1", "9879999876", "");
    }
}
