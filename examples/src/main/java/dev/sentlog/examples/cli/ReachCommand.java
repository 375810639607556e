package dev.sentlog.examples.cli;

import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.RecipientTables;
import dev.sentlog.report.reach.HouseholdReachCsv;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reach [--from DATE] [--to DATE] [--zone ZONE] [--all-kinds] [--csv FILE] [--db JDBC-URL]}: household
 * reach (SPEC H4), printed and optionally written as CSV.
 */
@picocli.CommandLine.Command(name = "reach", sortOptions = false,
        header = "print the students whose household nobody reached, by school, with the people to phone",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Looks at every Messenger message created in a range of days and lists the students for whom"
                + " nobody was reached: no entry about the student had a successful device in any of them (a number"
                + " that succeeded for one entry counts for every entry holding it). Grouped by school, each with the"
                + " persons of the student's entries and their devices, so that staff can phone them. --csv writes"
                + " the same list as a CSV file (UTF-8, cells a spreadsheet would read as a formula neutralised).",
                "",
                "Without --db it runs the demo district's week in memory (as 'demo' does, without printing it) and"
                + " reads that."},
        footerHeading = "%n", footer = "A bad option or a file that cannot be written: one message on standard error,"
                + " exit status 2, and no file.")
final class ReachCommand implements Command {

    private final Clock clock;

    @Option(names = "--all-kinds", description = "look at every message, not only Messenger messages")
    boolean allKinds;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the list to this CSV file, whole or not at"
            + " all")
    String csv;

    @Mixin
    LogSource.SourceOptions source;

    @Mixin
    HelpOption help;

    ReachCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "reach";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        Path target = csv == null ? null : Path.of(Options.require(name(), "csv", csv));
        try (LogSource read = LogSource.open(name(), source, clock)) {
            DayRange.Days days = read.days();
            ReachQuery query = allKinds ? ReachQuery.of(days.from(), days.to(), EnumSet.allOf(MessageTypeKind.class))
                    : ReachQuery.messengerMessages(days.from(), days.to());
            HouseholdReach reach = read.log().householdReach(DistrictDemo.ADMINISTRATOR, query);
            // the file first: when it cannot be written, nothing goes to standard output (L4)
            if (target != null) {
                MessageFiles.writeAtomically(name(), target, o -> HouseholdReachCsv.write(reach, o));
            }
            RecipientTables.printHouseholdReach(out, reach, days.from(), days.to());
            if (target != null) {
                out.println("Wrote " + target);
            }
        }
    }
}
