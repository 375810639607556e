package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An open-addressing table of distinct phone numbers keyed by their packed digits (see
 * {@link AddressKeys#parsePhone}), shared by Voice and Text with separate flag bits per channel.
 * Slots are three consecutive longs (main number, extension, id + 1), so a probe touches one cache
 * line. Each distinct number gets a stable id (0, 1, 2, … in order of first sight) that survives the
 * table's growth; flags are kept by id. Numbers too long to pack go to a small map keyed by their
 * normalised string. Not thread-safe; one per analysis.
 */
final class PhoneKeyTable {

    static final int BLANK = -1;

    private long[] table;
    private int mask;
    private int[] flagsById;
    private int size;
    private final long[] scratch = new long[2];
    private Map<String, Integer> longNumbers;
    /** Set by {@link #add}: the flags the number had before this add. */
    int previousFlags;

    PhoneKeyTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[cap * 3];
        mask = cap - 1;
        flagsById = new int[Math.max(16, expected)];
    }

    private static int indexOf(long main, long ext, int mask) {
        return AddressKeys.mix(main * 0x9E3779B97F4A7C15L + ext) & mask;
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
        int i = indexOf(k1, k2, mask);
        while (true) {
            int p = i * 3;
            long m = table[p];
            if (m == 0) {
                table[p] = k1;
                table[p + 1] = k2;
                int id = newId(bits);
                table[p + 2] = id + 1L;
                if (size * 2 > mask) {
                    grow();
                }
                return id;
            }
            if (m == k1 && table[p + 1] == k2) {
                return orBits((int) table[p + 2] - 1, bits);
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
        long[] old = table;
        int cap = (mask + 1) * 2;
        table = new long[cap * 3];
        mask = cap - 1;
        for (int p = 0; p < old.length; p += 3) {
            if (old[p] != 0) {
                int i = indexOf(old[p], old[p + 1], mask);
                while (table[i * 3] != 0) {
                    i = (i + 1) & mask;
                }
                table[i * 3] = old[p];
                table[i * 3 + 1] = old[p + 1];
                table[i * 3 + 2] = old[p + 2];
            }
        }
    }

    /** ORs bits into the flags of a number already added. */
    void mark(int id, int bits) {
        flagsById[id] |= bits;
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
