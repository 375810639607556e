package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The log kept in PostgreSQL: it outlives its instance (N1) and survives lost connections (N4). */
class LogOnPostgresTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresDatabase freshDatabase() {
        return PostgresCluster.shared().createDatabase("log_on_pg_" + DATABASES.incrementAndGet());
    }

    @Test
    @DisplayName("N1 a new log over the same database shows every recorded message, its state and its device "
            + "outcomes, and goes on applying reports")
    void outlivesTheLogInstance() {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore.migrate(db.dataSource());
        ScriptedProvider provider = ScriptedProvider.all("sim");
        Message before;
        String job;
        try (LogHarness h = new LogHarness(provider, b -> b.store(JdbcMessageStore.create(db.dataSource())))) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("0.2", DeviceOutcome.call(5), true);
            before = h.snapshot("m-1");
            job = provider.onlyJob();
        }

        try (LogHarness h = new LogHarness(provider, b -> b.store(JdbcMessageStore.create(db.dataSource())))) {
            assertThat(h.snapshot("m-1")).isEqualTo(before);
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);
            ReportsApplied applied = h.log.acceptReports("sim", job, List.of(DeviceReport.of("0.1",
                    DeviceOutcome.of(DeviceStatus.FAILED), false, "r", 10, TestMessages.T0)));
            assertThat(applied.applied()).isEqualTo(1);
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.1").outcome())
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED));
        }
    }

    @Test
    @DisplayName("N4 connections lost while the log applies a report: acceptReports throws StoreUnavailableException "
            + "and changed nothing; sent again, the report is applied")
    void lostConnectionWhileApplyingAReport() {
        PostgresDatabase db = freshDatabase();
        FailingCallbackStore store = new FailingCallbackStore(JdbcMessageStore.migrate(db.dataSource()),
                () -> PostgresCluster.shared().terminateConnections(db.name()));
        ScriptedProvider provider = ScriptedProvider.all("sim");
        try (LogHarness h = new LogHarness(provider, b -> b.store(store))) {
            h.log.record(message("m-1").build());
            Message before = h.snapshot("m-1");
            List<DeviceReport> report = List.of(DeviceReport.of("0.1", DeviceOutcome.of(DeviceStatus.SENT), false,
                    "r", 10, TestMessages.T0));

            store.failNext.set(true);
            assertThatThrownBy(() -> h.log.acceptReports("sim", provider.onlyJob(), report))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("m-1");
            assertThat(h.snapshot("m-1")).as("nothing half-applied").isEqualTo(before);

            assertThat(h.log.acceptReports("sim", provider.onlyJob(), report).applied()).isEqualTo(1);
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.1").outcome())
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.SENT));
            assertThat(h.log.select(admin(), "m-1").row().status()).isEqualTo(MessageStatus.IN_PROGRESS);
        }
    }
}
