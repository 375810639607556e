package dev.sentlog.examples.cli;

import java.io.PrintStream;
import java.util.Set;

/** One command of the command line. */
interface Command {

    /** The name typed after {@code sentlog}. */
    String name();

    /** A one-line summary for the command list. */
    String summary();

    /** The text {@code --help} prints. */
    String help();

    /** The option names taken, without dashes. */
    Set<String> options();

    /**
     * Runs the command.
     *
     * @param options the parsed options
     * @param out     standard output
     * @param err     standard error (progress)
     * @throws UsageException on a user error
     */
    void run(Options options, PrintStream out, PrintStream err);
}
