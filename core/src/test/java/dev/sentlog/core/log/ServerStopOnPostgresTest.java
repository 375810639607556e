package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC N4 with the PostgreSQL server itself stopped (a private throwaway cluster, killed as a crash
 * would stop it): the call fails with {@link StoreUnavailableException}, nothing is half-applied,
 * and the same log works again once the server is back.
 */
class ServerStopOnPostgresTest {

    @Test
    @DisplayName("N4 N1 the server stopped in the middle of applying reports: the call fails with "
            + "StoreUnavailableException, nothing of it is applied, calls fail the same way while it is down, and the "
            + "same log works again after the restart")
    void serverStoppedMidRun() {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            JdbcMessageStore.migrate(cluster.database().dataSource());
            FailingCallbackStore store = new FailingCallbackStore(
                    JdbcMessageStore.create(cluster.database().dataSource()), cluster::kill);
            KeyedDeliveryService svc = KeyedDeliveryService.all("svc");
            try (SentMessageLog log = SentMessageLog.builder().store(store).clock(new ManualClock(T0)).provider(svc)
                    .build()) {
                log.record(message("m-1").build());
                String job = svc.devices().get(0).jobId();
                Message before = log.printable(admin(), "m-1");
                List<DeviceReport> reports = List.of(
                        DeviceReport.of("0.0", DeviceOutcome.of(DeviceStatus.SENT), false, "e1", 2, T0),
                        DeviceReport.of("0.1", DeviceOutcome.of(DeviceStatus.FAILED), false, "e2", 2, T0));

                store.failNext.set(true);
                assertThatThrownBy(() -> log.acceptReports("svc", job, reports)).as("N4 mid-call")
                        .isInstanceOf(StoreUnavailableException.class);
                assertThat(cluster.isRunning()).isFalse();
                assertThatThrownBy(() -> log.record(message("m-2").build())).as("N4 while down")
                        .isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(log::tick).as("N4 tick while down").isInstanceOf(StoreUnavailableException.class);

                cluster.restart();

                assertThat(log.printable(admin(), "m-1")).as("N4 nothing half-applied").isEqualTo(before);
                assertThat(store.header("m-2")).as("N4 N1 a failed record changed nothing").isEmpty();
                assertThat(log.acceptReports("svc", job, reports).applied()).as("N4 works again").isEqualTo(2);
                assertThat(log.record(message("m-2").build())).isEqualTo(MessageStatus.IN_PROGRESS);
                assertThat(log.printable(admin(), "m-1").recipients().get(0).devices().get(0).outcome())
                        .isEqualTo(DeviceOutcome.of(DeviceStatus.SENT));
            }
        }
    }
}
