package dev.sentlog.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.benchmark.ReportApplyBenchmark;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.kit.MessageStoreCompatibilityKit;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC E3, E4 and N3 on PostgreSQL: two log instances over one database, as two app nodes. Reports
 * applied on one node reach a subscriber on the other through {@code LISTEN/NOTIFY} with the
 * {@link PgNotificationPoller}, each change once and in order, and the maintained summary read on
 * either node equals the analysis of the stored devices.
 */
class TwoNodesLiveSummaryTest {

    private static final Instant T0 = Instant.parse("2026-01-12T14:00:00Z");
    private static final Caller ADMIN = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class),
            Set.of()).inAdministrationLog();

    private static SentMessageLog node(DataSource ds, boolean listening) {
        JdbcMessageStore store = JdbcMessageStore.create(ds);
        SentMessageLog.Builder b = SentMessageLog.builder().store(store).provider(new ReportApplyBenchmark.NullProvider())
                .clock(Clock.fixed(T0, ZoneOffset.UTC));
        if (listening) {
            b.changeFeed(store.changeFeed(new PgNotificationPoller()));
        }
        return b.build();
    }

    @Test
    @DisplayName("E4 E3 N3 changes applied on one node reach a subscriber on another node through LISTEN/NOTIFY, "
            + "once and in order, and both read the maintained summary equal to the analysis")
    void changesReachTheOtherNode() throws Exception {
        DataSource ds = PostgresCluster.shared().createDatabase("two_nodes_live").dataSource();
        JdbcMessageStore.migrate(ds);
        try (SentMessageLog a = node(ds, false); SentMessageLog b = node(ds, true)) {
            a.record(MessageStoreCompatibilityKit.shared("m-1"));
            BlockingQueue<MessageChange> events = new LinkedBlockingQueue<>();
            b.subscribe(ADMIN, "m-1", events::add);
            MessageChange first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.kind()).isEqualTo(MessageChange.Kind.CURRENT);
            assertThat(first.status()).isEqualTo(MessageStatus.IN_PROGRESS);

            List<DeviceReport> reports = List.of(
                    DeviceReport.of("0.1", DeviceOutcome.of(DeviceStatus.SENT), false, "e1", 1, T0.plusSeconds(5)),
                    DeviceReport.of("1.0", DeviceOutcome.call(5), false, "e2", 1, T0.plusSeconds(9)),
                    DeviceReport.of("0.2", DeviceOutcome.call(-33), false, "e3", 1, T0.plusSeconds(12)),
                    DeviceReport.of("1.3", DeviceOutcome.call(-28), false, "e4", 1, T0.plusSeconds(15)),
                    DeviceReport.of("0.0", DeviceOutcome.call(6), false, "e5", 1, T0.plusSeconds(20)),
                    DeviceReport.of("1.2", DeviceOutcome.of(DeviceStatus.SENT), false, "e6", 1, T0.plusSeconds(25)),
                    DeviceReport.of("3.0", DeviceOutcome.call(-28), false, "e7", 1, T0.plusSeconds(28)),
                    DeviceReport.of("1.1", DeviceOutcome.of(DeviceStatus.FAILED), false, "e8", 1, T0.plusSeconds(30)));
            List<MessageChange> seenOnA = new ArrayList<>();
            for (DeviceReport r : reports) {
                a.acceptReports("null", "job-m-1", List.of(r));
                seenOnA.add(a.current(ADMIN, "m-1"));
            }
            MessageChange last = seenOnA.get(seenOnA.size() - 1);
            List<MessageChange> received = new ArrayList<>();
            while (received.isEmpty() || !sameState(received.get(received.size() - 1), last)) {
                MessageChange c = events.poll(10, TimeUnit.SECONDS);
                assertThat(c).as("a change from the other node within 10 s; so far %s", received).isNotNull();
                received.add(c);
            }

            for (int i = 0; i < received.size(); i++) {
                assertThat(received.get(i).sequence()).as("once and in order").isEqualTo(first.sequence() + i + 1);
                assertThat(sameState(received.get(i), i == 0 ? first : received.get(i - 1))).isFalse();
            }
            int from = 0;
            for (MessageChange seen : seenOnA) {
                while (from < received.size() && !sameState(received.get(from), seen)) {
                    from++;
                }
                assertThat(from).as("node A's state %s reached node B in order", seen).isLessThan(received.size());
            }
            Message stored = b.printable(ADMIN, "m-1");
            assertThat(last.status()).isEqualTo(MessageStatus.SENT);
            assertThat(last.summary()).isEqualTo(DeliverySummary.of(stored));
            assertThat(b.current(ADMIN, "m-1").summary()).isEqualTo(DeliverySummary.of(stored));
            assertThat(JdbcMessageStore.create(ds).summary("m-1").orElseThrow().figures())
                    .isEqualTo(SummaryFigures.of(DeliveryAnalysis.of(stored)));
        }
    }

    private static boolean sameState(MessageChange x, MessageChange y) {
        return x.status() == y.status() && x.summary().equals(y.summary());
    }
}
