package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC N1 and N2 against a real crash: a child JVM ({@link CrashChild}) works on a PostgreSQL
 * database and is killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at a seeded
 * point; a new log over the same database must show everything the child acknowledged, and its
 * {@code tick} resumes an interrupted hand-over under the same batch keys.
 */
class CrashTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration CHILD_LINE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The report stream of a seed over a job's devices: for each device a progress report (sequence
     * 1) and its final report (sequence 2), shuffled (so progress may come after final), one report
     * repeated, cut into batches of one to three.
     */
    static List<List<DeviceReport>> reportBatches(long seed, List<KeyedDeliveryService.JobDevice> devices) {
        Random random = new Random(seed);
        List<DeviceReport> all = new ArrayList<>();
        for (KeyedDeliveryService.JobDevice d : devices) {
            all.add(DeviceReport.of(d.deviceId(), DeviceOutcome.of(DeviceStatus.IN_PROGRESS), false,
                    "p-" + d.deviceId(), 1, T0));
            all.add(DeviceReport.of(d.deviceId(), KeyedDeliveryService.finalOutcome(d.channel()), false,
                    "f-" + d.deviceId(), 2, T0));
        }
        Collections.shuffle(all, random);
        all.add(all.get(random.nextInt(all.size())));
        List<List<DeviceReport>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); ) {
            int n = Math.min(all.size() - i, 1 + random.nextInt(3));
            batches.add(List.copyOf(all.subList(i, i + n)));
            i += n;
        }
        return batches;
    }

    /** A running child and its output lines. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final Path errors;

        Child(PostgresDatabase db, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
            command.add(args[0]);
            command.add(db.jdbcUrl());
            command.add(db.user());
            command.addAll(List.of(args).subList(1, args.length));
            errors = Files.createTempFile("sentlog-crash-child", ".log");
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The next line whose first word is the given one; fails when the child ends first. */
        String next(String first) throws IOException {
            long deadline = System.nanoTime() + CHILD_LINE_TIMEOUT.toNanos();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(first + " ") || line.equals(first)) {
                    return line;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            throw new AssertionError("the child printed no '" + first + "' line; its errors: "
                    + Files.readString(errors));
        }

        /** SIGKILL, and wait until the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(errors);
        }
    }

    private static PostgresDatabase freshDatabase() {
        PostgresDatabase db = PostgresCluster.shared().createDatabase("crash_" + DATABASES.incrementAndGet());
        JdbcMessageStore.migrate(db.dataSource());
        return db;
    }

    private static DeviceOutcome outcome(Message m, String deviceId) {
        String[] parts = deviceId.split("\\.");
        return m.recipients().get(Integer.parseInt(parts[0])).devices().get(Integer.parseInt(parts[1])).outcome();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 41L, 512L, 9_001L})
    @DisplayName("N1 R2 a child killed with SIGKILL while applying reports: a new log shows every acknowledged report "
            + "applied, no device regressed, and goes on applying the rest")
    void acknowledgedReportsSurviveAKill(long seed) throws Exception {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore store = JdbcMessageStore.create(db.dataSource());
        // the devices of the child's job, as its service sees them: the same plan from the same message
        KeyedDeliveryService planner = KeyedDeliveryService.all("svc");
        try (SentMessageLog dryRun = SentMessageLog.builder().clock(new ManualClock(T0)).provider(planner).build()) {
            dryRun.record(TestMessages.message("m-1").build());
        }
        List<KeyedDeliveryService.JobDevice> devices = planner.devices();
        List<List<DeviceReport>> batches = reportBatches(seed, devices);
        int killAfter = 1 + new Random(seed).nextInt(batches.size() - 1); // acknowledged batches before the kill
        int acked = -1;
        String job;
        try (Child child = new Child(db, "reports", Long.toString(seed))) {
            job = child.next("job").substring(4);
            for (int i = 0; i < killAfter; i++) {
                acked = Integer.parseInt(child.next("ack").substring(4));
            }
            child.kill();
        }
        assertThat(acked).as("acknowledged batches").isEqualTo(killAfter - 1);

        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(new ManualClock(T0)).build()) {
            Message after = store.snapshot("m-1").orElseThrow();
            assertThat(after.status()).as("N1 the recorded message").isEqualTo(MessageStatus.IN_PROGRESS);
            for (KeyedDeliveryService.JobDevice d : devices) {
                boolean finalAcked = false;
                boolean anyAcked = false;
                for (int i = 0; i <= acked; i++) {
                    for (DeviceReport r : batches.get(i)) {
                        if (r.deviceId().equals(d.deviceId())) {
                            anyAcked = true;
                            finalAcked |= r.sequence() == 2;
                        }
                    }
                }
                DeviceOutcome shown = outcome(after, d.deviceId());
                if (finalAcked) {
                    assertThat(shown).as("N1 device %s: its acknowledged final report (seed %d)", d.deviceId(), seed)
                            .isEqualTo(KeyedDeliveryService.finalOutcome(d.channel()));
                } else if (anyAcked) {
                    assertThat(shown).as("N1 device %s: no regression below its acknowledged report", d.deviceId())
                            .isIn(DeviceOutcome.of(DeviceStatus.IN_PROGRESS),
                                    KeyedDeliveryService.finalOutcome(d.channel()));
                }
            }
            // the rest of the stream, pushed again by the service, settles the message (R2: repeats are harmless)
            for (List<DeviceReport> batch : batches) {
                log.acceptReports("svc", job, batch);
            }
            Message settled = store.snapshot("m-1").orElseThrow();
            for (KeyedDeliveryService.JobDevice d : devices) {
                assertThat(outcome(settled, d.deviceId())).as("R2 device %s after the rest", d.deviceId())
                        .isEqualTo(KeyedDeliveryService.finalOutcome(d.channel()));
            }
            assertThat(settled.status()).as("M3 every device final").isEqualTo(MessageStatus.SENT);
        }
    }

    @ParameterizedTest(name = "killed inside the {0} submit")
    @ValueSource(strings = {"mail", "phones"})
    @DisplayName("N2 DP-S6 a child killed with SIGKILL in the middle of a hand-over: its batches are stored, and a new "
            + "log's tick resumes the hand-over once the lease ran out, under the same batch keys, nothing delivered twice")
    void anInterruptedHandOverIsResumed(String killedIn) throws Exception {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore store = JdbcMessageStore.create(db.dataSource());
        KeyedDeliveryService mail = new KeyedDeliveryService("mail", EnumSet.of(Channel.INBOX, Channel.EMAIL));
        KeyedDeliveryService phones = new KeyedDeliveryService("phones", EnumSet.of(Channel.VOICE, Channel.TEXT));
        try (Child child = new Child(db, "handover", killedIn)) {
            if (killedIn.equals("phones")) {
                // the mail batch was accepted before the kill: the mail service remembers it (DP-S6)
                String[] accepted = child.next("accepted").split(" ");
                mail.remember(BatchKey.parse(accepted[1]), accepted[2]);
            }
            String line = child.next("in-submit");
            assertThat(line).isEqualTo("in-submit m-1/" + killedIn + "/1");
            child.kill();
        }

        HandOverLease interrupted = store.handOver("m-1").orElseThrow();
        assertThat(interrupted.owner()).isEqualTo("child");
        assertThat(interrupted.batches()).extracting(PlannedBatch::key).as("N2 stored before the providers were called")
                .containsExactly(new BatchKey("m-1", "mail", 1), new BatchKey("m-1", "phones", 1));
        ManualClock clock = new ManualClock(T0);
        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(clock).nodeId("survivor")
                .provider(mail).provider(phones).build()) {
            clock.advance(Duration.ofMinutes(10));
            log.tick();
            assertThat(phones.submitsPerKey()).as("N2 not resumed while the lease holds").isEmpty();

            clock.advance(Duration.ofMinutes(1));
            log.tick();

            Map<BatchKey, Integer> mailSubmits = mail.submitsPerKey();
            assertThat(mailSubmits.keySet()).as("DP-S6 the mail batch, if resubmitted, under its key")
                    .isSubsetOf(new BatchKey("m-1", "mail", 1));
            assertThat(phones.submitsPerKey()).as("N2 the phones batch resumed under its key")
                    .containsExactly(Map.entry(new BatchKey("m-1", "phones", 1), 1));
            Message m = store.snapshot("m-1").orElseThrow();
            assertThat(m.status()).as("N2 handed over").isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(store.header("m-1").orElseThrow().state().jobs()).as("DP-S6 one job per provider")
                    .extracting(j -> j.providerName()).containsExactlyInAnyOrder("mail", "phones");
            for (int e = 0; e < m.recipients().size(); e++) {
                for (Device d : m.recipients().get(e).devices()) {
                    if (!d.address().isBlank()) {
                        assertThat(d.outcome()).as("N2 entry %d %s handed over", e, d.channel())
                                .isEqualTo(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));
                    }
                }
            }
            assertThat(store.handOver("m-1")).as("N2 the resumed hand-over ended").isEmpty();
        }
    }
}
