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

/** {@code report --in FILE.json --format … --detail … [--devices …] --out FILE}: writes the report (SPEC L3). */
final class ReportCommand implements Command {

    private final Clock clock;

    ReportCommand() {
        this(Clock.systemUTC());
    }

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write the Sent Message Report of a message file as PDF, CSV or DOCX";
    }

    @Override
    public Set<String> options() {
        return Set.of("in", "format", "detail", "devices", "out", "zone");
    }

    @Override
    public String help() {
        return """
                Usage: java -jar sentlog.jar report --in FILE.json --format pdf|csv|docx
                                                    --detail all|summary|failed
                                                    [--devices inbox,email,voice,text,nodevice]
                                                    --out FILE [--zone ZONE]

                Writes the Sent Message Report (SPEC section 9) of a message in the
                "sentlog-message/1" JSON format.

                Options:
                  --in FILE.json   the message file (required)
                  --format F       pdf, csv or docx (required)
                  --detail D       all (header, summary, criteria, message detail, every delivery row),
                                   summary (header and Delivery Summary) or failed (the rows of each
                                   recipient with a failed device; not for Waiting or In-Progress
                                   messages) (required)
                  --devices LIST   the delivery devices to include, comma-separated; only the
                                   message's delivery modes, plus nodevice (default: all of them)
                  --out FILE       the report file to write (required); written whole or not at all
                  --zone ZONE      the district's time zone for every time printed, e.g.
                                   America/Chicago (default: the UTC offset of the file's createdAt)
                  --help           show this text

                Options that do not apply to the message, a missing or malformed file: one message on
                standard error, exit status 2, and no report file.""";
    }

    @Override
    public void run(Options options, PrintStream out, PrintStream err) {
        Path in = Path.of(options.require("in"));
        ReportFormat format = format(options.require("format"));
        ReportDetail detail = detail(options.require("detail"));
        Path target = Path.of(options.require("out"));
        ImportedMessage imported = MessageFiles.read(name(), in);
        ZoneId zone = options.zone().orElse(imported.createdAtOffset());
        Set<DeviceChoice> devices = options.get("devices").map(this::devices)
                .orElseGet(() -> allDevices(imported));
        ReportOptions reportOptions = ReportOptions.of(devices, detail, format);
        try {
            SentMessageReport.validate(imported.message(), reportOptions);
        } catch (InvalidReportOptionsException e) {
            throw new UsageException("sentlog report: " + e.getMessage() + ". No report was written.", e);
        }
        SentMessageReport reports = SentMessageReport.builder().zone(zone).clock(clock).build();
        MessageFiles.writeAtomically(name(), target, o -> reports.write(imported.message(), reportOptions, o));
        out.println("Wrote the " + detail.label() + " " + format + " report of message " + imported.message().id()
                + " to " + target);
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
