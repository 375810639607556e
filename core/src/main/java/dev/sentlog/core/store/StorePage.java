package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * The answer to a {@link StoreQuery}.
 *
 * @param newestFirst  the matching headers, newest created first (ties: later recorded first), at
 *                     most the query's limit
 * @param totalMatched how many messages matched in all (SPEC S2)
 */
public record StorePage(List<MessageHeader> newestFirst, long totalMatched) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when the total is below the number of headers
     */
    public StorePage {
        newestFirst = List.copyOf(Checks.requireNonNull(newestFirst, "page.headers"));
        Checks.requireArgument(totalMatched >= newestFirst.size(), "total %d is below the %d headers returned",
                totalMatched, newestFirst.size());
    }

    /** Whether matches were left out because of the limit. */
    public boolean isCut() {
        return totalMatched > newestFirst.size();
    }
}
