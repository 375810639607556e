package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** SPEC R2 as a property: the stored outcome depends on the set of reports only. */
class ReportOrderPropertyTest {

    private static final Map<String, List<DeviceOutcome>> OUTCOMES = Map.of(
            "0.0", List.of(DeviceOutcome.of(DeviceStatus.IN_PROGRESS), DeviceOutcome.of(DeviceStatus.SENT)),
            "0.1", List.of(DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED)),
            "0.2", List.of(DeviceOutcome.call(5), DeviceOutcome.call(17), DeviceOutcome.call(-2)),
            "0.3", List.of(DeviceOutcome.call(-39), DeviceOutcome.call(-28), DeviceOutcome.of(DeviceStatus.OPTED_OUT)),
            "1.0", List.of(DeviceOutcome.call(6), DeviceOutcome.call(17), DeviceOutcome.call(99)),
            "2.1", List.of(DeviceOutcome.call(13), DeviceOutcome.of(DeviceStatus.FAILED)),
            "2.2", List.of(DeviceOutcome.call(-27), DeviceOutcome.call(-33)));

    @Provide
    Arbitrary<List<DeviceReport>> reports() {
        return reportsOn(OUTCOMES, 30);
    }

    /**
     * Lists of reports on the seed message's devices: each a device of {@code outcomes} with one of its
     * outcomes, a sequence 0-4 and a minute 0-3 after T0; the event id names all of them.
     */
    static Arbitrary<List<DeviceReport>> reportsOn(Map<String, List<DeviceOutcome>> outcomes, int maxSize) {
        Arbitrary<DeviceReport> one = Arbitraries.of(List.copyOf(outcomes.keySet())).flatMap(device ->
                Combinators.combine(Arbitraries.of(outcomes.get(device)), Arbitraries.longs().between(0, 4),
                        Arbitraries.integers().between(0, 3)).as((o, seq, minute) -> DeviceReport.of(device, o, false,
                        device + "/" + seq + "/" + minute + "/" + o.display(), seq, T0.plusSeconds(60L * minute))));
        return one.list().ofMaxSize(maxSize);
    }

    @Property(tries = 100)
    void R2_applyingReportsIsIdempotentAndOrderIndependent(@ForAll("reports") List<DeviceReport> reports,
                                                            @ForAll long seed) {
        List<DeviceReport> shuffled = new ArrayList<>(reports);
        shuffled.addAll(reports.subList(0, reports.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(applied(shuffled)).isEqualTo(applied(reports));
    }

    /** The final outcome each phone device of the test message ends with (its provider's last word). */
    private static final Map<String, DeviceOutcome> FINAL = Map.of(
            "0.2", DeviceOutcome.call(0), "0.3", DeviceOutcome.call(-28), "1.0", DeviceOutcome.call(6),
            "2.1", DeviceOutcome.call(1), "2.2", DeviceOutcome.call(-27));

    @Provide
    Arbitrary<List<DeviceReport>> confirmingReports() {
        Arbitrary<DeviceReport> early = Arbitraries.of(List.copyOf(FINAL.keySet())).flatMap(device ->
                Combinators.combine(Arbitraries.of(DeviceOutcome.call(17), DeviceOutcome.call(-39), DeviceOutcome.call(5)),
                        Arbitraries.of(false, device.equals("0.2") || device.equals("2.1")),
                        Arbitraries.longs().between(0, 3))
                        .as((o, confirmed, seq) -> DeviceReport.of(device, o,
                                confirmed && !(o instanceof DeviceOutcome.Call c && c.code().code() == 17)
                                        && !(o instanceof DeviceOutcome.Call c2 && c2.code().code() == -39),
                                device + "/" + seq + "/" + o.display() + "/" + confirmed, seq, T0.plusSeconds(60 * seq))));
        return early.list().ofMaxSize(12).map(list -> {
            List<DeviceReport> all = new ArrayList<>(list);
            FINAL.forEach((device, outcome) -> all.add(DeviceReport.of(device, outcome, false, device + "/final", 9,
                    T0.plusSeconds(600))));
            return all;
        });
    }

    @Property(tries = 100)
    void R2_R3_withConfirmationsTheFinalOutcomesDoNotDependOnTheOrderOfReports(
            @ForAll("confirmingReports") List<DeviceReport> reports, @ForAll long seed) {
        List<DeviceReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(applied(shuffled)).isEqualTo(applied(reports));
    }

    private static Message applied(List<DeviceReport> reports) {
        return LogHarness.afterPushingOneByOne(reports);
    }
}
