package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    public static final Comparator<ContactFact> NEWEST_FIRST = (a, b) -> {
        int c = b.at().compareTo(a.at());
        if (c == 0) {
            c = b.messageId().compareTo(a.messageId());
        }
        return c != 0 ? c : Integer.compare(b.row(), a.row());
    };

    /**
     * Validates and orders the history.
     *
     * @throws NullPointerException     when a component or fact is null
     * @throws IllegalArgumentException when a fact is of another address
     */
    public AddressHistory {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        Checks.requireNonNull(facts, "facts");
        // one copy, checked and sorted in place: contacts to fix build tens of thousands of histories
        ContactFact[] sorted = Checks.requireNoNulls(facts.toArray(new ContactFact[0]), "facts");
        for (ContactFact f : sorted) {
            Checks.requireArgument(f.channel() == channel && f.address().equals(address),
                    "a fact of message %s row %d is of another address than the history's", f.messageId(), f.row());
        }
        Arrays.sort(sorted, NEWEST_FIRST);
        facts = List.of(sorted);
    }

    /** The standing these facts give the address. */
    public AddressStanding standing() {
        return AddressStanding.of(facts);
    }

    /**
     * Adds facts to histories, address by address: a fact of an address with a history joins it, a
     * fact of another address starts a history of its own (SPEC H3: the ledger's do-not-contact
     * addresses with those that feedback marks, H5).
     *
     * @param histories the histories
     * @param facts     the facts to add
     * @return the histories, sorted by channel and address
     * @throws NullPointerException when a list or an element is null
     */
    public static List<AddressHistory> withFacts(List<AddressHistory> histories, List<ContactFact> facts) {
        Map<String, List<ContactFact>> byAddress = new TreeMap<>();
        Map<String, AddressHistory> first = new HashMap<>();
        for (AddressHistory h : Checks.copyWithoutNulls(histories, "histories")) {
            String key = ContactFact.key(h.channel(), h.address());
            first.putIfAbsent(key, h);
            byAddress.computeIfAbsent(key, k -> new ArrayList<>()).addAll(h.facts());
        }
        for (ContactFact f : Checks.copyWithoutNulls(facts, "facts")) {
            byAddress.computeIfAbsent(f.addressKey(), k -> new ArrayList<>()).add(f);
        }
        List<AddressHistory> out = new ArrayList<>(byAddress.size());
        byAddress.forEach((key, list) -> out.add(list.isEmpty() ? first.get(key)
                : new AddressHistory(list.get(0).channel(), list.get(0).address(), list)));
        out.sort(Comparator.comparing(AddressHistory::channel).thenComparing(AddressHistory::address));
        return out;
    }
}
