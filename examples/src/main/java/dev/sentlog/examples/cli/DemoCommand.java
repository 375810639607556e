package dev.sentlog.examples.cli;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.json.MessageJson;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo [--out DIR] [--recipients N] [--seed S] [--zone ZONE] [--db JDBC-URL]}: the district
 * demo (SPEC L1), in memory or recorded into a PostgreSQL database.
 */
@picocli.CommandLine.Command(name = "demo", sortOptions = false,
        header = "run a district's messages through the log and write the reports and the JSON",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Runs a school week on the embedded defaults: an in-memory Sent Message Log and the simulated"
                + " provider, on a clock the demo moves forward. The main message goes to a generated district list"
                + " (guardians with several students, shared household phones, people without a device, names in"
                + " several scripts) by Inbox, Email, Voice and Text; the provider gives every call status code, email"
                + " bounces, text opt-outs, redials and confirmations. A second message is canceled in flight, a third"
                + " is sent, a fourth waits for the afternoon; over the days before, the same families got the week's"
                + " other messages, with numbers that keep failing and a household nobody reaches. Prints the search"
                + " grid and the main message's Delivery Summary and writes to DIR: report.pdf, report.csv,"
                + " report.docx (All detail, every device) and message.json (the main message in the"
                + " sentlog-message/1 format).",
                "",
                "With --db the messages are recorded into a PostgreSQL database instead of memory, so that they outlive"
                + " the run: 'log --db' shows them later. An empty database gets the Sentlog schema first; a database"
                + " with another schema version is refused, never changed. The demo records into a database once: when"
                + " it already holds the demo's messages, the run is refused; use a fresh database."})
final class DemoCommand implements Command {

    static final int DEFAULT_RECIPIENTS = 300;
    static final int MAX_RECIPIENTS = 500_000;
    static final String DEFAULT_OUT = "sentlog-demo";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Chicago");

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the files go (default: " + DEFAULT_OUT + "); created if missing")
    String outDir;

    @Option(names = "--recipients", paramLabel = "N",
            description = "entries in the main message's recipient list, 1 to 500000 (default: 300); progress goes"
                    + " to standard error from 10000 on")
    String recipients;

    @Option(names = "--seed", paramLabel = "S",
            description = "the seed of the recipients and outcomes (default: 1); the same options give the same output")
    String seed;

    @Option(names = "--zone", paramLabel = "ZONE", description = "the district's time zone (default: America/Chicago)")
    String zone;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = Database.HELP)
    String db;

    @Mixin
    HelpOption help;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        int count = Options.intValue(name(), "recipients", recipients, DEFAULT_RECIPIENTS, 1, MAX_RECIPIENTS);
        long seedValue = Options.longValue(name(), "seed", seed, 1);
        ZoneId districtZone = Options.zone(name(), zone).orElse(DEFAULT_ZONE);
        Path dir = Path.of(outDir == null ? DEFAULT_OUT : outDir);
        MessageFiles.requireDirectory(name(), dir);

        DistrictDemo demo = new DistrictDemo(count, seedValue, districtZone, err);
        DistrictDemo.Outcome outcome;
        if (db != null) {
            JdbcMessageStore store = Database.migrate(name(), db);
            try {
                outcome = demo.run(out, store);
            } catch (DuplicateMessageException e) {
                throw new UsageException("sentlog " + name() + ": the database already holds message "
                        + e.messageId() + "; the demo records its messages into a database once, so run it with a"
                        + " fresh (empty) database, or see the recorded messages with 'sentlog log --db'.", e);
            }
        } else {
            outcome = demo.run(out);
        }

        Message main = outcome.main();
        Set<DeviceChoice> devices = EnumSet.of(DeviceChoice.NO_DEVICE);
        main.deliveryModes().forEach(c -> devices.add(DeviceChoice.of(c)));
        SentMessageReport reports = SentMessageReport.builder().settings(outcome.settings()).build();
        out.println();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = dir.resolve("report." + format.extension());
            if (count >= 10_000) {
                err.println("demo: writing " + file);
            }
            ReportOptions reportOptions = ReportOptions.of(devices, ReportDetail.ALL, format);
            MessageFiles.writeAtomically(name(), file, o -> reports.write(main, reportOptions, o));
            out.println("Wrote " + file);
        }
        Path json = dir.resolve("message.json");
        if (count >= 10_000) {
            err.println("demo: writing " + json);
        }
        MessageFiles.writeAtomically(name(), json, o -> MessageJson.inZone(districtZone).write(main, o));
        out.println("Wrote " + json);
    }
}
