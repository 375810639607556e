package dev.sentlog.core.totals;

import java.util.Arrays;

/**
 * Numbers the persons of a recipient list by their ids (exact string equality), after the count.
 *
 * <p>The count records a <em>run</em> for each stretch of consecutive entries that share one
 * {@code Person} object (a guardian listed once per student): its id and the id's hash, in list
 * order. {@link #number} then finds which runs are one person. A single hash table over every id
 * would cost a cache miss per run; instead the runs are first partitioned by the top bits of their
 * hash (a pass of sequential reads and a few sequential write streams), and each partition is
 * deduplicated with a table small enough to stay in cache. Ids are compared only when their full
 * 32-bit hashes agree.
 *
 * <p>Person numbers are dense (0 to {@link #persons()} - 1); their order is not list order. Not
 * thread-safe; one per analysis.
 */
final class PersonNumbering {

    /** About this many runs per partition: its table then fits in a core's cache. */
    private static final int PARTITION_TARGET = 4096;

    private final String[] ids;
    private final int[] hashes;
    private int runs;
    private int persons;

    /** Room for {@code maxRuns} runs: a list of n entries has at most n. */
    PersonNumbering(int maxRuns) {
        ids = new String[maxRuns];
        hashes = new int[maxRuns];
    }

    /**
     * Records the next run.
     *
     * @return the run's number (0, 1, 2, … in list order)
     */
    int addRun(String id) {
        ids[runs] = id;
        hashes[runs] = AddressKeys.mix(id.hashCode());
        return runs++;
    }

    /**
     * Numbers the persons of the runs recorded so far.
     *
     * @return each run's person number
     */
    int[] number() {
        int bits = 0;
        while ((runs >>> bits) > PARTITION_TARGET && bits < 12) {
            bits++;
        }
        int partitions = 1 << bits;
        // partition by the top bits of the mixed hash, stable: within a partition, runs keep list order
        int[] starts = new int[partitions + 1];
        int shift = 32 - bits;
        for (int r = 0; r < runs; r++) {
            starts[partitionOf(hashes[r], shift) + 1]++;
        }
        for (int p = 0; p < partitions; p++) {
            starts[p + 1] += starts[p];
        }
        int[] fill = Arrays.copyOf(starts, partitions);
        // hash << 32 | run, so that a partition's work reads one array in order
        long[] partitioned = new long[runs];
        for (int r = 0; r < runs; r++) {
            int h = hashes[r];
            partitioned[fill[partitionOf(h, shift)]++] = ((long) h << 32) | r;
        }
        int[] personOfRun = new int[runs];
        int largest = 0;
        for (int p = 0; p < partitions; p++) {
            largest = Math.max(largest, starts[p + 1] - starts[p]);
        }
        int[] slots = new int[AddressKeys.capacityFor(largest)];
        int mask = slots.length - 1;
        for (int p = 0; p < partitions; p++) {
            Arrays.fill(slots, 0);
            for (int i = starts[p]; i < starts[p + 1]; i++) {
                long entry = partitioned[i];
                int h = (int) (entry >>> 32);
                int r = (int) entry;
                int s = h & mask;
                while (true) {
                    int slot = slots[s];
                    if (slot == 0) {
                        // a new person: the slot keeps where its first run sits in the partitioned array
                        slots[s] = i + 1;
                        personOfRun[r] = persons++;
                        break;
                    }
                    long first = partitioned[slot - 1];
                    if ((int) (first >>> 32) == h && ids[(int) first].equals(ids[r])) {
                        personOfRun[r] = personOfRun[(int) first];
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
        }
        return personOfRun;
    }

    private static int partitionOf(int hash, int shift) {
        return shift == 32 ? 0 : hash >>> shift;
    }

    /** The number of distinct persons, once {@link #number} has run. */
    int persons() {
        return persons;
    }
}
