package dev.sentlog.core.store;

import java.time.Instant;
import java.util.Arrays;

/**
 * A sorted index of (created-time key, slot) pairs: appends in time order are O(1), an insertion in
 * the past shifts the tail. Range bounds are binary searches, so counting a range never reads the
 * messages. Not thread-safe: the store guards it with its index lock.
 */
final class TimeIndex {

    private long[] keys = new long[16];
    private int[] slots = new int[16];
    private int size;

    /** The key of an instant: epoch nanoseconds, saturated at the ends of {@code long}. */
    static long key(Instant t) {
        long s = t.getEpochSecond();
        if (s >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (s <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return s * 1_000_000_000L + t.getNano();
    }

    void add(long key, int slot) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        int at = size;
        if (size > 0 && keys[size - 1] > key) {
            at = lowerBound(key + 1); // after equal keys: a later recording sorts as newer
            System.arraycopy(keys, at, keys, at + 1, size - at);
            System.arraycopy(slots, at, slots, at + 1, size - at);
        }
        keys[at] = key;
        slots[at] = slot;
        size++;
    }

    /** The first position whose key is at least {@code key}. */
    int lowerBound(long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long keyAt(int position) {
        return keys[position];
    }

    int slotAt(int position) {
        return slots[position];
    }

    int size() {
        return size;
    }

    /** Removes the pair, if present; shifts the tail (SPEC X1: a purged message leaves the index). */
    void remove(long key, int slot) {
        for (int p = lowerBound(key); p < size && keys[p] == key; p++) {
            if (slots[p] == slot) {
                System.arraycopy(keys, p + 1, keys, p, size - p - 1);
                System.arraycopy(slots, p + 1, slots, p, size - p - 1);
                size--;
                return;
            }
        }
    }
}
