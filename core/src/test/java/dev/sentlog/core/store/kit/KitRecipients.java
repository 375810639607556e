package dev.sentlog.core.store.kit;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.RecipientKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The kit's plain definition of the entries a Recipient Log hit carries (ST-53, ST-55). */
final class KitRecipients {

    private KitRecipients() {
    }

    /** The key's entries and every entry sharing one of their matched addresses on the same channel. */
    static List<Integer> entryIndexes(List<RecipientEntry> entries, RecipientKey key) {
        Set<String> addresses = new HashSet<>();
        for (RecipientEntry e : entries) {
            for (Device d : e.devices()) {
                String n = Addresses.normalise(d.channel(), d.address());
                if (key.holds(e) && key.holds(e, d) && !n.isBlank()) {
                    addresses.add(d.channel() + " " + n);
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RecipientEntry e = entries.get(i);
            boolean shares = e.devices().stream()
                    .anyMatch(d -> addresses.contains(d.channel() + " " + Addresses.normalise(d.channel(), d.address())));
            if (key.holds(e) || shares) {
                out.add(i);
            }
        }
        return out;
    }
}
