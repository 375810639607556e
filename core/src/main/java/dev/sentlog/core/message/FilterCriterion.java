package dev.sentlog.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sentlog.core.internal.Checks;
import java.util.Optional;

/**
 * One line of a message's filter criteria: a label with a value or a small table (SPEC J0).
 *
 * @param label      the label, e.g. {@code "Filter Operation"}
 * @param valueText  the value, or null when the criterion is a table ({@code value} in the interchange format)
 * @param tableValue the table, or null when the criterion is a value ({@code table} in the interchange format)
 */
public record FilterCriterion(String label,
                              @JsonProperty("value") @JsonInclude(JsonInclude.Include.NON_NULL) String valueText,
                              @JsonProperty("table") @JsonInclude(JsonInclude.Include.NON_NULL) FilterTable tableValue) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException unless exactly one of value and table is present
     */
    public FilterCriterion {
        Checks.requireNonNull(label, "filterCriterion.label");
        Checks.requireArgument((valueText == null) != (tableValue == null),
                "filter criterion '%s' must have a value or a table, not %s", label,
                valueText == null ? "neither" : "both");
    }

    /**
     * A label/value line.
     *
     * @param label the label
     * @param value the value
     * @return the criterion
     */
    public static FilterCriterion of(String label, String value) {
        return new FilterCriterion(label, value, null);
    }

    /**
     * A label with a table.
     *
     * @param label the label
     * @param table the table
     * @return the criterion
     */
    public static FilterCriterion of(String label, FilterTable table) {
        return new FilterCriterion(label, null, table);
    }

    /** The value, when the criterion is a label/value line. */
    public Optional<String> value() {
        return Optional.ofNullable(valueText);
    }

    /** The table, when the criterion is a table. */
    public Optional<FilterTable> table() {
        return Optional.ofNullable(tableValue);
    }
}
