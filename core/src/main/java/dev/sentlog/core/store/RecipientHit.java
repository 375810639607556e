package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.RecipientEntry;
import java.util.List;

/**
 * One message of a Recipient Log read ({@link MessageStore#recipientMessages}): its header and, in
 * recipient-list order with their current device outcomes, the entries the key holds plus every entry
 * holding another occurrence of one of their addresses on the same channel (so that the shared
 * outcome of SPEC D3 and the duplicate marks of D2 can be read from them alone).
 *
 * @param header  the message's header
 * @param entries those entries, by increasing index
 */
public record RecipientHit(MessageHeader header, List<IndexedEntry> entries) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or an entry is null
     */
    public RecipientHit {
        Checks.requireNonNull(header, "hit.header");
        entries = Checks.copyWithoutNulls(entries, "hit.entries");
    }

    /**
     * A recipient entry with its index in the message's recipient list.
     *
     * @param index the entry's index, from 0
     * @param entry the entry with its devices' current outcomes
     */
    public record IndexedEntry(int index, RecipientEntry entry) {
        /** Validates the components. */
        public IndexedEntry {
            Checks.requireArgument(index >= 0, "entry index is negative: %d", index);
            Checks.requireNonNull(entry, "entry");
        }
    }
}
