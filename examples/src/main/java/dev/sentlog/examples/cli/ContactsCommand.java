package dev.sentlog.examples.cli;

import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.RecipientTables;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import picocli.CommandLine.Mixin;

/**
 * {@code contacts [--zone ZONE] [--db JDBC-URL]}: the contacts to fix and, apart, the "do not contact"
 * addresses (SPEC H3).
 */
@picocli.CommandLine.Command(name = "contacts", sortOptions = false,
        header = "print the addresses that keep failing permanently, to fix, and the ones not to contact",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Prints every address (a phone number on Voice or Text, an email address) whose newest"
                + " attempts all failed permanently (a wrong number, a hard bounce), with the evidence: the"
                + " messages, their outcomes and when; the persons using it and their schools; since when it fails."
                + " Then, apart, the addresses whose owner opted out or is on Do Not Call. The addresses are printed"
                + " whole, for the staff who fix them. The lists cover every message the log holds: --from and --to"
                + " do not narrow them.",
                "",
                "Without --db it runs the demo district's week in memory (as 'demo' does, without printing it) and"
                + " reads that."},
        footerHeading = "%n", footer = "A bad option: one message on standard error and exit status 2.")
final class ContactsCommand implements Command {

    private final Clock clock;

    @Mixin
    LogSource.SourceOptions source;

    @Mixin
    HelpOption help;

    ContactsCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        try (LogSource read = LogSource.open(name(), source, clock)) {
            RecipientTables.printContacts(out, read.log().contacts(DistrictDemo.ADMINISTRATOR), read.zone());
        }
    }
}
