package dev.sentlog.core.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.core.totals.SummaryLedger;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: both implementations give the same totals on its data. */
class TotalsBenchmarkCheckTest {

    @Test
    @DisplayName("D4: the benchmark's baseline and the analysis agree on a 50,000-device district message")
    void baselineAgrees() {
        var entries = TotalsBenchmark.districtMessage(50_000, new Random(7));
        var modes = EnumSet.allOf(Channel.class);
        var k = OutcomeClassifier.standard();
        assertThat(DeliveryAnalysis.of(entries, modes, k).totals())
                .isEqualTo(TotalsBenchmark.straightforward(entries, modes, k));
    }

    @Test
    @DisplayName("D4 E3: on the personal shape (one entry per person, re-cased and padded e-mails, three phone "
            + "spellings) the baseline, the analysis and a summary ledger agree")
    void personalShapeAgrees() {
        var entries = TotalsBenchmark.personalMessage(50_000, new Random(7));
        var modes = EnumSet.allOf(Channel.class);
        var k = OutcomeClassifier.standard();
        var analysis = DeliveryAnalysis.of(entries, modes, k);
        assertThat(analysis.totals()).isEqualTo(TotalsBenchmark.straightforward(entries, modes, k));
        assertThat(analysis.totals().totalVoice()).as("numbers are shared").isLessThan(entries.size() / 2);
        assertThat(SummaryLedger.of(entries, modes, k).figures()).isEqualTo(SummaryFigures.of(analysis));
    }
}
