package dev.sentlog.core.totals;

import java.util.Arrays;
import java.util.Locale;

/**
 * An open-addressing table of distinct addresses compared by their normalised form without building
 * it: email addresses (stripped, ASCII case folded; an address with a non-ASCII character falls back
 * to {@code strip().toLowerCase(Locale.ROOT)}) or inbox ids (stripped, exact).
 *
 * <p>Each slot is one {@code int}: the low bits (as many as the table's index bits) hold the key's
 * id + 1, the bits above them the same bits of its mixed hash, so a probe touches one small array
 * and compares text only when those bits agree. Ids are stable (0, 1, 2, … in order of first sight)
 * and index the key's text (an email key's folded chars, copied into one array), bounds and flag
 * bits. Not thread-safe; one per analysis.
 */
final class StringKeyTable {

    /** {@link #prepare}: the address is blank. */
    static final long BLANK_REGION = -1;
    /** {@link #prepare}: the key is not a region of the address. */
    static final long OTHER_REGION = -2;

    private final boolean foldCase;
    private int[] slots;
    private int mask;
    private int limit;
    /** Inbox ids: the text each key is a region of. */
    private String[] texts;
    /**
     * Email keys: their folded chars one after another, so that comparing with a key reads one
     * array, in about the order the keys were added, instead of a string object and then its
     * chars, each a cache miss on a key first seen long before.
     */
    private char[] folded;
    private int foldedLength;
    /** Each key's start (in its text, or in {@link #folded}) {@code << 32 | length}. */
    private long[] bounds;
    private int[] flagsById;
    private int size;
    /** Set by {@link #prepare}: the mixed hash of the key it found, which places it. */
    int preparedHash;

    StringKeyTable(boolean foldCase, int expected) {
        this.foldCase = foldCase;
        allocate(AddressKeys.capacityFor(expected));
        int ids = Math.max(16, expected);
        if (foldCase) {
            folded = new char[ids * 4];
        } else {
            texts = new String[ids];
        }
        bounds = new long[ids];
        flagsById = new int[ids];
    }

    private void allocate(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        limit = AddressKeys.limitOf(capacity);
    }

