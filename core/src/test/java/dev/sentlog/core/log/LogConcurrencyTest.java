package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Cancels, duplicate and out-of-order reports and refreshes on the same messages at once. The
 * provider reaches each device twice (a non-final, then a final outcome) unless it canceled the
 * device first; afterwards every device holds its final report or CANCELED, nothing else.
 */
class LogConcurrencyTest {

    private static final int MESSAGES = 24;
    private static final List<String> DEVICES = List.of("0.0", "0.1", "0.2", "0.3", "1.0", "2.1", "2.2");
    private static final List<DeviceOutcome> FIRST = List.of(DeviceOutcome.of(DeviceStatus.IN_PROGRESS),
            DeviceOutcome.of(DeviceStatus.IN_PROGRESS), DeviceOutcome.call(17), DeviceOutcome.call(-39),
            DeviceOutcome.call(17), DeviceOutcome.call(17), DeviceOutcome.call(-39));
    private static final List<DeviceOutcome> FINAL = List.of(DeviceOutcome.of(DeviceStatus.SENT),
            DeviceOutcome.of(DeviceStatus.FAILED), DeviceOutcome.call(5), DeviceOutcome.call(-28),
            DeviceOutcome.call(-2), DeviceOutcome.call(6), DeviceOutcome.call(-33));

    @RepeatedTest(4)
    @DisplayName("M2 C2 C4 C5 R2: concurrent cancels, duplicate and out-of-order reports and refreshes lose nothing")
    void concurrentCancelsReportsAndRefreshes() throws Exception {
        TransitionCheckingStore store = new TransitionCheckingStore();
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"),
                b -> b.store(store).providerTimeout(Duration.ofSeconds(5)))) {
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                h.log.record(message("m-" + i).build());
                jobs.add(h.provider.submittedJobs.get(i));
            }
            Map<String, DeviceOutcome> expected = new ConcurrentHashMap<>();
            List<Map.Entry<String, DeviceReport>> everything = new CopyOnWriteArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean reporting = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(5);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int half = t;
                work.add(threads.submit(() -> {
                    start.await();
                    Random rnd = new Random(half);
                    for (int m = half; m < MESSAGES; m += 2) {
                        String job = jobs.get(m);
                        List<DeviceReport> batch = new ArrayList<>();
                        for (int d = 0; d < DEVICES.size(); d++) {
                            DeviceReport first = h.provider.reach(job, DEVICES.get(d), FIRST.get(d), false,
                                    h.clock.instant());
                            if (first == null) {
                                continue;
                            }
                            DeviceReport last = h.provider.reach(job, DEVICES.get(d), FINAL.get(d), false,
                                    h.clock.instant());
                            expected.put(m + "/" + DEVICES.get(d), last.outcome());
                            Collections.addAll(batch, last, first, last);
                        }
                        Collections.shuffle(batch, rnd);
                        for (int from = 0; from < batch.size(); from += 3) {
                            h.log.acceptReports("sim", job, batch.subList(from, Math.min(batch.size(), from + 3)));
                        }
                        for (DeviceReport r : batch) {
                            everything.add(Map.entry(job, r));
                        }
                        if (everything.size() > 10) {
                            Map.Entry<String, DeviceReport> old = everything.get(rnd.nextInt(everything.size()));
                            h.log.acceptReports("sim", old.getKey(), List.of(old.getValue()));
                        }
                    }
                    return null;
                }));
            }
            for (int t = 0; t < 2; t++) {
                int seed = t;
                work.add(threads.submit(() -> {
                    start.await();
                    Random rnd = new Random(100 + seed);
                    for (int i = 0; i < MESSAGES; i++) {
                        String id = "m-" + rnd.nextInt(MESSAGES);
                        try {
                            h.log.cancel(admin(), id);
                        } catch (MessageNotCancelableException e) {
                            assertThat(e.status().isCancelable()).isFalse();
                        }
                    }
                    return null;
                }));
            }
            work.add(threads.submit(() -> {
                start.await();
                Random rnd = new Random(7);
                while (reporting.get()) {
                    h.log.refresh(admin(), "m-" + rnd.nextInt(MESSAGES));
                }
                return null;
            }));
            start.countDown();
            for (int i = 0; i < 4; i++) {
                work.get(i).get(60, TimeUnit.SECONDS);
            }
            reporting.set(false);
            work.get(4).get(60, TimeUnit.SECONDS);
            threads.shutdown();

            for (int m = 0; m < MESSAGES; m++) {
                h.log.refresh(admin(), "m-" + m);
                Message msg = h.snapshot("m-" + m);
                for (String d : DEVICES) {
                    DeviceOutcome stored = LogHarness.device(msg, d).outcome();
                    DeviceOutcome want = expected.getOrDefault(m + "/" + d, DeviceOutcome.of(DeviceStatus.CANCELED));
                    assertThat(stored).as("m-%d device %s", m, d).isEqualTo(want);
                }
                MessageStatus want = msg.cancellation().isPresent() ? MessageStatus.CANCELED_IP : MessageStatus.SENT;
                assertThat(msg.status()).as("m-%d", m).isEqualTo(want);
            }
            assertThat(store.illegal).as("M2").isEmpty();
        }
    }
}
