package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every ledger fact of one address, newest first (by time, then message id and row descending),
 * as a store answers it (SPEC H3).
 *
 * @param channel the channel
 * @param address the address normalised as in D1
 * @param facts   its facts, newest first
 */
public record AddressHistory(Channel channel, String address, List<ContactFact> facts) {

    /** The order of facts: newest first, ties by message id and row, descending. */
    public static final Comparator<ContactFact> NEWEST_FIRST = Comparator.comparing(ContactFact::at)
            .thenComparing(ContactFact::messageId).thenComparingInt(ContactFact::row).reversed();

    /**
     * Validates and orders the history.
     *
     * @throws NullPointerException     when a component or fact is null
     * @throws IllegalArgumentException when a fact is of another address
     */
    public AddressHistory {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        List<ContactFact> sorted = new ArrayList<>(Checks.copyWithoutNulls(facts, "facts"));
        for (ContactFact f : sorted) {
            Checks.requireArgument(f.channel() == channel && f.address().equals(address),
                    "a fact of message %s row %d is of another address than the history's", f.messageId(), f.row());
        }
        sorted.sort(NEWEST_FIRST);
        facts = List.copyOf(sorted);
    }

    /** The standing these facts give the address. */
    public AddressStanding standing() {
        return AddressStanding.of(facts);
    }
}
