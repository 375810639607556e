package dev.sentlog.core.totals;

import java.util.Arrays;

/**
 * Dense numbering of distinct ids (exact string equality): the first id added is 0, the next new one
 * 1, and so on. Each slot is one {@code long} holding the id's hash and its number + 1, so a probe
 * touches one array and compares strings only when the hashes are equal; the ids themselves are kept
 * in order of their numbers. Not thread-safe; one per analysis.
 */
final class IdTable {

    private long[] slots;
    private int mask;
    private String[] ids;
    private int size;

    IdTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap];
        mask = cap - 1;
        ids = new String[Math.max(16, expected)];
    }

    /** The number of {@code id}, assigning the next one when it is new. */
    int numberOf(String id) {
        int h = id.hashCode();
        long hashHigh = (long) h << 32;
        int i = AddressKeys.mix(h) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size] = id;
                slots[i] = hashHigh | (size + 1L);
                int number = size++;
                if (size * 2 > mask) {
                    grow();
                }
                return number;
            }
            if ((slot & 0xFFFF_FFFF_0000_0000L) == hashHigh) {
                int number = (int) slot - 1;
                if (ids[number].equals(id)) {
                    return number;
                }
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = AddressKeys.mix((int) (slot >>> 32)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }

    int size() {
        return size;
    }
}
