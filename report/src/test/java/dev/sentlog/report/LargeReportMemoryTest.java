package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ReportDetail;
import java.io.OutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rendering streams (SPEC P7 at scale): a 100,000-device report in every format within the 64 MB
 * heap of the {@code memory-bound} surefire execution (report/pom.xml), where rows held in memory
 * (100,000 x 5 cells, or a whole PDF/DOCX table model) would not fit. The 500,000-device run under
 * {@code -Xmx256m} is {@code LargeReportBenchmark}.
 */
@Tag("memory")
class LargeReportMemoryTest {

    private static final int DEVICES = 100_000;
    private static Message message;

    @BeforeAll
    static void build() {
        message = ReportFixtures.large(DEVICES);
    }

    /** Counts bytes and line feeds, keeps the last bytes; holds nothing else. */
    static final class Counting extends OutputStream {
        long bytes;
        long lines;
        final byte[] tail = new byte[8];

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    @DisplayName("P7, E2: a 100,000-device report, outcome chart included, renders in every format within a 64 MB heap")
    void rendersWithinBoundedMemory(ReportFormat format) {
        Counting out = new Counting();
        ReportFixtures.reports().write(message, ReportFixtures.applicable(message, ReportDetail.ALL, format), out);
        assertThat(Runtime.getRuntime().maxMemory()).as("run by the memory-bound execution")
                .isLessThanOrEqualTo(80L << 20);
        // E2: the chart is a count per channel and outcome, whatever the number of devices
        int charted = ReportFixtures.reports().model(message, ReportFixtures.applicable(message, ReportDetail.ALL, format))
                .outcomeChart().stream().mapToInt(dev.sentlog.report.model.ChannelOutcomes::devices).sum();
        assertThat(charted).isEqualTo(DEVICES);
        switch (format) {
            case CSV:
                assertThat(out.lines).isGreaterThan(DEVICES);
                break;
            case PDF:
                assertThat(new String(out.tail, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("%%EOF");
                assertThat(out.bytes).isGreaterThan(DEVICES * 20L);
                break;
            default:
                assertThat(out.bytes).isGreaterThan(DEVICES);
                break;
        }
    }
}
