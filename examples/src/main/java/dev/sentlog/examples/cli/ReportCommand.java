package dev.sentlog.examples.cli;

import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.examples.json.ImportedMessage;
import dev.sentlog.report.InvalidReportOptionsException;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report --in FILE.json --format … --detail … [--devices …] --out FILE}: writes the report (SPEC L3). */
@picocli.CommandLine.Command(name = "report", sortOptions = false,
        header = "write the Sent Message Report of a message file as PDF, CSV or DOCX",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Writes the Sent Message Report (SPEC section 9) of a message in the \"sentlog-message/1\""
                + " JSON format.",
        footerHeading = "%n",
        footer = "Options that do not apply to the message, a missing or malformed file: one message on standard"
                + " error, exit status 2, and no report file.")
final class ReportCommand implements Command {

    private final Clock clock;

    @Option(names = "--in", paramLabel = "FILE.json", required = true, description = "the message file")
    String in;

    @Option(names = "--format", paramLabel = "pdf|csv|docx", required = true, description = "the report's format")
    String format;

    @Option(names = "--detail", paramLabel = "all|summary|failed", required = true,
            description = "all (header, summary, criteria, message detail, every delivery row), summary (header and"
                    + " Delivery Summary) or failed (the rows of each recipient with a failed device; not for Waiting"
                    + " or In-Progress messages)")
    String detail;

    @Option(names = "--devices", paramLabel = "LIST",
            description = "the delivery devices to include, comma-separated from inbox, email, voice, text and"
                    + " nodevice; only the message's delivery modes, plus nodevice (default: all of them)")
    String devices;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "the report file to write; written whole or not at all")
    String outFile;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "the district's time zone for every time printed, e.g. America/Chicago (default: the UTC"
                    + " offset of the file's createdAt)")
    String zone;

    @Mixin
    HelpOption help;

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        Path input = Path.of(Options.require(name(), "in", in));
        ReportFormat reportFormat = format(Options.require(name(), "format", format));
        ReportDetail reportDetail = detail(Options.require(name(), "detail", detail));
        Path target = Path.of(Options.require(name(), "out", outFile));
        ImportedMessage imported = MessageFiles.read(name(), input);
        ZoneId reportZone = Options.zone(name(), zone).orElse(imported.createdAtOffset());
        Set<DeviceChoice> choices = devices == null ? allDevices(imported) : devices(devices);
        ReportOptions reportOptions = ReportOptions.of(choices, reportDetail, reportFormat);
        try {
            SentMessageReport.validate(imported.message(), reportOptions);
        } catch (InvalidReportOptionsException e) {
            throw new UsageException("sentlog report: " + e.getMessage() + ". No report was written.", e);
        }
        SentMessageReport reports = SentMessageReport.builder().zone(reportZone).clock(clock).build();
        MessageFiles.writeAtomically(name(), target, o -> reports.write(imported.message(), reportOptions, o));
        out.println("Wrote the " + reportDetail.label() + " " + reportFormat + " report of message "
                + imported.message().id() + " to " + target);
    }

    private static Set<DeviceChoice> allDevices(ImportedMessage imported) {
        Set<DeviceChoice> all = EnumSet.of(DeviceChoice.NO_DEVICE);
        imported.message().deliveryModes().forEach(c -> all.add(DeviceChoice.of(c)));
        return all;
    }

    private ReportFormat format(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "pdf" -> ReportFormat.PDF;
            case "csv" -> ReportFormat.CSV;
            case "docx" -> ReportFormat.DOCX;
            default -> throw Options.usage(name(), "--format must be pdf, csv or docx, not '" + value + "'");
        };
    }

    private ReportDetail detail(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> ReportDetail.ALL;
            case "summary" -> ReportDetail.SUMMARY;
            case "failed" -> ReportDetail.FAILED_DELIVERY;
            default -> throw Options.usage(name(), "--detail must be all, summary or failed, not '" + value + "'");
        };
    }

    private Set<DeviceChoice> devices(String value) {
        Set<DeviceChoice> devices = EnumSet.noneOf(DeviceChoice.class);
        for (String part : value.split(",", -1)) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            switch (p) {
                case "inbox" -> devices.add(DeviceChoice.INBOX);
                case "email" -> devices.add(DeviceChoice.EMAIL);
                case "voice" -> devices.add(DeviceChoice.VOICE);
                case "text" -> devices.add(DeviceChoice.TEXT);
                case "nodevice" -> devices.add(DeviceChoice.NO_DEVICE);
                default -> throw Options.usage(name(), "--devices takes inbox, email, voice, text and nodevice,"
                        + " comma-separated; '" + part + "' is not one of them");
            }
        }
        return devices;
    }
}
