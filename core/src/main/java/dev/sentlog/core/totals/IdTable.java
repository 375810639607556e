package dev.sentlog.core.totals;

/**
 * Dense numbering of distinct ids (exact string equality): the first id added is 0, the next new one
 * 1, and so on. Not thread-safe; one per analysis.
 */
final class IdTable {

    private String[] keys;
    private int[] numbers;
    private int size;
    private int mask;

    IdTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[cap];
        numbers = new int[cap];
        mask = cap - 1;
    }

    /** The number of {@code id}, assigning the next one when it is new. */
    int numberOf(String id) {
        int h = id.hashCode();
        int i = AddressKeys.mix(h) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                keys[i] = id;
                numbers[i] = size++;
                int n = numbers[i];
                if (size * 2 > mask) {
                    grow();
                }
                return n;
            }
            if (k.hashCode() == h && k.equals(id)) {
                return numbers[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        String[] ok = keys;
        int[] on = numbers;
        keys = new String[ok.length * 2];
        numbers = new int[ok.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != null) {
                int i = AddressKeys.mix(ok[j].hashCode()) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                numbers[i] = on[j];
            }
        }
    }

    int size() {
        return size;
    }
}
