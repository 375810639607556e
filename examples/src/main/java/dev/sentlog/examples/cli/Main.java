package dev.sentlog.examples.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sentlog} command line (SPEC section 11):
 *
 * <pre>
 * java -jar sentlog.jar demo   [--out DIR] [--recipients N] [--seed S] [--zone ZONE] [--db JDBC-URL]
 * java -jar sentlog.jar log    --db JDBC-URL [--from DATE] [--to DATE] [--zone ZONE]
 * java -jar sentlog.jar serve  [--port P] [--bind ADDRESS] [--db JDBC-URL] [--recipients N]
 * java -jar sentlog.jar totals --in FILE.json
 * java -jar sentlog.jar report --in FILE.json --format pdf|csv|docx --detail all|summary|failed
 *                              [--devices inbox,email,voice,text,nodevice] --out FILE [--zone ZONE]
 * </pre>
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

    private final Map<String, Command> commands = new LinkedHashMap<>();

    private Main(Clock clock) {
        for (Command c : List.of(new DemoCommand(), new LogCommand(clock), new ServeCommand(),
                new TotalsCommand(), new ReportCommand())) {
            commands.put(c.name(), c);
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

    /** {@link #run(String[], PrintStream, PrintStream)} with the clock that tells {@code log} today's date. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        return new Main(clock).dispatch(args == null ? new String[0] : args, out, err);
    }

    private int dispatch(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("sentlog: no command given. " + commandList());
            return USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.println(overview());
            return OK;
        }
        Command command = commands.get(name);
        try {
            if (command == null) {
                throw new UsageException("sentlog: unknown command '" + name + "'. " + commandList());
            }
            Options options = Options.parse(name, args, 1, command.options());
            if (options.help()) {
                out.println(command.help());
                return OK;
            }
            command.run(options, out, err);
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

    private String commandList() {
        return "The commands are " + String.join(", ", commands.keySet())
                + "; run 'sentlog --help' for an overview or 'sentlog <command> --help' for one command.";
    }

    private String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar sentlog.jar <command> [options]\n\n");
        sb.append("Sentlog, the Sent Message Log of a school mass-notification system.\n\nCommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-8s %s%n", c.name(), c.summary()));
        }
        sb.append("\nRun 'java -jar sentlog.jar <command> --help' for a command's options.\n");
        sb.append("Exit status: 0 done, 2 a mistake in the arguments or the input file or a database that cannot be used,"
                + " 1 an unexpected failure.");
        return sb.toString();
    }
}
