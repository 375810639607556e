package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.message;
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
        Arbitrary<DeviceReport> one = Arbitraries.of(List.copyOf(OUTCOMES.keySet())).flatMap(device ->
                Combinators.combine(Arbitraries.of(OUTCOMES.get(device)), Arbitraries.longs().between(0, 4),
                        Arbitraries.integers().between(0, 3)).as((o, seq, minute) -> DeviceReport.of(device, o, false,
                        device + "/" + seq + "/" + minute + "/" + o.display(), seq, T0.plusSeconds(60L * minute))));
        return one.list().ofMaxSize(30);
    }

    @Property(tries = 100)
    void R2_applyingReportsIsIdempotentAndOrderIndependent(@ForAll("reports") List<DeviceReport> reports,
                                                            @ForAll long seed) {
        List<DeviceReport> shuffled = new ArrayList<>(reports);
        shuffled.addAll(reports.subList(0, reports.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(applied(shuffled)).isEqualTo(applied(reports));
    }

    private static Message applied(List<DeviceReport> reports) {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            for (DeviceReport r : reports) {
                h.log.acceptReports("sim", job, List.of(r));
            }
            return h.snapshot("m-1");
        }
    }
}
