package dev.sentlog.examples.cli;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.examples.demo.DistrictDemo;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the {@code recipients} and {@code reach} commands read, and which days: the demo district's
 * week run in memory (the default, nothing to set up), or the messages a PostgreSQL database holds
 * ({@code --db}). In the demo, "today" is the demo's snow day, so the default range of days is the
 * demo's week.
 */
final class LogSource implements AutoCloseable {

    /** The {@code --db} option and the range of days, as a picocli mixin of the commands that read people. */
    static final class SourceOptions {

        @Option(names = "--db", paramLabel = "JDBC-URL", description = Database.HELP
                + "; without it, the demo district's week is run in memory and read")
        String db;

        @Mixin
        DayRange range;
    }

    private final SentMessageLog log;
    private final ZoneId zone;
    private final DayRange.Days days;

    private LogSource(SentMessageLog log, ZoneId zone, DayRange.Days days) {
        this.log = log;
        this.zone = zone;
        this.days = days;
    }

    /**
     * Opens the source. The dates are checked before the demo runs or the database is opened.
     *
     * @param command the command, for messages
     * @param options the options given
     * @param clock   the clock that tells today's date when a database is read
     * @return the source
     * @throws UsageException when a date or zone is bad or the database cannot be used
     */
    static LogSource open(String command, SourceOptions options, Clock clock) {
        ZoneId zone = options.range.zone(command);
        options.range.days(command, clock);
        if (options.db != null) {
            MessageStore store = Database.existing(command,
                    Options.require(command, Database.OPTION, options.db));
            return new LogSource(SentMessageLog.builder().store(store).clock(clock).zone(zone).build(), zone,
                    options.range.days(command, clock));
        }
        MessageStore store = MessageStore.inMemory();
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        DistrictDemo.Outcome demo = new DistrictDemo(DemoCommand.DEFAULT_RECIPIENTS, 1, zone, nowhere).run(nowhere,
                store);
        Clock snowDay = Clock.fixed(demo.finishedAt(), zone);
        return new LogSource(SentMessageLog.builder().store(store).clock(snowDay).zone(zone).build(), zone,
                options.range.days(command, snowDay));
    }

    /** The log over the source. */
    SentMessageLog log() {
        return log;
    }

    /** The district's zone. */
    ZoneId zone() {
        return zone;
    }

    /** The days asked for. */
    DayRange.Days days() {
        return days;
    }

    @Override
    public void close() {
        log.close();
    }
}
