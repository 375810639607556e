package dev.sentlog.examples.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading option values that picocli hands over as text: whole numbers in a range, time zones and
 * dates, each refused with a {@link UsageException} that names the option and the value (SPEC L4).
 * Picocli checks the structure (which options, how often, with a value); the commands check the
 * values here, so that every message reads the same.
 */
final class Options {

    private Options() {
    }

    /** A user error of {@code command}: the problem and where to read the usage, in one paragraph. */
    static UsageException usage(String command, String problem) {
        return new UsageException("sentlog " + command + ": " + problem + ". Run 'sentlog " + command
                + " --help' for its usage.");
    }

    /** A required option's value, refused when blank. */
    static String require(String command, String name, String value) {
        if (value == null || value.isBlank()) {
            throw usage(command, "option --" + name + " is required");
        }
        return value;
    }

    static int intValue(String command, String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw usage(command, "--" + name + " must be from " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw usage(command, "--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    static long longValue(String command, String name, String value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw usage(command, "--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    static Optional<ZoneId> zone(String command, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value.trim()));
        } catch (DateTimeException e) {
            throw usage(command, "--zone '" + value + "' is not a time zone; use a region such as America/Chicago"
                    + " or an offset such as -06:00");
        }
    }

    static Optional<LocalDate> date(String command, String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw usage(command, "--" + name + " must be a date written yyyy-MM-dd, not '" + value + "'");
        }
    }
}
