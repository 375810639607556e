package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.BatchKey;
import java.util.List;

/**
 * One batch a hand-over is about to submit (SPEC N2): its batch key and the device rows it carries,
 * stored before the provider is called so that a resumed hand-over submits the same devices under
 * the same key.
 *
 * @param key  the batch key (message, provider, number among that message's batches to that provider)
 * @param rows the device rows of the batch ({@link DeviceTable} row numbers), ascending, non-empty
 */
public record PlannedBatch(BatchKey key, List<Integer> rows) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component or a row is null
     * @throws IllegalArgumentException when there is no row, a row is negative or rows are not ascending
     */
    public PlannedBatch {
        Checks.requireNonNull(key, "batch.key");
        Checks.requireNonNull(rows, "batch.rows");
        rows = List.copyOf(rows);
        Checks.requireArgument(!rows.isEmpty(), "batch %s has no device row", key);
        for (int i = 0; i < rows.size(); i++) {
            Checks.requireArgument(rows.get(i) >= 0 && (i == 0 || rows.get(i) > rows.get(i - 1)),
                    "batch %s: row %s at position %d is negative or not after the one before", key, rows.get(i), i);
        }
    }
}
