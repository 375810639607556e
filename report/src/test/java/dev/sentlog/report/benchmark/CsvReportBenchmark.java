package dev.sentlog.report.benchmark;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.report.ReportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * The CSV report of a 100,000-device message (target: within 1.3x of the baseline) against the plain
 * way: commons-csv printing the same rows straight from the recipient list (no analysis, no marks,
 * no formula guard).
 *
 * <p>Run (time and allocation per report; divide by 100,000 for per row):
 * <pre>
 * mvn -B -q -Pbenchmark -pl report -am test-compile -Dreport.benchmark=CsvReportBenchmark -Djmh.args="-prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CsvReportBenchmark extends ReportBenchmarkBase {

    @Override
    protected ReportFormat format() {
        return ReportFormat.CSV;
    }


    /** The Sent Message Report as CSV. */
    @Benchmark
    public void report() {
        writeReport();
    }

    /** The plain way: the same rows with commons-csv. */
    @Benchmark
    public void plainCommonsCsv() throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord((Object[]) BenchmarkMessages.COLUMNS);
        String[] cells = new String[5];
        for (RecipientEntry e : message.recipients()) {
            for (Device d : e.devices()) {
                BenchmarkMessages.cells(e, d, cells);
                for (String c : cells) {
                    p.print(c);
                }
                p.println();
            }
        }
        p.flush();
    }
}
