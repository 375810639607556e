package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * What one Delivery Summary figure counted (SPEC E1): its items in recipient-list order of their first
 * occurrence. The number of items is the figure.
 *
 * @param figure the figure
 * @param items  the distinct addresses or persons counted
 */
public record FigureExplanation(Figure figure, List<CountedItem> items) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException naming the field when one is null or the list holds null
     */
    public FigureExplanation {
        Checks.requireNonNull(figure, "figure");
        Checks.requireNonNull(items, "items");
        items = List.copyOf(items);
    }

    /**
     * The number of items: the figure's value.
     *
     * @return the count
     */
    public int count() {
        return items.size();
    }
}
