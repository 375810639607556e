package dev.sentlog.examples.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryContent;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.ProviderException;
import dev.sentlog.spi.kit.KitClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the example relay does beyond the contract: bounces, reachability, discovery. */
class SmtpRelayProviderTest {

    private final KitClock clock = new KitClock(Instant.parse("2026-01-05T13:00:00Z"));
    private final SmtpRelayProvider relay = new SmtpRelayProvider(clock, Duration.ofSeconds(10),
            Set.of("gone@school.example"));

    @Test
    @DisplayName("K6: an unknown mailbox is Failed with the server's reply; the others are Sent, one per interval")
    void bouncesAndDeliveries() {
        String job = relay.submit(batch("ok@school.example", "gone@school.example"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(relay.poll(job)).extracting(r -> r.outcome().display()).containsExactly("Sent");
        clock.advance(Duration.ofSeconds(10));
        List<DeviceReport> reports = relay.poll(job);
        assertThat(reports).extracting(r -> r.outcome().display()).containsExactly("Sent", "Failed");
        assertThat(reports.get(1).reason()).contains(SmtpRelayProvider.UNKNOWN_MAILBOX);
    }

    @Test
    @DisplayName("DP-B1: delivery notifications push each new report once, named by the relay and the job")
    void notificationsPushEachReportOnce() {
        record Push(String provider, String jobId, List<DeviceReport> reports) {
        }
        List<Push> pushes = new ArrayList<>();
        relay.pushNotifications(); // nothing bound yet: nothing happens
        relay.bind((provider, jobId, reports) -> pushes.add(new Push(provider, jobId, List.copyOf(reports))));
        String job = relay.submit(batch("ok@school.example", "gone@school.example", "late@school.example"));
        relay.pushNotifications();
        assertThat(pushes).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        relay.pushNotifications();
        relay.pushNotifications();
        clock.advance(Duration.ofSeconds(10));
        List<String> canceled = relay.cancel(job).canceledDeviceIds();
        relay.pushNotifications();
        assertThat(canceled).hasSize(1);
        assertThat(pushes).hasSize(2);
        assertThat(pushes).extracting(Push::provider, Push::jobId)
                .containsOnly(tuple("smtp-relay", job));
        assertThat(pushes.get(0).reports()).extracting(r -> r.outcome().display()).containsExactly("Sent");
        assertThat(pushes.get(1).reports()).extracting(r -> r.outcome().display()).containsExactly("Failed", "Canceled");
    }

    @Test
    @DisplayName("M5: while the relay is unreachable submit throws a ProviderException naming the relay")
    void unreachable() {
        relay.setReachable(false);
        assertThatThrownBy(() -> relay.submit(batch("ok@school.example")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("unreachable")
                .extracting(e -> ((ProviderException) e).providerName()).isEqualTo("smtp-relay");
    }

    @Test
    @DisplayName("the relay is discovered through META-INF/services, with a no-argument constructor")
    void discoverable() {
        assertThat(ServiceLoader.load(DeliveryProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(DeliveryProvider::name)).contains("smtp-relay");
    }

    @Test
    @DisplayName("the interval must be positive")
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new SmtpRelayProvider(clock, Duration.ZERO, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }

    private static DeliveryBatch batch(String... addresses) {
        List<DeliveryRequest> emails = new ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            emails.add(new DeliveryRequest("d" + i, Channel.EMAIL, addresses[i], "p" + i));
        }
        return new DeliveryBatch(new BatchKey("m-1", "smtp-relay", 1), emails, new DeliveryContent("Snow day", "content/m-1", "", ""),
                DeliveryOptions.defaults());
    }
}
