package dev.sentlog.core.log;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceReport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link CrashTest} kills: a host with a log over a PostgreSQL database, printing one
 * line per step it finished, so that the parent knows what was acknowledged when it kills it.
 *
 * <ul>
 *   <li>{@code reports URL USER SEED}: records {@code m-1}, prints {@code job <id>}, then applies the
 *       report stream of {@link CrashTest#reportBatches} and prints {@code ack <n>} after each batch
 *       the log applied (after {@code acceptReports} returned), then {@code done}.</li>
 *   <li>{@code handover URL USER PROVIDER}: records {@code m-1} for two services (mail, phones);
 *       prints {@code accepted <key> <job>} when a service accepted a batch, and stops for ever
 *       inside the submit of the service named PROVIDER after printing {@code in-submit <key>}.</li>
 * </ul>
 */
public final class CrashChild {

    private CrashChild() {
    }

    /**
     * Runs one mode (see the class comment).
     *
     * @param args the mode and its arguments
     * @throws Exception when the mode fails (the parent then sees no expected line)
     */
    public static void main(String[] args) throws Exception {
        PostgresDatabase db = new PostgresDatabase("crash", args[1], args[2]);
        JdbcMessageStore store = JdbcMessageStore.create(db.dataSource());
        ManualClock clock = new ManualClock(TestMessages.T0);
        if (args[0].equals("reports")) {
            KeyedDeliveryService svc = KeyedDeliveryService.all("svc");
            try (SentMessageLog log = SentMessageLog.builder().store(store).clock(clock).nodeId("child")
                    .provider(svc).build()) {
                log.record(TestMessages.message("m-1").build());
                String job = svc.devices().get(0).jobId();
                System.out.println("job " + job);
                List<List<DeviceReport>> batches = CrashTest.reportBatches(Long.parseLong(args[3]), svc.devices());
                for (int i = 0; i < batches.size(); i++) {
                    log.acceptReports("svc", job, batches.get(i));
                    System.out.println("ack " + i);
                }
                System.out.println("done");
            }
            return;
        }
        KeyedDeliveryService mail = new KeyedDeliveryService("mail", EnumSet.of(Channel.INBOX, Channel.EMAIL));
        KeyedDeliveryService phones = new KeyedDeliveryService("phones", EnumSet.of(Channel.VOICE, Channel.TEXT));
        CountDownLatch never = new CountDownLatch(1);
        for (KeyedDeliveryService s : List.of(mail, phones)) {
            s.duringSubmit = batch -> {
                if (s.name().equals(args[3])) {
                    System.out.println("in-submit " + batch.key());
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
        SentMessageLog log = SentMessageLog.builder().store(store).clock(clock).nodeId("child").provider(mail)
                .provider(phones).providerTimeout(Duration.ofMinutes(10)).handOverLease(Duration.ofMinutes(11))
                .build();
        // what each service accepted: the parent's services remember it (DP-S6)
        mail.afterAccept = (key, job) -> System.out.println("accepted " + key + " " + job);
        phones.afterAccept = mail.afterAccept;
        log.record(TestMessages.message("m-1").build()); // never returns: the parent kills the process
    }
}
