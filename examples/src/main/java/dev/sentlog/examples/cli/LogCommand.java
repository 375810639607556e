package dev.sentlog.examples.cli;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.SearchGrid;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code log --db JDBC-URL [--from DATE] [--to DATE] [--zone ZONE]}: the search grid of the messages
 * a database holds (SPEC N1: they outlive the process that recorded them). Without dates it shows the
 * last seven days, today (by the clock, in the zone) included.
 */
final class LogCommand implements Command {

    /** Days shown when no date is given: today and the six before it. */
    static final int DEFAULT_DAYS = 7;

    private final Clock clock;

    LogCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public String summary() {
        return "print the search grid of the messages kept in a PostgreSQL database";
    }

    @Override
    public Set<String> options() {
        return Set.of(Database.OPTION, "from", "to", "zone");
    }

    @Override
    public String help() {
        return """
                Usage: java -jar sentlog.jar log --db JDBC-URL [--from DATE] [--to DATE] [--zone ZONE]

                Prints the search grid (the table the demo prints) of the messages created in a range of
                days, read from a PostgreSQL database that 'demo --db' or a host recorded them into, as
                the administration log sees them. The database must hold the Sentlog schema of this
                version; it is read, never changed.

                Options:
                %s
                  --from DATE      the first day, yyyy-MM-dd (default: six days before --to)
                  --to DATE        the last day, yyyy-MM-dd (default: today; with --from alone, the
                                   day six days after it)
                  --zone ZONE      the district's time zone, in which days begin and times are shown
                                   (default: America/Chicago)
                  --help           show this text""".formatted(Database.HELP);
    }

    @Override
    public void run(Options options, PrintStream out, PrintStream err) {
        String url = options.require(Database.OPTION);
        ZoneId zone = options.zone().orElse(DemoCommand.DEFAULT_ZONE);
        LocalDate from;
        LocalDate to;
        if (options.get("to").isPresent() || options.get("from").isEmpty()) {
            to = date(options, "to").orElseGet(() -> LocalDate.now(clock.withZone(zone)));
            from = date(options, "from").orElse(to.minusDays(DEFAULT_DAYS - 1L));
        } else {
            from = date(options, "from").orElseThrow();
            to = from.plusDays(DEFAULT_DAYS - 1L);
        }
        if (from.isAfter(to)) {
            throw Options.usage(name(), "--from " + from + " is after --to " + to);
        }
        try (SentMessageLog log = SentMessageLog.builder().store(Database.existing(name(), url)).clock(clock)
                .zone(zone).build()) {
            SearchResult result = log.search(DistrictDemo.ADMINISTRATOR, SearchCriteria.createdBetween(from, to));
            SearchGrid.print(out, result, from, to, zone);
        }
    }

    private Optional<LocalDate> date(Options options, String name) {
        return options.get(name).map(v -> {
            try {
                return LocalDate.parse(v.strip());
            } catch (DateTimeParseException e) {
                throw Options.usage(name(), "--" + name + " must be a date written yyyy-MM-dd, not '" + v + "'");
            }
        });
    }
}
