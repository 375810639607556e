package dev.sentlog.core.store;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.AddressStanding;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory contact ledger (SPEC H3): per address its facts and their standing, kept current as
 * device tables report final outcomes. Each address is guarded by its own lock; the addresses with a
 * streak and those not to contact are indexed, so listing them never looks at other addresses.
 */
final class InMemoryContactLedger {

    /** A change of one row's fact: the new fact, or null to remove it. */
    record Change(String addressKey, Channel channel, String address, String messageId, int row, ContactFact fact) {
    }

    private record FactKey(String messageId, int row) {
    }

    private static final class Ledger {
        final Channel channel;
        final String address;
        final Map<FactKey, ContactFact> facts = new HashMap<>();
        int streak;
        boolean doNotContact;

        Ledger(Channel channel, String address) {
            this.channel = channel;
            this.address = address;
        }

        AddressHistory history() {
            return new AddressHistory(channel, address, new ArrayList<>(facts.values()));
        }
    }

    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> doNotContact = ConcurrentHashMap.newKeySet();

    /** Applies the changes of one device callback, address by address. */
    void apply(List<Change> changes) {
        for (Change c : changes) {
            Ledger l = ledgers.computeIfAbsent(c.addressKey(), k -> new Ledger(c.channel(), c.address()));
            synchronized (l) {
                FactKey key = new FactKey(c.messageId(), c.row());
                if (c.fact() == null) {
                    l.facts.remove(key);
                } else {
                    l.facts.put(key, c.fact());
                }
                AddressStanding s = AddressStanding.of(new ArrayList<>(l.facts.values()));
                l.streak = s.streak();
                l.doNotContact = s.doNotContact();
                if (l.streak > 0) {
                    failing.add(c.addressKey());
                } else {
                    failing.remove(c.addressKey());
                }
                if (l.doNotContact) {
                    doNotContact.add(c.addressKey());
                } else {
                    doNotContact.remove(c.addressKey());
                }
            }
        }
    }

    List<AddressHistory> failing(int minStreak) {
        List<AddressHistory> out = new ArrayList<>();
        for (String key : failing) {
            Ledger l = ledgers.get(key);
            synchronized (l) {
                if (l.streak >= minStreak) {
                    out.add(l.history());
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    List<AddressHistory> doNotContact() {
        List<AddressHistory> out = new ArrayList<>();
        for (String key : doNotContact) {
            Ledger l = ledgers.get(key);
            synchronized (l) {
                if (l.doNotContact) {
                    out.add(l.history());
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    Set<String> doNotContact(Channel channel, Collection<String> addresses) {
        Set<String> out = new HashSet<>();
        for (String a : addresses) {
            if (doNotContact.contains(ContactFact.key(channel, a))) {
                out.add(a);
            }
        }
        return out;
    }

    private static final Comparator<AddressHistory> ORDER = Comparator.comparing(AddressHistory::channel)
            .thenComparing(AddressHistory::address);
}
