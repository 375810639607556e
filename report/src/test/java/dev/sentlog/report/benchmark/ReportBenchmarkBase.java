package dev.sentlog.report.benchmark;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.ReportFixtures;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import java.io.OutputStream;
import org.openjdk.jmh.annotations.Setup;

/** The state every report benchmark shares: one large message, the options and the report writer. */
public abstract class ReportBenchmarkBase {

    /** The message reported on. */
    protected Message message;
    private ReportOptions options;
    private SentMessageReport reports;

    /** The format under test. */
    protected abstract ReportFormat format();

    /** The message's device count; 100,000 unless a benchmark says otherwise. */
    protected int devices() {
        return BenchmarkMessages.DEVICES;
    }

    /** Builds the message once per fork. */
    @Setup
    public void setUp() {
        message = ReportFixtures.large(devices());
        options = ReportFixtures.applicable(message, ReportDetail.ALL, format());
        reports = ReportFixtures.reports();
    }

    /** Writes the whole report to a stream that discards it. */
    protected void writeReport() {
        reports.write(message, options, OutputStream.nullOutputStream());
    }
}
