package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.FeedbackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC H5 with R2 as a property: feedback pushed in any interleaving with device reports leaves
 * every outcome, the message status and the Delivery Summary exactly as the reports alone leave them.
 */
class EngagementPropertyTest {

    private static final Map<String, List<DeviceOutcome>> OUTCOMES = Map.of(
            "0.1", List.of(DeviceOutcome.of(DeviceStatus.IN_PROGRESS), DeviceOutcome.of(DeviceStatus.SENT),
                    DeviceOutcome.of(DeviceStatus.FAILED)),
            "0.2", List.of(DeviceOutcome.call(5), DeviceOutcome.call(17), DeviceOutcome.call(-2)),
            "0.3", List.of(DeviceOutcome.call(-39), DeviceOutcome.call(-28), DeviceOutcome.of(DeviceStatus.OPTED_OUT)),
            "2.2", List.of(DeviceOutcome.call(-27), DeviceOutcome.call(-33), DeviceOutcome.call(-30)));

    /** The Email and Text devices of the seed message: those that carry feedback. */
    private static final List<String> FEEDBACK_DEVICES = List.of("0.1", "0.3", "2.2");

    /** One step: a report or a feedback, pushed alone. */
    private record Step(DeviceReport report, DeviceFeedback feedback) {
    }

    @Provide
    Arbitrary<List<DeviceReport>> reports() {
        return ReportOrderPropertyTest.reportsOn(OUTCOMES, 20);
    }

    @Provide
    Arbitrary<List<DeviceFeedback>> feedback() {
        Arbitrary<DeviceFeedback> one = Combinators.combine(Arbitraries.of(FEEDBACK_DEVICES),
                Arbitraries.of(FeedbackKind.class), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 6))
                .as((device, kind, event, minute) -> new DeviceFeedback(device, kind, "f-" + event,
                        T0.plusSeconds(60L * minute)));
        return one.list().ofMinSize(1).ofMaxSize(15);
    }

    @Property(tries = 80)
    void H5_R2_feedbackInAnyInterleavingWithReportsChangesNoOutcomeStatusOrSummary(
            @ForAll("reports") List<DeviceReport> reports, @ForAll("feedback") List<DeviceFeedback> feedback,
            @ForAll long seed) {
        List<Step> alone = new ArrayList<>();
        reports.forEach(r -> alone.add(new Step(r, null)));
        List<Step> mixed = interleave(reports, feedback, new Random(seed));

        Outcome without = run(alone);
        Outcome with = run(mixed);

        assertThat(with.message()).as("R2: devices, outcomes and status").isEqualTo(without.message());
        assertThat(with.summary()).as("R2: Delivery Summary").isEqualTo(without.summary());
        assertThat(with.engaged()).as("H5: the feedback was recorded").isTrue();
    }

    /** The reports in their order with the feedback put between them at random places. */
    private static List<Step> interleave(List<DeviceReport> reports, List<DeviceFeedback> feedback, Random random) {
        List<Step> out = new ArrayList<>();
        int r = 0;
        int f = 0;
        while (r < reports.size() || f < feedback.size()) {
            boolean takeReport = f == feedback.size() || r < reports.size() && random.nextBoolean();
            out.add(takeReport ? new Step(reports.get(r++), null) : new Step(null, feedback.get(f++)));
        }
        return out;
    }

    private record Outcome(Message message, DeliverySummary summary, boolean engaged) {
    }

    private static Outcome run(List<Step> steps) {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            String job = h.provider.onlyJob();
            for (Step s : steps) {
                if (s.report() != null) {
                    h.log.acceptReports("sim", job, List.of(s.report()));
                } else {
                    h.log.acceptFeedback("sim", job, List.of(s.feedback()));
                }
            }
            return new Outcome(h.snapshot("m-1"), h.log.select(admin(), "m-1").summary(),
                    !h.log.engagement(admin(), "m-1").isEmpty());
        }
    }
}
