package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers that break their contract must not break the log (issue 17, points 6 to 8). */
class MisbehavingProviderTest {

    private static final DeviceOutcome SENT = DeviceOutcome.of(DeviceStatus.SENT);

    private static Message oneEmail(String id) {
        return TestMessages.message(id).deliveryModes(Channel.EMAIL).recipients(List.of(RecipientEntry.of(
                Person.of("p-1", "Parent, Ann"), null,
                List.of(Device.of(Channel.EMAIL, "ann@nomail.com", DeviceStatus.PENDING))))).build();
    }

    private static SentMessageLog.Builder logWith(DeliveryProvider p, Duration timeout) {
        return SentMessageLog.builder().clock(new ManualClock(T0)).provider(p).providerTimeout(timeout);
    }

    private static MessageStatus status(SentMessageLog log, String id) {
        return log.printable(admin(), id).status();
    }

    /** A list that a provider thread changes while the log reads it: iterating it fails. */
    private static final class ChangingList extends ArrayList<DeviceReport> {
        private static final long serialVersionUID = 1L;

        ChangingList(List<DeviceReport> reports) {
            super(reports);
        }

        @Override
        public Iterator<DeviceReport> iterator() {
            Iterator<DeviceReport> it = super.iterator();
            add(get(0)); // the provider appends while the reader iterates
            return it;
        }
    }

    @Test
    @DisplayName("R1: a polled list that changes while it is read does not make refresh throw")
    void r1_aPollAnswerThatChangesWhileReadIsCopiedInsideTheGuardedCall() {
        StubProvider p = new StubProvider();
        p.onPoll = job -> new ChangingList(List.of(DeviceReport.of("0.0", SENT, false, "e1", 1, T0)));
        try (SentMessageLog log = logWith(p, Duration.ofSeconds(5)).build()) {
            log.record(oneEmail("m-1"));
            assertThatCode(() -> log.refresh(admin(), "m-1")).doesNotThrowAnyException();
            assertThat(status(log, "m-1")).as("M3: the polled report applied").isEqualTo(MessageStatus.SENT);
        }
    }

    /** Discoverable: its name() throws. */
    public static class NamelessProvider extends ProviderRegistrationTest.DiscoverableMail {
        @Override
        public String name() {
            throw new IllegalStateException("no configuration");
        }
    }

    /** Discoverable: its channels() throws. */
    public static class ChannellessProvider extends ProviderRegistrationTest.DiscoverableMail {
        @Override
        public String name() {
            return "channelless";
        }

        @Override
        public Set<Channel> channels() {
            throw new IllegalStateException("no channels configured");
        }
    }

    @Test
    @DisplayName("discoverProviders never fails: a provider whose name() or channels() throws is skipped with a warning")
    void discovery_skipsAProviderWhoseIdentityThrows(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + DeliveryProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, NamelessProvider.class.getName() + "\n" + ChannellessProvider.class.getName()
                + "\n" + ProviderRegistrationTest.DiscoverableMail.class.getName() + "\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().discoverProviders(loader).build()) {
            assertThat(logs.text())
                    .contains("skipping delivery provider " + NamelessProvider.class.getName())
                    .contains("skipping delivery provider " + ChannellessProvider.class.getName());
            assertThat(log.record(TestMessages.message("m-1").deliveryModes(Channel.EMAIL).build()))
                    .as("the well-behaved provider is registered").isEqualTo(MessageStatus.IN_PROGRESS);
        }
    }

    @Test
    @DisplayName("A provider that hangs and ignores interrupts holds at most the bounded number of threads")
    void aHangingProviderThatIgnoresInterruptsHoldsABoundedNumberOfThreads() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hanging = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        StubProvider p = new StubProvider();
        p.onPoll = job -> {
            mostAtOnce.accumulateAndGet(hanging.incrementAndGet(), Math::max);
            try {
                while (true) {
                    try {
                        release.await();
                        return List.of();
                    } catch (InterruptedException ignored) {
                        // this provider ignores interrupts
                    }
                }
            } finally {
                hanging.decrementAndGet();
            }
        };
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = logWith(p, Duration.ofMillis(100)).build()) {
            log.record(oneEmail("m-1"));
            for (int i = 0; i < 20; i++) {
                assertThat(log.refresh(admin(), "m-1").row().status()).isEqualTo(MessageStatus.IN_PROGRESS);
            }
            assertThat(mostAtOnce.get()).as("provider threads held at once")
                    .isLessThanOrEqualTo(SentMessageLog.DEFAULT_PROVIDER_THREADS);
            assertThat(logs.text()).contains("no provider thread is free");
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("R1: a call that finds every provider thread busy with a healthy call waits for one instead of being refused")
    void r1_aCallBeyondTheBoundWaitsForAFreeThread() throws Exception {
        CountDownLatch firstPolling = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        StubProvider p = new StubProvider();
        p.onPoll = job -> {
            if (polls.incrementAndGet() == 1) {
                firstPolling.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        };
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = logWith(p, Duration.ofSeconds(30)).providerThreads(1).build()) {
            log.record(oneEmail("m-1"));
            Thread first = new Thread(() -> log.refresh(admin(), "m-1"));
            first.start();
            firstPolling.await();
            Thread second = new Thread(() -> log.refresh(admin(), "m-1"));
            second.start();
            // the second refresh holds no thread yet: it waits for the one the first poll holds
            while (second.getState() != Thread.State.TIMED_WAITING && second.isAlive()) {
                Thread.onSpinWait();
            }
            releaseFirst.countDown();
            first.join();
            second.join();
            assertThat(polls.get()).as("both refreshes polled the provider").isEqualTo(2);
            assertThat(logs.text()).doesNotContain("no provider thread is free");
        } finally {
            releaseFirst.countDown();
        }
    }

    @Test
    @DisplayName("DP-S2 M5: a job id a provider answers for a second message is detected at hand-over")
    void dpS2_aReusedJobIdIsRefusedAtHandOver() {
        StubProvider p = new StubProvider();
        p.onSubmit = batch -> "same-job";
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = logWith(p, Duration.ofSeconds(5)).build()) {
            assertThat(log.record(oneEmail("m-1"))).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(log.record(oneEmail("m-2"))).as("M5: nothing of m-2 was handed over")
                    .isEqualTo(MessageStatus.FAILED);
            assertThat(logs.text()).contains("message m-2: provider stub answered job id same-job, which it already "
                    + "answered for message m-1");
            log.acceptReports("stub", "same-job", List.of(DeviceReport.of("0.0", SENT, false, "e1", 1, T0)));
            assertThat(status(log, "m-1")).isEqualTo(MessageStatus.SENT);
            assertThat(LogHarness.device(log.printable(admin(), "m-2"), "0.0").outcome())
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));
        }
    }

    @Test
    @DisplayName("DP-B1 M5: a push from inside submit does not fail the message; the pushed report applies")
    void dpB1_aPushFromInsideSubmitIsAppliedOnceTheJobIsStored() {
        StubProvider p = new StubProvider();
        p.onSubmit = (DeliveryBatch batch) -> {
            String job = p.nextJob();
            p.sink.accept("stub", job, List.of(DeviceReport.of(batch.deliveries().get(0).deviceId(), SENT, false,
                    "e1", 1, T0)));
            return job;
        };
        try (SentMessageLog log = logWith(p, Duration.ofSeconds(5)).build()) {
            assertThat(log.record(oneEmail("m-1"))).as("M3: its only device is final").isEqualTo(MessageStatus.SENT);
            assertThat(LogHarness.device(log.printable(admin(), "m-1"), "0.0").outcome()).isEqualTo(SENT);
        }
    }
}
