package dev.sentlog.report.benchmark;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DOCX report of a 100,000-device message (target: faster than the baseline) against the plain
 * way: a POI {@code XWPFDocument} with one {@code XWPFTable} of the same rows, written at the end.
 *
 * <p>Run (time and allocation per report; divide by 100,000 for per row):
 * <pre>
 * mvn -B -q -Pbenchmark -pl report -am test-compile -Dreport.benchmark=DocxReportBenchmark -Djmh.args="-prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class DocxReportBenchmark extends ReportBenchmarkBase {

    @Override
    protected ReportFormat format() {
        return ReportFormat.DOCX;
    }


    /** The Sent Message Report as DOCX (streamed body). */
    @Benchmark
    public void report() {
        writeReport();
    }

    /** The plain way: an XWPF table of the same rows. */
    @Benchmark
    public void plainXwpfTable() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable t = doc.createTable(1, 5);
            for (int i = 0; i < 5; i++) {
                t.getRow(0).getCell(i).setText(BenchmarkMessages.COLUMNS[i]);
            }
            String[] cells = new String[5];
            for (RecipientEntry e : message.recipients()) {
                for (Device d : e.devices()) {
                    BenchmarkMessages.cells(e, d, cells);
                    XWPFTableRow r = t.createRow();
                    for (int i = 0; i < 5; i++) {
                        r.getCell(i).setText(cells[i]);
                    }
                }
            }
            doc.write(OutputStream.nullOutputStream());
        }
    }
}
