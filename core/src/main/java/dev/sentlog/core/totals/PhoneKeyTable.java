package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import java.util.HashMap;
import java.util.Map;

/**
 * An open-addressing table of distinct phone numbers keyed by their packed digits (see
 * {@link AddressKeys#parsePhone}), shared by Voice and Text with separate flag bits per channel.
 * Numbers too long to pack go to a small map keyed by their normalised string; their slots are
 * numbered after the packed ones. Not thread-safe; one per analysis.
 */
final class PhoneKeyTable {

    static final int BLANK = -1;

    private long[] mainKeys;
    private long[] extKeys;
    private int[] flags;
    private int size;
    private int mask;
    private final long[] scratch = new long[2];
    private Map<String, int[]> longNumbers;
    private int[][] longSlots = new int[0][];
    /** Set by {@link #add}: the flags the slot had before this add. */
    int previousFlags;

    PhoneKeyTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        mainKeys = new long[cap];
        extKeys = new long[cap];
        flags = new int[cap];
        mask = cap - 1;
    }

    /**
     * Adds a number (or finds it) and ORs the bits into its slot.
     *
     * @return the slot (packed slots first, then long numbers after {@link #capacity()}), or
     *         {@link #BLANK}
     */
    int add(String address, int bits) {
        int parsed = AddressKeys.parsePhone(address, scratch);
        if (parsed == AddressKeys.PhoneParse.BLANK) {
            return BLANK;
        }
        if (parsed == AddressKeys.PhoneParse.TOO_LONG) {
            return addLong(Addresses.phone(address), bits);
        }
        long k1 = scratch[0];
        long k2 = scratch[1];
        int i = AddressKeys.mix(k1 * 0x9E3779B97F4A7C15L + k2) & mask;
        while (true) {
            long m = mainKeys[i];
            if (m == 0) {
                mainKeys[i] = k1;
                extKeys[i] = k2;
                flags[i] = bits;
                previousFlags = 0;
                if (++size * 2 > mask) {
                    return grow(k1, k2);
                }
                return i;
            }
            if (m == k1 && extKeys[i] == k2) {
                previousFlags = flags[i];
                flags[i] |= bits;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private int addLong(String normalised, int bits) {
        if (longNumbers == null) {
            longNumbers = new HashMap<>();
        }
        int[] cell = longNumbers.get(normalised);
        if (cell == null) {
            cell = new int[] {longNumbers.size(), 0};
            longNumbers.put(normalised, cell);
            int[][] grown = new int[longNumbers.size()][];
            System.arraycopy(longSlots, 0, grown, 0, longSlots.length);
            grown[cell[0]] = cell;
            longSlots = grown;
        }
        previousFlags = cell[1];
        cell[1] |= bits;
        return -2 - cell[0];
    }

    private int grow(long keepMain, long keepExt) {
        long[] om = mainKeys;
        long[] oe = extKeys;
        int[] of = flags;
        allocate(om.length * 2);
        int result = -1;
        for (int j = 0; j < om.length; j++) {
            if (om[j] != 0) {
                int i = AddressKeys.mix(om[j] * 0x9E3779B97F4A7C15L + oe[j]) & mask;
                while (mainKeys[i] != 0) {
                    i = (i + 1) & mask;
                }
                mainKeys[i] = om[j];
                extKeys[i] = oe[j];
                flags[i] = of[j];
                if (om[j] == keepMain && oe[j] == keepExt) {
                    result = i;
                }
            }
        }
        return result;
    }

    /** The flags of a slot returned by {@link #add} (long-number slots are negative, below -1). */
    int flags(int slot) {
        return slot >= 0 ? flags[slot] : longSlots[-2 - slot][1];
    }

    /** Counts the numbers whose flags match {@code test}. */
    int count(java.util.function.IntPredicate test) {
        int n = 0;
        for (int i = 0; i < mainKeys.length; i++) {
            if (mainKeys[i] != 0 && test.test(flags[i])) {
                n++;
            }
        }
        for (int[] cell : longSlots) {
            if (test.test(cell[1])) {
                n++;
            }
        }
        return n;
    }
}
