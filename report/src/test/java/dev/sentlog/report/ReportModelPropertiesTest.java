package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.model.ChannelOutcomes;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the Delivery Detail over generated messages (SPEC P1, P5, P6, K6, C5). */
class ReportModelPropertiesTest {

    @Provide
    Arbitrary<Message> finished() {
        return MessageArbitraries.message().map(m -> m.withStatus(MessageStatus.SENT));
    }

    private static List<DetailRow> rows(Message m, ReportDetail detail) {
        ReportModel model = ReportFixtures.reports().model(m, ReportFixtures.applicable(m, detail, ReportFormat.CSV));
        List<DetailRow> rows = new ArrayList<>();
        model.rows().forEach(rows::add);
        return rows;
    }

    private static boolean counted(Message m, Device d) {
        return m.deliveryModes().contains(d.channel())
                && !dev.sentlog.core.address.Addresses.normalise(d.channel(), d.address()).isBlank();
    }

    @Property(tries = 150)
    @Label("P5: one row per device on the message's modes, plus one No Device row per entry of a person without any")
    void p5RowCount(@ForAll("finished") Message m) {
        Set<String> withDevice = new HashSet<>();
        int devices = 0;
        for (RecipientEntry e : m.recipients()) {
            for (Device d : e.devices()) {
                if (counted(m, d)) {
                    devices++;
                    withDevice.add(e.person().id());
                }
            }
        }
        long noDevice = m.recipients().stream().filter(e -> !withDevice.contains(e.person().id())).count();
        List<DetailRow> rows = rows(m, ReportDetail.ALL);
        assertThat(rows).hasSize(devices + (int) noDevice);
        assertThat(rows.stream().filter(r -> r.device().equals(DetailRow.NO_DEVICE))).hasSize((int) noDevice);
    }

    @Property(tries = 150)
    @Label("P6: * only when the message used Voice or Text; \u2020 rows are never the first of their address")
    void p6Marks(@ForAll("finished") Message m) {
        List<DetailRow> rows = rows(m, ReportDetail.ALL);
        if (!m.usesPhone()) {
            assertThat(rows).noneMatch(DetailRow::notContactedByPhone);
        }
        assertThat(rows).filteredOn(r -> r.device().equals(DetailRow.NO_DEVICE)).noneMatch(DetailRow::duplicate);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).duplicate()) {
                String device = rows.get(i).device();
                assertThat(rows.subList(0, i)).as("an earlier row on the same channel exists for %s", device)
                        .anyMatch(r -> r.device().substring(0, r.device().indexOf(':') + 1)
                                .equals(device.substring(0, device.indexOf(':') + 1)));
            }
        }
    }

    @Property(tries = 150)
    @Label("P1, K6, C5: Failed Delivery keeps, in order, every row of exactly the persons with a failed device")
    void failedDeliveryIsTheFailedPersonsRows(@ForAll("finished") Message m) {
        OutcomeClassifier c = OutcomeClassifier.standard();
        Set<String> failedNames = new HashSet<>();
        Set<String> okNames = new HashSet<>();
        for (RecipientEntry e : m.recipients()) {
            boolean failed = e.devices().stream().anyMatch(d -> counted(m, d)
                    && c.classify(d.channel(), d.outcome(), d.confirmed()) == OutcomeClass.FAILURE);
            (failed ? failedNames : okNames).add(e.person().id());
        }
        List<DetailRow> all = rows(m, ReportDetail.ALL);
        List<DetailRow> failed = rows(m, ReportDetail.FAILED_DELIVERY);
        List<DetailRow> expected = new ArrayList<>();
        int row = 0;
        for (RecipientEntry e : m.recipients()) {
            int n = (int) e.devices().stream().filter(d -> counted(m, d)).count();
            boolean noDeviceRow = all.size() > row && all.get(row).device().equals(DetailRow.NO_DEVICE)
                    && all.get(row).recipient().equals(e.person().name());
            int count = n == 0 && noDeviceRow ? 1 : n;
            if (failedNames.contains(e.person().id())) {
                expected.addAll(all.subList(row, row + count));
            }
            row += count;
        }
        assertThat(row).isEqualTo(all.size());
        assertThat(failed).containsExactlyElementsOf(expected);
        assertThat(failed).noneMatch(r -> r.device().equals(DetailRow.NO_DEVICE));
    }

    @Property(tries = 150)
    @Label("E2: the chart has one channel per delivery mode; its bars count that channel's devices by outcome class and add"
            + " up to its Delivery Detail rows")
    void e2ChartCountsDevicesByOutcome(@ForAll("finished") Message m) {
        ReportModel model = ReportFixtures.reports().model(m, ReportFixtures.applicable(m, ReportDetail.ALL,
                ReportFormat.PDF));
        List<dev.sentlog.spi.Channel> modes = m.deliveryModes().stream().sorted().toList();
        assertThat(model.outcomeChart()).extracting(ChannelOutcomes::channel).containsExactlyElementsOf(modes);
        List<DetailRow> rows = rows(m, ReportDetail.ALL);
        for (ChannelOutcomes c : model.outcomeChart()) {
            for (ChannelOutcomes.OutcomeCount bar : c.counts()) {
                long expected = m.recipients().stream().flatMap(e -> e.devices().stream())
                        .filter(d -> d.channel() == c.channel() && counted(m, d))
                        .filter(d -> OutcomeClassifier.standard().classify(d.channel(), d.outcome(), d.confirmed())
                                == bar.outcome().outcomeClass())
                        .count();
                assertThat(bar.devices()).as("%s %s", c.channel(), bar.outcome()).isEqualTo(expected);
            }
            long detailRows = rows.stream().filter(r -> r.device().startsWith(c.channel().label() + ": ")).count();
            assertThat(c.devices()).as("%s bars add up to its rows", c.channel()).isEqualTo(detailRows);
            assertThat(c.tableRow()).hasSize(ReportModel.OUTCOME_COLUMNS.size());
        }
    }
}
