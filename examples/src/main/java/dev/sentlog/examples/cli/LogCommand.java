package dev.sentlog.examples.cli;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.SearchGrid;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code log --db JDBC-URL [--from DATE] [--to DATE] [--zone ZONE]}: the search grid of the messages
 * a database holds (SPEC N1: they outlive the process that recorded them). Without dates it shows the
 * last seven days, today (by the clock, in the zone) included.
 */
@picocli.CommandLine.Command(name = "log", sortOptions = false,
        header = "print the search grid of the messages kept in a PostgreSQL database",
        description = {"Prints the search grid (the table the demo prints) of the messages created in a range of days,"
                        + " read from a PostgreSQL database that 'demo --db' or a host recorded them into, as the"
                        + " administration log sees them. The database must hold the Sentlog schema of this version;"
                        + " it is read, never changed."},
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n", synopsisHeading = "%nUsage: ")
final class LogCommand implements Command {

    private final Clock clock;

    @Option(names = "--db", paramLabel = "JDBC-URL", required = true, description = Database.HELP)
    String db;

    @Mixin
    DayRange range;

    @Mixin
    HelpOption help;

    LogCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        String url = Options.require(name(), Database.OPTION, db);
        ZoneId zone = range.zone(name());
        DayRange.Days days = range.days(name(), clock);
        try (SentMessageLog log = SentMessageLog.builder().store(Database.existing(name(), url)).clock(clock)
                .zone(zone).build()) {
            SearchResult result = log.search(DistrictDemo.ADMINISTRATOR,
                    SearchCriteria.createdBetween(days.from(), days.to()));
            SearchGrid.print(out, result, days.from(), days.to(), zone);
        }
    }
}
