package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;

/**
 * Allocation-free address keys for the totals' hash tables. Each agrees exactly with
 * {@link Addresses}: two addresses get equal keys if and only if their normalised forms are equal
 * (a property test checks this).
 */
final class AddressKeys {

    /** Phone numbers whose main number has at most this many digits get a packed key. */
    static final int MAX_PACKED_DIGITS = 17;
    /** ... and whose extension has at most this many: its packed key then fits in 31 bits. */
    static final int MAX_PACKED_EXTENSION_DIGITS = 8;
    private static final long TEN_TO_TEN = 10_000_000_000L;

    private AddressKeys() {
    }

    /**
     * Packs a phone number into two longs: {@code (digitCount << 57) | value} for the main number and
     * {@code (digitCount << 27) | value} for the extension (0 when there is none). Returns
     * {@link PhoneParse#BLANK} when the main number has no digit and {@link PhoneParse#TOO_LONG}
     * when the main number has more than 17 digits or the extension more than 8.
     */
    static int parsePhone(String s, long[] out) {
        int n = s.length();
        long main = 0;
        int mainCount = 0;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                main = main * 10 + d; // meaningless past 18 digits, but then the number is too long to pack
                mainCount++;
            } else if (c >= 'A' && Addresses.isAsciiLetter(c)) {
                break; // the extension starts here, as in Addresses.phone
            }
        }
        long ext = 0;
        int extCount = 0;
        for (i++; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d >= 0 && d <= 9) {
                ext = ext * 10 + d;
                extCount++;
            }
        }
        if (mainCount == 0) {
            return PhoneParse.BLANK;
        }
        if (mainCount > MAX_PACKED_DIGITS || extCount > MAX_PACKED_EXTENSION_DIGITS) {
            return PhoneParse.TOO_LONG;
        }
        if (mainCount == 11 && main / TEN_TO_TEN == 1) {
            main -= TEN_TO_TEN;
            mainCount = 10;
        }
        out[0] = ((long) mainCount << 57) | main;
        out[1] = extCount == 0 ? 0 : ((long) extCount << 27) | ext;
        return PhoneParse.PACKED;
    }

    /** Outcomes of {@link #parsePhone}. */
    static final class PhoneParse {
        static final int PACKED = 0;
        static final int BLANK = 1;
        static final int TOO_LONG = 2;

        private PhoneParse() {
        }
    }

    /** Whether a char is white space as {@link String#strip()} sees it (BMP chars). */
    static boolean isSpace(char c) {
        return c <= ' ' ? (c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F'))
                : c >= '\u0080' && Character.isWhitespace(c);
    }

    /** The first index after leading white space. */
    static int stripStart(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the last non-white-space char, at least {@code from}. */
    static int stripEnd(String s, int from) {
        int j = s.length();
        while (j > from && isSpace(s.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    /**
     * The capacity of an open-addressing table of int slots that holds {@code expected} keys without
     * growing: a power of two, at least 16, with {@code expected} within its {@link #limitOf limit}.
     */
    static int capacityFor(int expected) {
        int capacity = 16;
        while (limitOf(capacity) < expected && capacity < (1 << 30)) {
            capacity <<= 1;
        }
        return capacity;
    }

    /**
     * The most keys a table of this capacity holds before it doubles: three quarters. Linear probing
     * keeps a probe sequence within one or two cache lines of int slots even at that load, and it
     * leaves the number + 1 a slot stores below the capacity, so it fits in the index bits.
     */
    static int limitOf(int capacity) {
        return capacity - (capacity >>> 2);
    }

    /**
     * Puts {@code id + 1}, with the hash bits above the mask, into the first free slot of the probe
     * sequence of a mixed hash: how the tables place a key when they grow.
     */
    static void place(int[] slots, int mask, int mixed, int id) {
        int i = mixed & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = (mixed & ~mask) | (id + 1);
    }

    /**
     * Reads the slots where the probes for these mixed hashes start and returns their sum: called for
     * a batch of keys before they are added, it brings those slots into cache with the reads
     * overlapping, as a probe cannot.
     */
    static int touch(int[] slots, int mask, int[] hashes, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += slots[hashes[i] & mask];
        }
        return sum;
    }

    static int mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
