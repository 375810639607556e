package dev.sentlog.examples.cli;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.RecipientTables;
import dev.sentlog.spi.Channel;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code recipients (--person ID | --address ADDRESS [--channel C]) [--from DATE] [--to DATE] [--zone ZONE]
 * [--db JDBC-URL]}: the Recipient Log (SPEC H1) of a person or an address.
 */
@picocli.CommandLine.Command(name = "recipients", sortOptions = false,
        header = "print the Recipient Log of a person or an address: the messages sent to it and what happened",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Prints the messages sent to one person (by id) or one address (normalised: (555) 123-4567"
                + " and 555.123.4567 are one number; Voice and Text are separate channels) created in a range of"
                + " days, newest first, with the person's devices in each message, the outcome each shows (a number"
                + " listed twice shows the outcome they share) and whether the person was reached.",
                "",
                "Without --db it runs the demo district's week in memory (as 'demo' does, without printing it) and"
                + " reads that; try --person p-1, or an address the demo's report lists."},
        footerHeading = "%n", footer = "A bad option: one message on standard error and exit status 2.")
final class RecipientsCommand implements Command {

    private final Clock clock;

    @Option(names = "--person", paramLabel = "ID", description = "the person's id")
    String person;

    @Option(names = "--address", paramLabel = "ADDRESS", description = "an email address, phone number or portal"
            + " account")
    String address;

    @Option(names = "--channel", paramLabel = "inbox|email|voice|text",
            description = "the address's channel (default: email when the address holds an @; required otherwise)")
    String channel;

    @Mixin
    LogSource.SourceOptions source;

    @Mixin
    HelpOption help;

    RecipientsCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "recipients";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        if ((person == null) == (address == null)) {
            throw Options.usage(name(), person == null ? "give --person ID or --address ADDRESS"
                    : "give --person or --address, not both");
        }
        String whom;
        Function<DayRange.Days, RecipientQuery> query;
        if (person != null) {
            String id = Options.require(name(), "person", person).strip();
            whom = "person " + id;
            query = days -> RecipientQuery.person(id, days.from(), days.to());
        } else {
            Channel c = channel();
            String typed = Options.require(name(), "address", address);
            if (Addresses.normalise(c, typed).isBlank()) {
                // the address is personal data: the message names the option, never its value
                throw Options.usage(name(), "--address is no " + c.label() + " address (nothing is left of it once"
                        + " normalised)");
            }
            whom = c.label() + " address " + typed.strip();
            query = days -> RecipientQuery.address(c, typed, days.from(), days.to());
        }
        try (LogSource read = LogSource.open(name(), source, clock)) {
            DayRange.Days days = read.days();
            RecipientLog log = read.log().recipientLog(DistrictDemo.ADMINISTRATOR, query.apply(days));
            RecipientTables.printRecipientLog(out, log, whom, days.from(), days.to(), read.zone());
        }
    }

    private Channel channel() {
        if (channel == null) {
            if (address.contains("@")) {
                return Channel.EMAIL;
            }
            throw Options.usage(name(), "say which channel --address is on with --channel inbox, email, voice or"
                    + " text");
        }
        return switch (channel.strip().toLowerCase(Locale.ROOT)) {
            case "inbox" -> Channel.INBOX;
            case "email" -> Channel.EMAIL;
            case "voice" -> Channel.VOICE;
            case "text" -> Channel.TEXT;
            default -> throw Options.usage(name(), "--channel must be inbox, email, voice or text, not '" + channel
                    + "'");
        };
    }
}
