package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outcome each device shows when occurrences of one address share it (SPEC D3), and the
 * duplicate marks (D2), for a list of recipient entries in list order. Works on a whole recipient
 * list or on any part of it that holds every occurrence of the addresses of interest (a Recipient
 * Log hit, SPEC H1). Devices on channels outside the delivery modes, and blank addresses (no device,
 * D1), share with nothing and are never successful.
 *
 * <p>An address's shared outcome is that of its first successful occurrence; when none succeeded,
 * that of its first failed occurrence, else of its first occurrence still in flight; otherwise the
 * device's own.
 * An occurrence that opted out keeps its own outcome unless another succeeded (opting out is read per
 * occurrence, D3). Immutable.
 */
public final class SharedOutcomes {

    private final List<RecipientEntry> entries;
    private final int[] offsets;
    /** For each device (by its index in list order): the device whose outcome it shows. */
    private final int[] shown;
    private final boolean[] duplicate;
    private final OutcomeClass[] classes;
    private final Device[] devices;

    private SharedOutcomes(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        this.entries = entries;
        offsets = new int[entries.size() + 1];
        for (int e = 0; e < entries.size(); e++) {
            offsets[e + 1] = offsets[e] + entries.get(e).devices().size();
        }
        int n = offsets[entries.size()];
        devices = new Device[n];
        classes = new OutcomeClass[n];
        shown = new int[n];
        duplicate = new boolean[n];
        Map<String, List<Integer>> occurrences = new HashMap<>();
        boolean[] counts = new boolean[n];
        int i = 0;
        for (RecipientEntry entry : entries) {
            for (Device d : entry.devices()) {
                devices[i] = d;
                classes[i] = classifier.classify(d.channel(), d.outcome(), d.confirmed());
                shown[i] = i;
                String key = Addresses.normalise(d.channel(), d.address());
                if (modes.contains(d.channel()) && !key.isBlank()) {
                    counts[i] = true;
                    List<Integer> list = occurrences.computeIfAbsent(d.channel() + " " + key, k -> new ArrayList<>());
                    duplicate[i] = !list.isEmpty();
                    list.add(i);
                }
                i++;
            }
        }
        for (List<Integer> list : occurrences.values()) {
            int representative = -1;
            for (int o : list) {
                if (classes[o] == OutcomeClass.SUCCESS) {
                    representative = o;
                    break;
                }
            }
            boolean success = representative >= 0;
            // none succeeded: a final failure says more than an attempt still in flight
            for (OutcomeClass next : new OutcomeClass[] {OutcomeClass.FAILURE, OutcomeClass.IN_FLIGHT}) {
                for (int o = 0; representative < 0 && o < list.size(); o++) {
                    if (classes[list.get(o)] == next) {
                        representative = list.get(o);
                    }
                }
            }
            if (representative >= 0) {
                for (int o : list) {
                    if (success || classes[o] != OutcomeClass.OPTED_OUT) {
                        shown[o] = representative;
                    }
                }
            }
        }
        for (int d = 0; d < n; d++) {
            // a blank address is no device (D1) and a channel outside the modes is not counted (D4)
            if (!counts[d] && classes[d] == OutcomeClass.SUCCESS) {
                classes[d] = OutcomeClass.NOT_ATTEMPTED;
            }
        }
    }

    /**
     * Reads the shared outcomes of a list of entries.
     *
     * @param entries    the entries, in recipient-list order
     * @param modes      the message's delivery modes
     * @param classifier the outcome classification (SPEC K3)
     * @return the shared outcomes
     */
    public static SharedOutcomes of(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        Checks.requireNonNull(entries, "entries");
        Checks.requireNonNull(modes, "modes");
        Checks.requireNonNull(classifier, "classifier");
        return new SharedOutcomes(List.copyOf(entries),
                modes.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(modes), classifier);
    }

    /**
     * The device whose outcome, confirmation and time a device shows (D3): itself, or the occurrence
     * of its address that decided the address's outcome.
     *
     * @param entry  the entry's index in the list given
     * @param device the device's index in the entry
     * @return the device shown
     * @throws IndexOutOfBoundsException when there is no such device
     */
    public Device shown(int entry, int device) {
        return devices[shown[index(entry, device)]];
    }

    /**
     * The outcome class a device shows (D3).
     *
     * @param entry  the entry's index in the list given
     * @param device the device's index in the entry
     * @return the class of {@link #shown}; never SUCCESS for a channel outside the delivery modes or a
     *         blank address
     */
    public OutcomeClass sharedClass(int entry, int device) {
        return classes[shown[index(entry, device)]];
    }

    /**
     * Whether a device is a duplicate (D2): a second or later occurrence of its address on its channel.
     *
     * @param entry  the entry's index in the list given
     * @param device the device's index in the entry
     * @return true for a duplicate
     */
    public boolean isDuplicate(int entry, int device) {
        return duplicate[index(entry, device)];
    }

    /**
     * Whether an entry had a successful device (K3), the shared outcome counting (D3).
     *
     * @param entry the entry's index in the list given
     * @return true when one of its devices shows success
     */
    public boolean entryReached(int entry) {
        for (int d = 0; d < entries.get(entry).devices().size(); d++) {
            if (sharedClass(entry, d) == OutcomeClass.SUCCESS) {
                return true;
            }
        }
        return false;
    }

    private int index(int entry, int device) {
        if (entry < 0 || entry >= entries.size() || device < 0 || device >= offsets[entry + 1] - offsets[entry]) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "no device %d of entry %d among %d entries", device, entry, entries.size()));
        }
        return offsets[entry] + device;
    }
}
