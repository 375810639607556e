package dev.sentlog.examples.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value} or {@code --name=value}, each at most once, plus
 * {@code --help}. Unknown options and stray words are refused with a {@link UsageException}.
 */
final class Options {

    private final String command;
    private final Map<String, String> values;
    private final boolean help;

    private Options(String command, Map<String, String> values, boolean help) {
        this.command = command;
        this.values = values;
        this.help = help;
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param command the command, for messages
     * @param args    the arguments
     * @param from    the index of the first argument after the command
     * @param allowed the option names the command takes, without dashes
     * @return the options
     * @throws UsageException when an argument is not one of them, lacks a value or repeats
     */
    static Options parse(String command, String[] args, int from, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw usage(command, "unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!allowed.contains(name)) {
                throw usage(command, "unknown option --" + name + " (it takes " + describe(allowed) + ")");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw usage(command, "option --" + name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw usage(command, "option --" + name + " is given twice");
            }
        }
        return new Options(command, values, help);
    }

    private static String describe(Set<String> allowed) {
        return allowed.isEmpty() ? "no options" : "--" + String.join(", --", allowed) + " and --help";
    }

    static UsageException usage(String command, String problem) {
        return new UsageException("sentlog " + command + ": " + problem + ". Run 'sentlog " + command
                + " --help' for its usage.");
    }

    boolean help() {
        return help;
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw usage(command, "option --" + name + " is required");
        }
        return v;
    }

    int intValue(String name, int defaultValue, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw usage(command, "--" + name + " must be from " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw usage(command, "--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    long longValue(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw usage(command, "--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    Optional<ZoneId> zone() {
        String v = values.get("zone");
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(v.trim()));
        } catch (DateTimeException e) {
            throw usage(command, "--zone '" + v + "' is not a time zone; use a region such as America/Chicago"
                    + " or an offset such as -06:00");
        }
    }
}
