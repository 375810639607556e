package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Status decisions that raced with a hand-over (issue 17, points 1 and 2), pinned with latches. */
class StatusDecisionRaceTest {

    /** Three parents with one email each, scheduled a minute after T0 (Waiting when recorded at T0). */
    private static Message threeEmails(String id) {
        return TestMessages.message(id).deliveryModes(Channel.EMAIL).scheduledAt(T0.plus(Duration.ofMinutes(1)))
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Ann"), null,
                                List.of(Device.of(Channel.EMAIL, "ann@nomail.com", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Bob"), null,
                                List.of(Device.of(Channel.EMAIL, "bob@nomail.com", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-3", "Parent, Cy"), null,
                                List.of(Device.of(Channel.EMAIL, "cy@nomail.com", DeviceStatus.PENDING)))))
                .build();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Records the message on another thread; once a submit has {@code entered}, cancels it (as
     * caller u-1), then {@code release}s the submit.
     *
     * @return what {@code record} answered
     */
    private static MessageStatus recordCancelingMidSubmit(SentMessageLog log, Message message, CountDownLatch entered,
                                                          CountDownLatch release) throws InterruptedException {
        AtomicReference<MessageStatus> recorded = new AtomicReference<>();
        Thread recorder = new Thread(() -> recorded.set(log.record(message)));
        recorder.start();
        await(entered);
        log.cancel(admin(), message.id());
        release.countDown();
        recorder.join(10_000);
        return recorded.get();
    }

    @Test
    @DisplayName("M3: a refresh that read the devices before a tick handed the message over does not make it Sent")
    void m3_refreshDerivingOnDevicesReadBeforeTheHandOverLeavesTheMessageInProgress() throws Exception {
        // A pauses right after it reads the device table, if it reads it at all before deciding
        CountDownLatch devicesRead = new CountDownLatch(1);
        CountDownLatch pausedOrDone = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Thread> paused = new AtomicReference<>();
        HookedStore store = new HookedStore(MessageStore.inMemory(), point -> {
            if (point.equals("after withDevices") && Thread.currentThread() == paused.get()
                    && devicesRead.getCount() > 0) {
                devicesRead.countDown();
                pausedOrDone.countDown();
                await(resume);
            }
        });
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.store(store))) {
            assertThat(h.log.record(threeEmails("m-1"))).isEqualTo(MessageStatus.WAITING);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread a = new Thread(() -> {
                try {
                    h.log.refresh(admin(), "m-1");
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    pausedOrDone.countDown();
                }
            });
            paused.set(a);
            a.start();
            await(pausedOrDone); // A has read the device table (nothing handed over yet), or decided without it
            h.clock.advance(Duration.ofMinutes(2));
            h.log.tick(); // hands the message over: In-Progress, three devices IN_PROGRESS
            resume.countDown();
            a.join(10_000);
            assertThat(failure.get()).isNull();

            Message m = h.snapshot("m-1");
            assertThat(LogHarness.devices(m)).extracting(Device::outcome)
                    .containsOnly(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));
            assertThat(m.status()).as("M3: not Sent while every device is In-Progress")
                    .isEqualTo(MessageStatus.IN_PROGRESS);
            h.log.cancel(admin(), "m-1");
            assertThat(h.snapshot("m-1").cancellation()).as("C1: an In-Progress message can be canceled").isPresent();
        }
    }

    @Test
    @DisplayName("C3 M5: a cancel accepted while the only provider's submit blocks, which then throws, ends Canceled")
    void c3_cancelWhileTheOnlySubmitBlocksAndThenFailsEndsCanceledWithItsDevicesCanceled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StubProvider provider = new StubProvider();
        provider.onSubmit = batch -> {
            entered.countDown();
            await(release);
            throw new ProviderException("stub", "service unreachable");
        };
        try (SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(provider)
                .providerTimeout(Duration.ofSeconds(10)).build()) {
            Message message = threeEmails("m-1").toBuilder().scheduledAt(T0).build();
            MessageStatus recorded = recordCancelingMidSubmit(log, message, entered, release);

            Message m = log.printable(admin(), "m-1");
            assertThat(m.status()).as("C3: nothing was attempted").isEqualTo(MessageStatus.CANCELED);
            assertThat(recorded).isEqualTo(MessageStatus.CANCELED);
            assertThat(m.cancellation()).as("C4").isPresent();
            assertThat(LogHarness.devices(m)).extracting(Device::outcome)
                    .containsOnly(DeviceOutcome.of(DeviceStatus.CANCELED));
        }
    }

    @Test
    @DisplayName("C2 C3: after a cancel during the hand-over no further provider is called; nothing taken ends Canceled")
    void c2_aCancelDuringTheHandOverStopsItBeforeTheNextProvider() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StubProvider mail = new StubProvider("relay", Set.of(Channel.EMAIL));
        mail.onSubmit = batch -> {
            entered.countDown();
            await(release);
            throw new ProviderException("relay", "service unreachable");
        };
        StubProvider dialer = new StubProvider("dialer", Set.of(Channel.VOICE));
        List<String> dialed = new CopyOnWriteArrayList<>();
        dialer.onSubmit = batch -> {
            dialed.add(batch.messageId());
            return dialer.nextJob();
        };
        try (SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(mail).provider(dialer)
                .providerTimeout(Duration.ofSeconds(10)).build()) {
            Message message = TestMessages.message("m-1").deliveryModes(Channel.EMAIL, Channel.VOICE)
                    .recipients(List.of(RecipientEntry.of(Person.of("p-1", "Parent, Ann"), null, List.of(
                            Device.of(Channel.EMAIL, "ann@nomail.com", DeviceStatus.PENDING),
                            Device.of(Channel.VOICE, "555-123-4567", DeviceStatus.PENDING))))).build();
            recordCancelingMidSubmit(log, message, entered, release);

            Message m = log.printable(admin(), "m-1");
            assertThat(dialed).as("C2: the dialer was never handed the canceled message").isEmpty();
            assertThat(m.status()).as("C3").isEqualTo(MessageStatus.CANCELED);
            assertThat(LogHarness.devices(m)).extracting(Device::outcome)
                    .containsOnly(DeviceOutcome.of(DeviceStatus.CANCELED));
        }
    }
}
