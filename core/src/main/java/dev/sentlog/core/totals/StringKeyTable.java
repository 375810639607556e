package dev.sentlog.core.totals;

import java.util.Locale;

/**
 * An open-addressing table of distinct addresses compared by their normalised form without building
 * it: email addresses (stripped, ASCII case folded; non-ASCII addresses fall back to
 * {@code strip().toLowerCase(Locale.ROOT)}) or inbox ids (stripped, exact). Each slot carries flag
 * bits. Not thread-safe; one per analysis.
 */
final class StringKeyTable {

    static final int BLANK = -1;

    private final boolean foldCase;
    private String[] src;
    private int[] from;
    private int[] len;
    private int[] hashes;
    private int[] flags;
    private int size;
    private int mask;
    /** Set by {@link #add}: whether the last add found an existing slot. */
    boolean lastWasPresent;

    StringKeyTable(boolean foldCase, int expected) {
        this.foldCase = foldCase;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        src = new String[cap];
        from = new int[cap];
        len = new int[cap];
        hashes = new int[cap];
        flags = new int[cap];
        mask = cap - 1;
    }

    /**
     * Adds an address (or finds it) and ORs the bits into its slot.
     *
     * @return the slot, or {@link #BLANK} when the address is blank
     */
    int add(String address, int bits) {
        String s = address;
        int a = AddressKeys.stripStart(s);
        int b = AddressKeys.stripEnd(s, a);
        if (a == b) {
            return BLANK;
        }
        int h = 0;
        if (foldCase) {
            for (int i = a; i < b; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    s = s.substring(a, b).toLowerCase(Locale.ROOT);
                    a = 0;
                    b = s.length();
                    h = hashFolded(s, 0, b);
                    break;
                }
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        } else {
            for (int i = a; i < b; i++) {
                h = 31 * h + s.charAt(i);
            }
        }
        return insert(s, a, b - a, h, bits);
    }

    private static int hashFolded(String s, int a, int b) {
        int h = 0;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return h;
    }

    private int insert(String s, int a, int n, int h, int bits) {
        int i = AddressKeys.mix(h) & mask;
        while (true) {
            String other = src[i];
            if (other == null) {
                src[i] = s;
                from[i] = a;
                len[i] = n;
                hashes[i] = h;
                flags[i] = bits;
                lastWasPresent = false;
                if (++size * 2 > mask) {
                    return grow(i);
                }
                return i;
            }
            if (hashes[i] == h && len[i] == n && same(other, from[i], s, a, n)) {
                flags[i] |= bits;
                lastWasPresent = true;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean same(String x, int xa, String y, int ya, int n) {
        if (!foldCase) {
            return x.regionMatches(xa, y, ya, n);
        }
        for (int k = 0; k < n; k++) {
            char c = x.charAt(xa + k);
            char d = y.charAt(ya + k);
            if (c != d) {
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (d >= 'A' && d <= 'Z') {
                    d += 32;
                }
                if (c != d) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Rehashes into a table twice the size; returns the new slot of the entry at {@code slot}. */
    private int grow(int slot) {
        String[] os = src;
        int[] of = from;
        int[] ol = len;
        int[] oh = hashes;
        int[] ofl = flags;
        allocate(os.length * 2);
        int result = -1;
        for (int j = 0; j < os.length; j++) {
            if (os[j] != null) {
                int i = AddressKeys.mix(oh[j]) & mask;
                while (src[i] != null) {
                    i = (i + 1) & mask;
                }
                src[i] = os[j];
                from[i] = of[j];
                len[i] = ol[j];
                hashes[i] = oh[j];
                flags[i] = ofl[j];
                if (j == slot) {
                    result = i;
                }
            }
        }
        return result;
    }

    int flags(int slot) {
        return flags[slot];
    }

    /** Counts the slots whose flags contain all of {@code required} and none of {@code excluded}. */
    int count(int required, int excluded) {
        int n = 0;
        for (int i = 0; i < src.length; i++) {
            if (src[i] != null) {
                int f = flags[i];
                if ((f & required) == required && (f & excluded) == 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
