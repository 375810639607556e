package dev.sentlog.report.benchmark;

import dev.sentlog.report.ReportFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory bound: a 500,000-device message (about 80 MB of heap itself) renders in every format in
 * a JVM limited to {@code -Xmx256m}. An out-of-memory error ends the fork and fails the run.
 *
 * <p>Run:
 * <pre>
 * mvn -B -q -Pbenchmark -pl report -am test-compile -Dreport.benchmark=LargeReportBenchmark -Djmh.args="-prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+ExitOnOutOfMemoryError"})
public class LargeReportBenchmark extends ReportBenchmarkBase {

    /** The format. */
    @Param({"CSV", "DOCX", "PDF"})
    public ReportFormat format;

    @Override
    protected ReportFormat format() {
        return format;
    }

    @Override
    protected int devices() {
        return 500_000;
    }


    /** The whole report of 500,000 devices. */
    @Benchmark
    public void report() {
        writeReport();
    }
}
