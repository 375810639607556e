package dev.sentlog.core.store;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a store indexes and returns for the Recipient Log, computed from a message's recipient list:
 * the keys a message is found by, and the entries a {@link RecipientHit} carries.
 */
final class RecipientMatches {

    /** A normalised address on its channel (SPEC D1). */
    record AddressKey(Channel channel, String normalised) {
    }

    private RecipientMatches() {
    }

    /** The person ids of a recipient list, each once. */
    static Set<String> persons(List<RecipientEntry> entries) {
        Set<String> out = new LinkedHashSet<>();
        for (RecipientEntry e : entries) {
            out.add(e.person().id());
        }
        return out;
    }

    /** The non-blank normalised addresses of a recipient list, each once. */
    static Set<AddressKey> addresses(List<RecipientEntry> entries) {
        Set<AddressKey> out = new LinkedHashSet<>();
        for (RecipientEntry e : entries) {
            for (Device d : e.devices()) {
                String n = Addresses.normalise(d.channel(), d.address());
                if (!n.isBlank()) {
                    out.add(new AddressKey(d.channel(), n));
                }
            }
        }
        return out;
    }

    /**
     * The indexes of the entries a hit carries: those the key holds, and those holding another
     * occurrence of one of their addresses on the same channel (SPEC D3), in list order.
     */
    static List<Integer> entryIndexes(List<RecipientEntry> entries, RecipientKey key) {
        Set<AddressKey> shared = new HashSet<>();
        boolean[] taken = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            RecipientEntry e = entries.get(i);
            if (key.holds(e)) {
                taken[i] = true;
                for (Device d : e.devices()) {
                    if (key.holds(e, d)) {
                        String n = Addresses.normalise(d.channel(), d.address());
                        if (!n.isBlank()) {
                            shared.add(new AddressKey(d.channel(), n));
                        }
                    }
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!taken[i] && !shared.isEmpty()) {
                for (Device d : entries.get(i).devices()) {
                    if (shared.contains(new AddressKey(d.channel(), Addresses.normalise(d.channel(), d.address())))) {
                        taken[i] = true;
                        break;
                    }
                }
            }
            if (taken[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
