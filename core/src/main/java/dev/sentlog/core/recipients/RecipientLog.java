package dev.sentlog.core.recipients;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * A Recipient Log (SPEC H1): the messages sent to one person or address, newest created first, at
 * most the cap (S2).
 *
 * @param rows         the messages, newest created first
 * @param totalMatched how many messages matched in all
 * @param cap          the most rows answered
 */
public record RecipientLog(List<RecipientLogRow> rows, long totalMatched, int cap) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when the total is below the number of rows or the rows exceed the cap
     */
    public RecipientLog {
        rows = Checks.copyWithoutNulls(rows, "log.rows");
        Checks.requireArgument(totalMatched >= rows.size(), "total %d is below the %d rows", totalMatched, rows.size());
        Checks.requireArgument(rows.size() <= cap, "%d rows exceed the cap %d", rows.size(), cap);
    }

    /** Whether matching messages were left out because of the cap (S2). */
    public boolean isCut() {
        return totalMatched > rows.size();
    }
}
