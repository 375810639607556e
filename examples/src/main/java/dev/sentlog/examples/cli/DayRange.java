package dev.sentlog.examples.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * The {@code --from DATE --to DATE --zone ZONE} options of the commands that read a range of days
 * (SPEC S1), as a picocli mixin. Without dates the range is the last {@value #DEFAULT_DAYS} days,
 * today (by the clock, in the zone) included; {@code --from} alone means that day and the six after it.
 */
final class DayRange {

    /** Days in a range when only one end, or none, is given. */
    static final int DEFAULT_DAYS = 7;

    @Option(names = "--from", paramLabel = "DATE",
            description = "the first day, yyyy-MM-dd (default: six days before --to)")
    String from;

    @Option(names = "--to", paramLabel = "DATE",
            description = {"the last day, yyyy-MM-dd (default: today; with --from alone, the day six days after it)"})
    String to;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "the district's time zone, in which days begin and times are shown (default: America/Chicago)")
    String zone;

    /** The zone given, or the demo district's. */
    ZoneId zone(String command) {
        return Options.zone(command, zone).orElse(DemoCommand.DEFAULT_ZONE);
    }

    /**
     * The first and last day.
     *
     * @throws UsageException when a date is not yyyy-MM-dd or the first is after the last
     */
    Days days(String command, Clock clock) {
        ZoneId z = zone(command);
        LocalDate first;
        LocalDate last;
        if (to != null || from == null) {
            last = Options.date(command, "to", to).orElseGet(() -> LocalDate.now(clock.withZone(z)));
            first = Options.date(command, "from", from).orElse(last.minusDays(DEFAULT_DAYS - 1L));
        } else {
            first = Options.date(command, "from", from).orElseThrow();
            last = first.plusDays(DEFAULT_DAYS - 1L);
        }
        if (first.isAfter(last)) {
            throw Options.usage(command, "--from " + first + " is after --to " + last);
        }
        return new Days(first, last);
    }

    /** A range of whole days, both included. */
    record Days(LocalDate from, LocalDate to) {
    }
}
