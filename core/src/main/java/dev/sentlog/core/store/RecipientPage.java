package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * The answer to {@link MessageStore#recipientMessages}.
 *
 * @param newestFirst  the matching messages, newest created first (ties: later recorded first), at most
 *                     the query's limit
 * @param totalMatched how many messages matched in all (SPEC S2)
 */
public record RecipientPage(List<RecipientHit> newestFirst, long totalMatched) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when the total is below the number of messages
     */
    public RecipientPage {
        newestFirst = List.copyOf(Checks.requireNonNull(newestFirst, "page.messages"));
        Checks.requireArgument(totalMatched >= newestFirst.size(), "total %d is below the %d messages returned",
                totalMatched, newestFirst.size());
    }
}
