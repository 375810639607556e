package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC N3 on PostgreSQL: two log instances (distinct node ids, pools of their own) over one
 * database behave as one log. Seeded scenarios run one operation per node per step, both started
 * together by a latch: records, ticks, refreshes, cancels, and reports pushed to either node
 * (duplicated, out of order, progress after final). The seed fixes the operations; the database
 * and the two threads decide the interleaving, and the checks hold for every interleaving.
 */
class TwoNodesOnPostgresTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int MESSAGES = 6;
    private static final int STEPS = 30;

    /** Two nodes over one fresh database, a shared clock and a shared delivery service. */
    private static final class Cluster implements AutoCloseable {
        final ManualClock clock = new ManualClock(T0);
        final List<HikariDataSource> pools = new ArrayList<>();
        final List<TransitionCheckingStore> stores = new ArrayList<>();
        final List<SentMessageLog> nodes = new ArrayList<>();

        Cluster(KeyedDeliveryService... services) {
            PostgresDatabase db = PostgresCluster.shared().createDatabase("two_nodes_" + DATABASES.incrementAndGet());
            JdbcMessageStore.migrate(db.dataSource());
            for (String node : List.of("node-a", "node-b")) {
                HikariDataSource pool = TestPools.pool(db, null);
                pools.add(pool);
                TransitionCheckingStore store = new TransitionCheckingStore(JdbcMessageStore.create(pool));
                stores.add(store);
                SentMessageLog.Builder b = SentMessageLog.builder().store(store).clock(clock).nodeId(node);
                for (KeyedDeliveryService s : services) {
                    b.provider(s);
                }
                nodes.add(b.build());
            }
        }

        Message snapshot(String id) {
            return stores.get(0).snapshot(id).orElseThrow();
        }

        List<String> illegalTransitions() {
            List<String> all = new ArrayList<>();
            stores.forEach(s -> all.addAll(s.illegal));
            return all;
        }

        @Override
        public void close() {
            nodes.forEach(SentMessageLog::close);
            pools.forEach(HikariDataSource::close);
        }
    }

    private static String id(int i) {
        return "m-" + i;
    }

    private static DeviceOutcome outcome(Message m, String deviceId) {
        String[] parts = deviceId.split("\\.");
        Device d = m.recipients().get(Integer.parseInt(parts[0])).devices().get(Integer.parseInt(parts[1]));
        return d.outcome();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {12L, 1_207L, 20_261_201L})
    @DisplayName("N3 R2 C2 M2 two nodes over one database: 0 lost reports, 0 double hand-overs, 0 canceled devices "
            + "that later succeed, every status change legal")
    void twoNodesBehaveAsOne(long seed) throws Exception {
        Random random = new Random(seed);
        KeyedDeliveryService service = KeyedDeliveryService.all("svc");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Cluster cluster = new Cluster(service)) {
            for (int i = 0; i < MESSAGES; i++) {
                Message.Builder m = message(id(i));
                if (i % 2 == 1) {
                    m.scheduledAt(T0.plusSeconds(60L * i)); // Waiting until a tick after enough advances
                }
                cluster.nodes.get(i % 2).record(m.build());
            }
            Map<String, DeviceReport> accepted = new HashMap<>();
            List<DeviceReport> refused = new ArrayList<>();
            Map<String, String> jobOfAccepted = new HashMap<>();
            long[] sequence = {10};
            for (int step = 0; step < STEPS; step++) {
                List<Runnable> ops = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    SentMessageLog node = cluster.nodes.get(n);
                    int kind = random.nextInt(10);
                    String target = id(random.nextInt(MESSAGES));
                    List<KeyedDeliveryService.JobDevice> devices = service.devices();
                    KeyedDeliveryService.JobDevice device = devices.isEmpty() ? null
                            : devices.get(random.nextInt(devices.size()));
                    boolean progress = random.nextBoolean();
                    long seq = ++sequence[0];
                    ops.add(() -> {
                        switch (kind) {
                            case 0 -> node.tick();
                            case 1 -> node.refresh(admin(), target);
                            case 2 -> {
                                try {
                                    node.cancel(admin(), target);
                                } catch (MessageNotCancelableException e) {
                                    assertThat(e.status().isCancelable()).as("C1").isFalse();
                                }
                            }
                            case 3 -> cluster.clock.advance(Duration.ofSeconds(45));
                            default -> {
                                if (device == null) {
                                    node.tick();
                                    return;
                                }
                                // a progress report sent late (lower sequence), or the device's final report
                                DeviceReport r = progress ? DeviceReport.of(device.deviceId(),
                                        DeviceOutcome.of(DeviceStatus.IN_PROGRESS), false, "p-" + seq, 1, T0)
                                        : service.deliver(device, 2, T0);
                                if (r == null) {
                                    return; // stopped by a cancel: the service never delivers it
                                }
                                try {
                                    node.acceptReports("svc", device.jobId(), List.of(r));
                                    synchronized (accepted) {
                                        if (!progress) {
                                            accepted.put(device.jobId() + "/" + device.deviceId(), r);
                                            jobOfAccepted.put(device.jobId() + "/" + device.deviceId(),
                                                    device.jobId());
                                        }
                                    }
                                } catch (UnknownJobException notStoredYet) {
                                    synchronized (refused) {
                                        if (!progress) {
                                            refused.add(r); // the service retries the webhook later
                                            jobOfAccepted.put("retry:" + refused.size(), device.jobId());
                                        }
                                    }
                                }
                            }
                        }
                    });
                }
                runTogether(threads, ops);
            }
            // the service retries every refused webhook once all hand-overs are done
            cluster.nodes.get(0).tick();
            cluster.nodes.get(1).tick();
            for (int i = 0; i < refused.size(); i++) {
                String job = jobOfAccepted.get("retry:" + (i + 1));
                cluster.nodes.get(i % 2).acceptReports("svc", job, List.of(refused.get(i)));
                accepted.put(job + "/" + refused.get(i).deviceId(), refused.get(i));
            }
            // and everything is settled after a reporting window (the first ticks hand over what is due by then)
            for (int round = 0; round < 2; round++) {
                cluster.clock.advance(SentMessageLog.DEFAULT_REPORTING_WINDOW);
                cluster.nodes.get(1).tick();
                cluster.nodes.get(0).tick();
            }

            List<String> lost = new ArrayList<>();
            accepted.forEach((key, r) -> {
                String job = key.substring(0, key.indexOf('/'));
                DeviceOutcome shown = outcome(cluster.snapshot(service.messageOf(job)), r.deviceId());
                if (!shown.equals(r.outcome())) {
                    lost.add(key + " shows " + shown.display() + ", reported " + r.outcome().display());
                }
            });
            assertThat(lost).as("N3 R2 lost reports (seed %d)", seed).isEmpty();
            assertThat(service.submitsPerKey()).as("N3 each batch key submitted once (seed %d)", seed)
                    .allSatisfy((key, count) -> assertThat(count).as("submits of %s", key).isEqualTo(1));
            for (KeyedDeliveryService.JobDevice d : service.devices()) {
                if (service.wasStopped(d)) {
                    assertThat(outcome(cluster.snapshot(service.messageOf(d.jobId())), d.deviceId()))
                            .as("C2 a device the service stopped stays CANCELED (seed %d)", seed)
                            .isEqualTo(DeviceOutcome.of(DeviceStatus.CANCELED));
                }
            }
            assertThat(cluster.illegalTransitions()).as("M2 illegal status changes (seed %d)", seed).isEmpty();
            for (int i = 0; i < MESSAGES; i++) {
                Message m = cluster.snapshot(id(i));
                assertThat(m.status()).as("N3 %s settles (seed %d)", id(i), seed)
                        .isIn(MessageStatus.SENT, MessageStatus.CANCELED, MessageStatus.CANCELED_IP,
                                MessageStatus.ERROR, MessageStatus.FAILED);
                assertThat(m.status() == MessageStatus.CANCELED_IP || m.status() == MessageStatus.CANCELED)
                        .as("C4 %s canceled only when a cancel was requested", id(i))
                        .isEqualTo(m.cancellation().isPresent() && m.status() != MessageStatus.SENT
                                && m.status() != MessageStatus.ERROR);
                assertThat(cluster.stores.get(0).handOver(id(i))).as("N2 no hand-over left of %s", id(i)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("N3 C2 a cancel on node A stops a hand-over running on node B between batches: the next provider is "
            + "never called and the message ends Canceled IP")
    void aCancelOnOneNodeStopsAHandOverOnTheOther() throws Exception {
        KeyedDeliveryService mail = new KeyedDeliveryService("mail", EnumSet.of(Channel.INBOX, Channel.EMAIL));
        KeyedDeliveryService phones = new KeyedDeliveryService("phones", EnumSet.of(Channel.VOICE, Channel.TEXT));
        CountDownLatch inSubmit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        mail.duringSubmit = batch -> {
            inSubmit.countDown();
            await(release);
        };
        ExecutorService nodeB = Executors.newSingleThreadExecutor();
        try (Cluster cluster = new Cluster(mail, phones)) {
            Future<MessageStatus> recording = nodeB.submit(() -> cluster.nodes.get(1).record(message("m-1").build()));
            await(inSubmit);
            assertThat(cluster.stores.get(0).handOver("m-1")).as("N2 node B's hand-over is stored")
                    .hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("node-b"));

            cluster.nodes.get(0).cancel(admin(), "m-1");
            release.countDown();
            recording.get(30, TimeUnit.SECONDS);

            Message m = cluster.snapshot("m-1");
            assertThat(phones.submitsPerKey()).as("C2 the phones batch is never handed over").isEmpty();
            assertThat(mail.submitsPerKey()).containsOnlyKeys(new BatchKey("m-1", "mail", 1));
            assertThat(m.status()).as("C2 N3").isEqualTo(MessageStatus.CANCELED_IP);
            for (int e = 0; e < m.recipients().size(); e++) {
                for (Device d : m.recipients().get(e).devices()) {
                    if (d.channel().isPhone() && !d.address().isBlank()) {
                        assertThat(d.outcome()).as("C2 phone device of entry %d", e)
                                .isEqualTo(DeviceOutcome.of(DeviceStatus.CANCELED));
                    }
                }
            }
            assertThat(cluster.stores.get(0).handOver("m-1")).as("N2 the hand-over ended").isEmpty();
        } finally {
            release.countDown();
            nodeB.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for a latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts the operations together (one per node) and waits for both; an operation's failure fails the test. */
    private static void runTogether(ExecutorService threads, List<Runnable> ops) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Runnable op : ops) {
            running.add(threads.submit(() -> {
                await(start);
                op.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
    }
}
