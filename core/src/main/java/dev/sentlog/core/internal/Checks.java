package dev.sentlog.core.internal;

import java.util.Locale;

/**
 * Argument checks with formatted messages. Internal: not part of the API.
 *
 * <p>They guard against programming errors of the caller (a null, a blank id, a value out of range),
 * so they throw {@link NullPointerException} and {@link IllegalArgumentException}, never a
 * {@code SentlogException}: a failure a host should handle (an unknown message, a refused cancel, a
 * malformed provider report) has its own {@code SentlogException} subclass.
 */
public final class Checks {

    private Checks() {
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
     * Returns the value, or throws {@link NullPointerException} naming it when it is null.
     *
     * @param value the value
     * @param name  the name used in the message, e.g. {@code "message.id"}
     * @param <T>   the type
     * @return the value
     */
    public static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " is required but was null");
        }
        return value;
    }

    /**
     * Copies a list into an unmodifiable one, naming the first null element by its index.
     *
     * @param list the list
     * @param name the name used in the message, e.g. {@code "message.recipients"}
     * @param <T>  the element type
     * @return the unmodifiable copy
     */
    public static <T> java.util.List<T> copyWithoutNulls(java.util.List<T> list, String name) {
        requireNonNull(list, name);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw nullElement(name, i);
            }
        }
        return java.util.List.copyOf(list);
    }

    /**
     * Returns the array, or throws naming its first null element by its index, as
     * {@link #copyWithoutNulls} does for a list.
     *
     * @param values the array
     * @param name   the name used in the message
     * @param <T>    the element type
     * @return the array
     */
    public static <T> T[] requireNoNulls(T[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw nullElement(name, i);
            }
        }
        return values;
    }

    private static NullPointerException nullElement(String name, int index) {
        return new NullPointerException(name + "[" + index + "] is null; a list holds no nulls");
    }

    /**
     * Returns the string, or throws when it is null or blank.
     *
     * @param value the string
     * @param name  the name used in the message
     * @return the string
     */
    public static String requireNonBlank(String value, String name) {
        requireNonNull(value, name);
        requireArgument(!value.isBlank(), "%s must not be blank", name);
        return value;
    }
}
