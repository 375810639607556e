package dev.sentlog.report.model;

import dev.sentlog.report.internal.Checks;

/**
 * One "label: value" line of a report block (header, Delivery Summary, Message Detail).
 *
 * @param label the label, e.g. {@code "Total Recipients"}
 * @param value the value as printed, e.g. {@code "127"}; may be blank
 */
public record LabeledValue(String label, String value) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public LabeledValue {
        Checks.requireNonNull(label, "label");
        Checks.requireNonNull(value, "value");
    }

    /**
     * A line.
     *
     * @param label the label
     * @param value the value
     * @return the line
     */
    public static LabeledValue of(String label, String value) {
        return new LabeledValue(label, value);
    }
}
