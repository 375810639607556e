package dev.sentlog.examples.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code sentlog} command line (SPEC section 11), parsed by picocli:
 *
 * <pre>
 * java -jar sentlog.jar demo   [--out DIR] [--recipients N] [--seed S] [--zone ZONE] [--db JDBC-URL]
 * java -jar sentlog.jar log    --db JDBC-URL [--from DATE] [--to DATE] [--zone ZONE]
 * java -jar sentlog.jar serve  [--port P] [--bind ADDRESS] [--db JDBC-URL] [--recipients N]
 * java -jar sentlog.jar totals --in FILE.json
 * java -jar sentlog.jar report --in FILE.json --format pdf|csv|docx --detail all|summary|failed
 *                              [--devices inbox,email,voice,text,nodevice] --out FILE [--zone ZONE]
 * java -jar sentlog.jar recipients (--person ID | --address ADDRESS [--channel C]) [--from DATE] [--to DATE]
 *                              [--zone ZONE] [--db JDBC-URL]
 * java -jar sentlog.jar reach  [--from DATE] [--to DATE] [--zone ZONE] [--all-kinds] [--csv FILE] [--db JDBC-URL]
 * java -jar sentlog.jar contacts [--zone ZONE] [--db JDBC-URL]
 * java -jar sentlog.jar resend --preview --message ID [--audience not-reached|failed-devices] [--db JDBC-URL]
 * </pre>
 *
 * <p>Adding a command: a class implementing {@link Command} with picocli's {@code @Command} and
 * {@code @Option} annotations (and the {@link HelpOption} mixin), and one entry in the list below.
 *
 * <p>Exit status: 0 on success, 2 on a user error (bad arguments, a missing or malformed file,
 * report options that do not apply, a database that cannot be reached or holds another schema
 * version; one paragraph on standard error, no stack trace, SPEC L4), 1 on
 * an unexpected failure.
 */
public final class Main {

    /** Exit status of a successful run. */
    public static final int OK = 0;
    /** Exit status of an unexpected failure (a bug or an environment problem). */
    public static final int FAILURE = 1;
    /** Exit status of a user error (SPEC L4). */
    public static final int USAGE = 2;

    private final CommandLine commandLine;

    private Main(Clock clock) {
        commandLine = new CommandLine(new Sentlog());
        for (Command c : List.of(new DemoCommand(), new LogCommand(clock), new ServeCommand(), new TotalsCommand(),
                new ReportCommand(clock), new RecipientsCommand(clock), new ReachCommand(clock), new ContactsCommand(clock),
                new ResendCommand(clock))) {
            commandLine.addSubcommand(c);
        }
    }

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the command line in-process, as tests and hosts do.
     *
     * @param args the arguments, e.g. {@code ["totals", "--in", "message.json"]}
     * @param out  where results go
     * @param err  where errors and progress go
     * @return the exit status: {@link #OK}, {@link #USAGE} or {@link #FAILURE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    /** {@link #run(String[], PrintStream, PrintStream)} with the clock that tells commands today's date. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        return new Main(clock).dispatch(args == null ? new String[0] : args, out, err);
    }

    private int dispatch(String[] args, PrintStream out, PrintStream err) {
        String name = args.length == 0 ? "" : args[0];
        try {
            ParseResult parsed = parse(args);
            if (!parsed.hasSubcommand()) {
                if (parsed.isUsageHelpRequested()) {
                    printUsage(commandLine, out);
                    return OK;
                }
                throw new UsageException("sentlog: no command given. " + commandList());
            }
            ParseResult sub = parsed.subcommand();
            name = sub.commandSpec().name();
            if (sub.isUsageHelpRequested()) {
                printUsage(sub.commandSpec().commandLine(), out);
                return OK;
            }
            ((Command) sub.commandSpec().userObject()).run(out, err);
            return OK;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("sentlog " + name + ": unexpected failure (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). This is a bug or an environment problem, not a mistake in the arguments;"
                    + (e instanceof OutOfMemoryError ? " give the JVM more memory with -Xmx." : " please report it."));
            return FAILURE;
        }
    }

    /** Parses with picocli, turning its parse errors into one-paragraph user errors (L4). */
    private ParseResult parse(String[] args) {
        try {
            return commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            CommandLine failed = e.getCommandLine();
            if (failed == commandLine) {
                throw new UsageException("sentlog: " + topLevelProblem(e) + " " + commandList(), e);
            }
            throw Options.usage(failed.getCommandName(), problem(e));
        }
    }

    private static String topLevelProblem(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'.";
        }
        return strip(e.getMessage()) + ".";
    }

    /** Picocli's findings in the words the commands use for their own checks. */
    private static String problem(CommandLine.ParameterException e) {
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            // a stray word or unknown option explains a "missing" option better than the missing one does
            return unmatched(e.getCommandLine(), unmatched.get(0));
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<String> names = m.getMissing().stream().map(Main::optionName).toList();
            if (m.getMessage().startsWith("Missing required parameter for option")) {
                return "option " + names.get(0) + " needs a value";
            }
            return names.size() == 1 ? "option " + names.get(0) + " is required"
                    : "options " + String.join(", ", names) + " are required";
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return "option " + optionName(o.getOverwritten()) + " is given twice";
        }
        return strip(e.getMessage());
    }

    private static String unmatched(CommandLine command, String arg) {
        if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
            int eq = arg.indexOf('=');
            return "unknown option " + (eq < 0 ? arg : arg.substring(0, eq)) + " (it takes " + takes(command) + ")";
        }
        return "unexpected argument '" + arg + "'";
    }

    private static String optionName(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }

    private static String takes(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                .collect(Collectors.joining(", "));
    }

    private static String strip(String message) {
        String m = message == null ? "" : message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    /** Help shows {@code --name VALUE}; both that and {@code --name=VALUE} are accepted. */
    private static void printUsage(CommandLine command, PrintStream out) {
        command.setSeparator(" ");
        command.usage(out);
    }

    private String commandList() {
        return "The commands are " + String.join(", ", commandLine.getSubcommands().keySet())
                + "; run 'sentlog --help' for an overview or 'sentlog <command> --help' for one command.";
    }

    /** The top-level command: only {@code --help} and the subcommands. */
    @CommandLine.Command(name = "java -jar sentlog.jar", mixinStandardHelpOptions = false,
            description = "Sentlog, the Sent Message Log of a school mass-notification system.",
            synopsisSubcommandLabel = "<command>", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
            commandListHeading = "%nCommands:%n",
            footer = {"", "Run 'java -jar sentlog.jar <command> --help' for a command's options.",
                    "Exit status: 0 done, 2 a mistake in the arguments or the input file or a database that cannot"
                            + " be used, 1 an unexpected failure."})
    static final class Sentlog {
        @CommandLine.Mixin
        HelpOption help;
    }
}
