package dev.sentlog.examples.cli;

import java.io.PrintStream;

/**
 * One command of the command line: a class annotated with picocli's {@code @Command}, whose
 * {@code @Option} fields picocli fills before {@link #run} is called. Adding a command is one such
 * class and one line in {@link Main}.
 */
interface Command {

    /**
     * The name typed after {@code sentlog}, as in the {@code @Command} annotation; error messages
     * start with {@code sentlog <name>: }.
     *
     * @return the name
     */
    String name();

    /**
     * Runs the command with the options picocli has set.
     *
     * @param out standard output
     * @param err standard error (progress)
     * @throws UsageException on a user error
     */
    void run(PrintStream out, PrintStream err);
}