    /**
     * Finds the key of an address, the first of the two steps of adding it: the region of the
     * address that is its key and that region's mixed hash (left in {@link #preparedHash}).
     *
     * @return {@code start << 32 | length} of the key region, {@link #BLANK_REGION} when the address
     *         is blank, or {@link #OTHER_REGION} when the key is not a region of the address (an email
     *         with a non-ASCII character, folded by the JDK)
     */
    long prepare(String s) {
        int n = s.length();
        int h;
        long region;
        if (n > 0 && !AddressKeys.isSpace(s.charAt(0)) && !AddressKeys.isSpace(s.charAt(n - 1))
                && (!foldCase || isFolded(s))) {
            // already in normal form: String's own (cached) hash is the folded hash
            h = s.hashCode();
            region = n;
        } else {
            int a = AddressKeys.stripStart(s);
            int b = AddressKeys.stripEnd(s, a);
            if (a == b) {
                return BLANK_REGION;
            }
            if (foldCase) {
                // hash and ASCII check in one pass: OR-ing the chars together leaves a bit at 0x80 or
                // above if any is not ASCII
                int any = 0;
                h = 0;
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    any |= c;
                    h = 31 * h + fold(c);
                }
                if (any >= 0x80) {
                    return OTHER_REGION;
                }
            } else {
                h = hashOf(s, a, b, false);
            }
            region = ((long) a << 32) | (b - a);
        }
        preparedHash = AddressKeys.mix(h);
        return region;
    }

    /**
     * Adds an address that is not blank (or finds it) by the key {@link #prepare} found, and ORs the
     * bits into its flags.
     *
     * @param region what {@link #prepare} returned for the address: not {@link #BLANK_REGION}
     * @param hash   the {@link #preparedHash} it left
     * @return the key's id when it is new, {@code ~id} (negative) when it was present
     */
    int addPrepared(String s, long region, int hash, int bits) {
        if (region == OTHER_REGION) {
            String normal = s.strip().toLowerCase(Locale.ROOT);
            return insert(normal, 0, normal.length(), AddressKeys.mix(hashOf(normal, 0, normal.length(), true)), bits);
        }
        return insert(s, (int) (region >>> 32), (int) region, hash, bits);
    }

    /** Reads the slots where the probes for these mixed hashes start: see {@link AddressKeys#touch}. */
    int touch(int[] hashes, int count) {
        return AddressKeys.touch(slots, mask, hashes, count);
    }

    /** Whether every char is ASCII and none is an upper-case letter. */
    private static boolean isFolded(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** The hash {@link String#hashCode()} would give the region, ASCII-folded when asked. */
    private static int hashOf(String s, int a, int b, boolean fold) {
        int h = 0;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            h = 31 * h + (fold ? fold(c) : c);
        }
        return h;
    }

    /** The hash {@link String#hashCode()} would give these chars. */
    private static int hashOf(char[] s, int a, int b) {
        int h = 0;
        for (int i = a; i < b; i++) {
            h = 31 * h + s[i];
        }
        return h;
    }

    /**
     * An ASCII upper-case letter in lower case, any other char as it is; without a branch, as the
     * letter cases of addresses written in several spellings do not follow a pattern a branch
     * predictor learns.
     */
    private static int fold(char c) {
        // both differences are negative exactly when 'A' <= c <= 'Z': the sign bit of their AND is 1
        return c + ((('A' - 1 - c) & (c - 'Z' - 1)) >>> 31 << 5);
    }

    /**
     * Inserts the key region {@code s[a, a + n)} whose mixed hash is {@code m}.
     *
     * @return the key's id when it is new, {@code ~id} when it was present
     */
    private int insert(String s, int a, int n, int m, int bits) {
        int high = m & ~mask;
        int i = m & mask;
        int slot;
        while ((slot = slots[i]) != 0) {
            if ((slot & ~mask) == high) {
                int id = (slot & mask) - 1;
                long bound = bounds[id];
                if ((int) bound == n && same(id, (int) (bound >>> 32), s, a, n)) {
                    flagsById[id] |= bits;
                    return ~id;
                }
            }
            i = (i + 1) & mask;
        }
        int id = newId(s, a, n, bits);
        slots[i] = high | (id + 1);
        if (size > limit) {
            grow();
        }
        return id;
    }

    private int newId(String s, int a, int n, int bits) {
        if (size == bounds.length) {
            int grown = size * 2;
            if (!foldCase) {
                texts = Arrays.copyOf(texts, grown);
            }
            bounds = Arrays.copyOf(bounds, grown);
            flagsById = Arrays.copyOf(flagsById, grown);
        }
        if (foldCase) {
            if (foldedLength + n > folded.length) {
                folded = Arrays.copyOf(folded, Math.max(folded.length * 2, foldedLength + n));
            }
            for (int k = 0; k < n; k++) {
                folded[foldedLength + k] = (char) fold(s.charAt(a + k));
            }
            bounds[size] = ((long) foldedLength << 32) | n;
            foldedLength += n;
        } else {
            texts[size] = s;
            bounds[size] = ((long) a << 32) | n;
        }
        flagsById[size] = bits;
        return size++;
    }

    /** Whether key {@code id}, which starts at {@code xa}, equals the key region {@code y[ya, ya + n)}. */
    private boolean same(int id, int xa, String y, int ya, int n) {
        if (!foldCase) {
            return texts[id].regionMatches(xa, y, ya, n);
        }
        // the key's chars are folded already; the region's are folded without a branch per char
        // (see fold): equal keys, the usual case here, are read to the end anyway
        char[] x = folded;
        int differ = 0;
        for (int k = 0; k < n; k++) {
            differ |= x[xa + k] ^ fold(y.charAt(ya + k));
        }
        return differ == 0;
    }

    private void grow() {
        allocate(slots.length * 2);
        for (int id = 0; id < size; id++) {
            // a key's hash is not kept: growing is rare, and the key's text gives it again
            int a = (int) (bounds[id] >>> 32);
            int n = (int) bounds[id];
            int m = AddressKeys.mix(foldCase ? hashOf(folded, a, a + n) : hashOf(texts[id], a, a + n, false));
            AddressKeys.place(slots, mask, m, id);
        }
    }

    /** ORs bits into the flags of a key already added. */
    void mark(int id, int bits) {
        flagsById[id] |= bits;
    }

    /** Counts the keys whose flags contain all of {@code required}. */
    int count(int required) {
        int n = 0;
        for (int id = 0; id < size; id++) {
            if ((flagsById[id] & required) == required) {
                n++;
            }
        }
        return n;
    }
}
