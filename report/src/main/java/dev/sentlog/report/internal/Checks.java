package dev.sentlog.report.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The report module's argument checks, worded as core's: a null names the missing value, a refused
 * value says what was wrong. Internal: the module does not export this package.
 *
 * <p>These checks guard against programming errors of the caller, so they throw
 * {@link NullPointerException} and {@link IllegalArgumentException}, not a
 * {@code SentlogException}.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Returns the value, or throws {@link NullPointerException} naming it when it is null.
     *
     * @param value the value
     * @param name  the name used in the message, e.g. {@code "zone"}
     * @param <T>   the type
     * @return the value
     */
    public static <T> T requireNonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required but was null");
    }

    /**
     * Throws {@link IllegalArgumentException} with a formatted message when the condition is false.
     *
     * @param condition the condition that must hold
     * @param format    the message format ({@link String#format})
     * @param args      the format arguments
     */
    public static void requireArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Returns the string, or throws when it is null or blank.
     *
     * @param value the string
     * @param name  the name used in the message
     * @return the string
     */
    public static String requireNonBlank(String value, String name) {
        requireArgument(!requireNonNull(value, name).isBlank(), "%s must not be blank", name);
        return value;
    }
}
