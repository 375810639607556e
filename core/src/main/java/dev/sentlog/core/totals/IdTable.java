package dev.sentlog.core.totals;

import java.util.Arrays;

/**
 * Dense numbering of distinct ids (exact string equality): the first id added is 0, the next new one
 * 1, and so on. Each slot is one {@code int}: the low bits (as many as the table's index bits) hold
 * the number + 1, the bits above them hold the same bits of the id's mixed hash, so a probe touches
 * one small array and compares strings only when those hash bits agree. The table stays small
 * enough to stay in cache; the ids and their hashes are kept in order of their numbers. Not
 * thread-safe; one per analysis.
 */
final class IdTable {

    private int[] slots;
    private int mask;
    private int limit;
    private String[] ids;
    private int[] hashes;
    private int size;

    IdTable(int expected) {
        allocate(AddressKeys.capacityFor(expected));
        ids = new String[Math.max(16, expected)];
        hashes = new int[ids.length];
    }

    private void allocate(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        limit = AddressKeys.limitOf(capacity);
    }

    /** The number of {@code id}, assigning the next one when it is new. */
    int numberOf(String id) {
        int h = id.hashCode();
        int m = AddressKeys.mix(h);
        int high = m & ~mask;
        int i = m & mask;
        while (true) {
            int slot = slots[i];
            if (slot == 0) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                    hashes = Arrays.copyOf(hashes, size * 2);
                }
                ids[size] = id;
                hashes[size] = h;
                slots[i] = high | (size + 1);
                int number = size++;
                if (size > limit) {
                    grow();
                }
                return number;
            }
            if ((slot & ~mask) == high) {
                int number = (slot & mask) - 1;
                if (ids[number].equals(id)) {
                    return number;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** The slot where a probe for {@code id} starts. */
    int slotOf(String id) {
        return slots[AddressKeys.mix(id.hashCode()) & mask];
    }

    private void grow() {
        allocate(slots.length * 2);
        for (int number = 0; number < size; number++) {
            AddressKeys.place(slots, mask, AddressKeys.mix(hashes[number]), number);
        }
    }

    int size() {
        return size;
    }
}
