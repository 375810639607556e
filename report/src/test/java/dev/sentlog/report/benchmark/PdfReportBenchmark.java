package dev.sentlog.report.benchmark;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.font.FontRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
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
 * The PDF report of a 100,000-device message (target: within 1.5x of the baseline) against the plain
 * way: OpenPDF with the same embedded DejaVu Sans, a five-column table with a repeated header, added
 * in chunks of 200 rows, default cells, no per-character font choice, no footer.
 *
 * <p>Run (time and allocation per report; divide by 100,000 for per row):
 * <pre>
 * mvn -B -q -Pbenchmark -pl report -am test-compile -Dreport.benchmark=PdfReportBenchmark -Djmh.args="-prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PdfReportBenchmark extends ReportBenchmarkBase {

    @Override
    protected ReportFormat format() {
        return ReportFormat.PDF;
    }


    /** The Sent Message Report as PDF. */
    @Benchmark
    public void report() {
        writeReport();
    }

    /** The plain way: chunked OpenPDF table of the same rows with the same font. */
    @Benchmark
    public void plainOpenPdf() throws IOException {
        BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                FontRegistry.bundled().regular().bytes(), null);
        Font font = new Font(base, 8);
        Document doc = new Document(PageSize.LETTER, 36, 36, 40, 52);
        PdfWriter.getInstance(doc, OutputStream.nullOutputStream());
        doc.open();
        PdfPTable t = new PdfPTable(5);
        t.setWidthPercentage(100);
        t.setWidths(new float[] {18, 16, 28, 20, 18});
        t.setHeaderRows(1);
        t.setComplete(false);
        for (String c : BenchmarkMessages.COLUMNS) {
            t.addCell(new Phrase(c, font));
        }
        String[] cells = new String[5];
        int n = 0;
        for (RecipientEntry e : message.recipients()) {
            for (Device d : e.devices()) {
                BenchmarkMessages.cells(e, d, cells);
                for (String c : cells) {
                    t.addCell(new Phrase(c, font));
                }
                if (++n % 200 == 0) {
                    doc.add(t);
                }
            }
        }
        t.setComplete(true);
        doc.add(t);
        doc.close();
    }
}
