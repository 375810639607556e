package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An open-addressing table of distinct phone numbers keyed by their packed digits (see
 * {@link AddressKeys#parsePhone}), shared by Voice and Text with separate flag bits per channel.
 * Each slot is one {@code int}: the low bits (as many as the table's index bits) hold the number's
 * id + 1, the bits above them the same bits of its mixed hash, so a probe touches one small array
 * and reads the packed key only when those bits agree. Each distinct number gets a stable id (0, 1,
 * 2, … in order of first sight) that indexes its packed key and flags. Numbers too long to pack go
 * to a small map keyed by their normalised string. Not thread-safe; one per analysis.
 */
final class PhoneKeyTable {

    /** {@link #preparedMain} of a number too long to pack: a packed main number is never 0. */
    static final long NOT_PACKED = 0;

    private int[] slots;
    private int mask;
    private int limit;
    private long[] mains;
    private int[] extensions;
    private int[] flagsById;
    private int size;
    private final long[] scratch = new long[2];
    private Map<String, Integer> longNumbers;
    /** Set by {@link #prepare}: the packed main number it parsed. */
    long preparedMain;
    /** Set by {@link #prepare}: the packed extension it parsed. */
    int preparedExtension;
    /** Set by {@link #prepare}: the mixed hash of the packed number, which places it. */
    int preparedHash;
    /** Set by {@link #addPrepared}: the flags the number had before this add. */
    int previousFlags;

    /**
     * @param expected the distinct numbers expected: the slots hold this many without growing
     * @param ids      room for this many numbers' keys and flags before those arrays grow
     */
    PhoneKeyTable(int expected, int ids) {
        allocate(AddressKeys.capacityFor(expected));
        int room = Math.max(16, ids);
        mains = new long[room];
        extensions = new int[room];
        flagsById = new int[room];
    }

    private void allocate(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        limit = AddressKeys.limitOf(capacity);
    }

    private static int hashOf(long main, long extension) {
        return AddressKeys.mix(main * 0x9E3779B97F4A7C15L + extension);
    }

    /**
     * Parses a number, the first of the two steps of adding it: a packed number is left in
     * {@link #preparedMain}, {@link #preparedExtension} and {@link #preparedHash}; for a number too
     * long to pack, {@link #preparedMain} is {@link #NOT_PACKED}.
     *
     * @return one of {@link AddressKeys.PhoneParse}'s outcomes
     */
    int prepare(String address) {
        int parsed = AddressKeys.parsePhone(address, scratch);
        if (parsed == AddressKeys.PhoneParse.PACKED) {
            preparedMain = scratch[0];
            preparedExtension = (int) scratch[1];
            preparedHash = hashOf(preparedMain, preparedExtension);
        } else {
            preparedMain = NOT_PACKED;
            preparedExtension = 0;
            preparedHash = 0;
        }
        return parsed;
    }

    /**
     * Adds a number that is not blank (or finds it) as {@link #prepare} parsed it, and ORs the bits
     * into its flags.
     *
     * @param main      the {@link #preparedMain} it left
     * @param extension the {@link #preparedExtension} it left
     * @param m         the {@link #preparedHash} it left
     * @return the number's id
     */
    int addPrepared(String address, long main, int extension, int m, int bits) {
        if (main == NOT_PACKED) {
            return addLong(Addresses.phone(address), bits);
        }
        int high = m & ~mask;
        int i = m & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                int id = newId(bits);
                mains[id] = main;
                extensions[id] = extension;
                slots[i] = high | (id + 1);
                if (size > limit) {
                    grow();
                }
                return id;
            }
            if ((slot & ~mask) == high) {
                int id = (slot & mask) - 1;
                if (mains[id] == main && extensions[id] == extension) {
                    return orBits(id, bits);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Reads the slots where the probes for these mixed hashes start: see {@link AddressKeys#touch}. */
    int touch(int[] hashes, int count) {
        return AddressKeys.touch(slots, mask, hashes, count);
    }

    private int newId(int bits) {
        if (size == flagsById.length) {
            mains = Arrays.copyOf(mains, size * 2);
            extensions = Arrays.copyOf(extensions, size * 2);
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
        allocate(slots.length * 2);
        for (int id = 0; id < size; id++) {
            // numbers in the long-number map have no packed key (a packed main key is never 0)
            if (mains[id] != NOT_PACKED) {
                AddressKeys.place(slots, mask, hashOf(mains[id], extensions[id]), id);
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

    /** The number of distinct numbers; their ids are 0 to size - 1. */
    int size() {
        return size;
    }
}
