package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reports whose values used to collide with the log's own (issue 17, points 3 to 5): sequences the
 * log used as markers, a queued text against a confirmation, a PENDING report.
 */
class ReportValueSpaceTest {

    private static final DeviceOutcome SENT = DeviceOutcome.of(DeviceStatus.SENT);
    private static final DeviceOutcome FAILED = DeviceOutcome.of(DeviceStatus.FAILED);
    private static final DeviceOutcome IN_PROGRESS = DeviceOutcome.of(DeviceStatus.IN_PROGRESS);
    private static final DeviceOutcome PENDING = DeviceOutcome.of(DeviceStatus.PENDING);
    private static final DeviceOutcome CANCELED = DeviceOutcome.of(DeviceStatus.CANCELED);

    private static DeviceReport report(String device, DeviceOutcome outcome, boolean confirmed, long sequence) {
        return DeviceReport.of(device, outcome, confirmed, "e-" + device + "-" + sequence, sequence, T0);
    }

    private static Message afterPushing(List<DeviceReport> reports) {
        return LogHarness.afterPushingOneByOne(reports);
    }

    @Provide
    Arbitrary<List<DeviceReport>> unattemptedPhonesAndConfirmations() {
        Arbitrary<DeviceReport> one = Arbitraries.of(
                report("0.2", DeviceOutcome.call(5), true, 20), report("2.1", DeviceOutcome.call(6), true, 21),
                report("0.3", DeviceOutcome.call(-39), false, 3), report("2.2", DeviceOutcome.call(-39), false, 4),
                report("1.0", IN_PROGRESS, false, 5), report("0.3", DeviceOutcome.call(-39), false, 6));
        return one.list().ofMaxSize(8);
    }

    @Property(tries = 200)
    @Label("R3 R2: confirmations and reports showing no attempt yet end the same in any order")
    void r3_noAttemptYetAndConfirmationsAreOrderIndependent(
            @ForAll("unattemptedPhonesAndConfirmations") List<DeviceReport> reports, @ForAll long seed) {
        List<DeviceReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(seed));
        Message inOrder = afterPushing(reports);
        Message reordered = afterPushing(shuffled);
        assertThat(LogHarness.devices(reordered)).isEqualTo(LogHarness.devices(inOrder));
        assertThat(reordered.status()).isEqualTo(inOrder.status());
    }

    @Test
    @DisplayName("R2: Sent (sequence 5) and Failed (sequence MAX-1) end the same in either order")
    void r2_aSequenceOfMaxMinusOneIsAnOrdinarySequence() {
        DeviceReport sent = report("0.1", SENT, false, 5);
        DeviceReport failed = report("0.1", FAILED, false, Long.MAX_VALUE - 1);
        Message sentFirst = afterPushing(List.of(sent, failed));
        Message failedFirst = afterPushing(List.of(failed, sent));
        assertThat(LogHarness.device(sentFirst, "0.1").outcome()).isEqualTo(FAILED);
        assertThat(LogHarness.device(failedFirst, "0.1").outcome()).as("R2: order-independent").isEqualTo(FAILED);
    }

    @Test
    @DisplayName("R2: an In-Progress report with sequence MAX is replaced by a final one")
    void r2_anInProgressReportWithTheGreatestSequenceIsStillReplacedByAFinalOne() {
        Message m = afterPushing(List.of(report("0.1", IN_PROGRESS, false, Long.MAX_VALUE),
                report("0.1", SENT, false, 1)));
        assertThat(LogHarness.device(m, "0.1").outcome()).as("R2: a final outcome beats a non-final one")
                .isEqualTo(SENT);
    }

    /** Every device of the seed message final except Heather's text 0.3 and her second voice 1.0. */
    private static List<DeviceReport> othersFinal() {
        return List.of(report("0.0", SENT, false, 1), report("0.1", SENT, false, 2),
                report("2.1", DeviceOutcome.call(6), false, 3), report("2.2", DeviceOutcome.call(-28), false, 4));
    }

    @Test
    @DisplayName("R3 R2: a confirmed call and a queued text (-39) end the same in either order: text Canceled, Sent")
    void r3_aQueuedTextIsStoppedByAConfirmationWhicheverArrivesFirst() {
        DeviceReport confirmed = report("0.2", DeviceOutcome.call(5), true, 10);
        DeviceReport queued = report("0.3", DeviceOutcome.call(-39), false, 11);
        List<DeviceReport> textFirst = new ArrayList<>(othersFinal());
        textFirst.add(queued);
        textFirst.add(confirmed);
        List<DeviceReport> confirmationFirst = new ArrayList<>(othersFinal());
        confirmationFirst.add(confirmed);
        confirmationFirst.add(queued);
        Message a = afterPushing(textFirst);
        Message b = afterPushing(confirmationFirst);
        assertThat(LogHarness.device(a, "0.3").outcome()).as("R3: a queued text was not attempted")
                .isEqualTo(CANCELED);
        assertThat(LogHarness.device(b, "0.3").outcome()).isEqualTo(CANCELED);
        assertThat(a.status()).as("M3").isEqualTo(MessageStatus.SENT);
        assertThat(b.status()).as("M3").isEqualTo(MessageStatus.SENT);
        assertThat(LogHarness.devices(a)).as("R2: the order changes nothing").isEqualTo(LogHarness.devices(b));
    }

    @Test
    @DisplayName("R3 R2: a final report of the queued text after the confirmation still replaces the log's guess")
    void r3_theTextsFinalReportReplacesTheConfirmationsCancel() {
        List<DeviceReport> reports = new ArrayList<>(othersFinal());
        reports.add(report("0.3", DeviceOutcome.call(-39), false, 11));
        reports.add(report("0.2", DeviceOutcome.call(5), true, 12));
        reports.add(report("0.3", DeviceOutcome.call(-28), false, 13));
        assertThat(LogHarness.device(afterPushing(reports), "0.3").outcome()).isEqualTo(DeviceOutcome.call(-28));
    }

    @Test
    @DisplayName("K1: a pushed PENDING report is refused as malformed and changes nothing")
    void k1_aPushedPendingReportIsRefused() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            Throwable t = catchThrowable(() -> h.log.acceptReports("sim", job,
                    List.of(report("0.1", PENDING, false, 1))));
            assertThat(t).isInstanceOf(MalformedReportException.class).hasMessageContaining("PENDING");
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.1").outcome()).isEqualTo(IN_PROGRESS);
        }
    }

    @Test
    @DisplayName("K1 D4: a polled PENDING report is skipped; the device stays handed over")
    void k1_aPolledPendingReportIsSkipped() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.provider.reach(h.provider.onlyJob(), "0.1", PENDING, false, T0);
            h.log.refresh(TestMessages.admin(), "m-1");
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.1").outcome()).as("D4: still handed over")
                    .isEqualTo(IN_PROGRESS);
        }
    }
}
