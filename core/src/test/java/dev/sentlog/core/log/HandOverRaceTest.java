package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A message handed to two providers, the second slow to take its batch: what arrives meanwhile (a
 * report from the first, a cancel) must not finish the message or cancel the second's devices.
 */
class HandOverRaceTest {

    /** A provider whose submit waits until the test lets it go. */
    static final class SlowProvider implements DeliveryProvider {
        final String name;
        final Set<Channel> channels;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;

        SlowProvider(String name, Channel channel, CountDownLatch release) {
            this.name = name;
            this.channels = Set.of(channel);
            this.release = release;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Channel> channels() {
            return channels;
        }

        @Override
        public String submit(DeliveryBatch batch) {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return name + "-job";
        }

        @Override
        public CancelResult cancel(String jobId) {
            return new CancelResult(List.of()); // everything was already attempted
        }

        @Override
        public List<DeviceReport> poll(String jobId) {
            return List.of();
        }
    }

    private static Message message() {
        return TestMessages.message("m-1").deliveryModes(Channel.EMAIL, Channel.VOICE)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null, List.of(
                        Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.PENDING),
                        Device.of(Channel.VOICE, "555-123-4567", DeviceStatus.PENDING)))))
                .build();
    }

    /**
     * Records the message on a log with an email relay and a slow dialer, runs {@code meanwhile} while
     * the dialer still takes its batch, lets the dialer answer, then runs {@code after}.
     */
    private static void whileHandingOver(Consumer<SentMessageLog> meanwhile, Consumer<SentMessageLog> after)
            throws InterruptedException {
        SlowProvider email = new SlowProvider("relay", Channel.EMAIL, new CountDownLatch(0));
        CountDownLatch release = new CountDownLatch(1);
        SlowProvider voice = new SlowProvider("dialer", Channel.VOICE, release);
        try (SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(email)
                .provider(voice).providerTimeout(Duration.ofSeconds(10)).build()) {
            Thread recorder = new Thread(() -> log.record(message()));
            recorder.start();
            assertThat(voice.entered.await(5, TimeUnit.SECONDS)).isTrue();
            meanwhile.accept(log);
            release.countDown();
            recorder.join(5000);
            after.accept(log);
        }
    }

    private static void report(SentMessageLog log, String provider, String device, DeviceOutcome outcome) {
        log.acceptReports(provider, provider + "-job", List.of(DeviceReport.of(device, outcome, false,
                provider + "/" + device, 1, T0)));
    }

    private static MessageStatus status(SentMessageLog log) {
        return log.printable(TestMessages.admin(), "m-1").status();
    }

    @Test
    @DisplayName("M3: a report from the first provider while the second still takes its batch does not make the message Sent")
    void m3NotSentWhileHandingOver() throws Exception {
        whileHandingOver(log -> {
            report(log, "relay", "0.0", DeviceOutcome.of(DeviceStatus.SENT));
            assertThat(status(log)).isEqualTo(MessageStatus.IN_PROGRESS);
        }, log -> {
            assertThat(status(log)).isEqualTo(MessageStatus.IN_PROGRESS);
            report(log, "dialer", "0.1", DeviceOutcome.call(5));
            assertThat(status(log)).isEqualTo(MessageStatus.SENT);
        });
    }

    @Test
    @DisplayName("C2: a cancel while the second provider takes its batch stops through it and keeps what it attempted")
    void c2CancelWhileHandingOver() throws Exception {
        whileHandingOver(log -> log.cancel(TestMessages.admin(), "m-1"), log -> {
            report(log, "relay", "0.0", DeviceOutcome.of(DeviceStatus.SENT));
            report(log, "dialer", "0.1", DeviceOutcome.call(5));
            Message m = log.printable(TestMessages.admin(), "m-1");
            assertThat(m.recipients().get(0).devices().get(1).outcome()).isEqualTo(DeviceOutcome.call(5));
            assertThat(m.status()).isEqualTo(MessageStatus.CANCELED_IP);
        });
    }
}
