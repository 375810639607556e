package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An open-addressing table of distinct phone numbers keyed by their packed digits (see
 * {@link AddressKeys#parsePhone}), shared by Voice and Text with separate flag bits per channel.
 * Each distinct number gets a stable id (0, 1, 2, … in order of first sight) that survives the
 * table's growth; flags are kept by id. Numbers too long to pack go to a small map keyed by their
 * normalised string. Not thread-safe; one per analysis.
 */
final class PhoneKeyTable {

    static final int BLANK = -1;

    private long[] mainKeys;
    private long[] extKeys;
    private int[] ids;
    private int mask;
    private int[] flagsById;
    private int size;
    private final long[] scratch = new long[2];
    private Map<String, Integer> longNumbers;
    /** Set by {@link #add}: the flags the number had before this add. */
    int previousFlags;

    PhoneKeyTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
        flagsById = new int[Math.max(16, expected)];
    }

    private void allocate(int cap) {
        mainKeys = new long[cap];
        extKeys = new long[cap];
        ids = new int[cap];
        mask = cap - 1;
    }

    /**
     * Adds a number (or finds it) and ORs the bits into its flags.
     *
     * @return the number's id, or {@link #BLANK}
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
                int id = newId(bits);
                ids[i] = id;
                if (id * 2 > mask) {
                    grow();
                }
                return id;
            }
            if (m == k1 && extKeys[i] == k2) {
                return orBits(ids[i], bits);
            }
            i = (i + 1) & mask;
        }
    }

    private int newId(int bits) {
        if (size == flagsById.length) {
            flagsById = Arrays.copyOf(flagsById, size * 2);
        }
        flagsById[size] = bits;
        previousFlags = 0;
        return size++;
    }

    private int orBits(int id, int bits) {
        previousFlags = flagsById[id];
        flagsById[id] |= bits;
        return id;
    }

    private int addLong(String normalised, int bits) {
        if (longNumbers == null) {
            longNumbers = new HashMap<>();
        }
        Integer id = longNumbers.get(normalised);
        if (id == null) {
            int created = newId(bits);
            longNumbers.put(normalised, created);
            return created;
        }
        return orBits(id, bits);
    }

    private void grow() {
        long[] om = mainKeys;
        long[] oe = extKeys;
        int[] oi = ids;
        allocate(om.length * 2);
        for (int j = 0; j < om.length; j++) {
            if (om[j] != 0) {
                int i = AddressKeys.mix(om[j] * 0x9E3779B97F4A7C15L + oe[j]) & mask;
                while (mainKeys[i] != 0) {
                    i = (i + 1) & mask;
                }
                mainKeys[i] = om[j];
                extKeys[i] = oe[j];
                ids[i] = oi[j];
            }
        }
    }

    /** The flags of a number by its id. */
    int flags(int id) {
        return flagsById[id];
    }

    /** Counts the numbers whose flags match {@code test}. */
    int count(IntPredicate test) {
        int n = 0;
        for (int id = 0; id < size; id++) {
            if (test.test(flagsById[id])) {
                n++;
            }
        }
        return n;
    }
}
