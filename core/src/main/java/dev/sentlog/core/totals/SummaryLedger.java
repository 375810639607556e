package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A message's Delivery Summary kept current as its devices change (SPEC E3): each device change is
 * an O(1) update of per-address and per-person counters, and {@link #figures()} reads them without
 * looking at a device. It always equals {@link SummaryFigures#of(DeliveryAnalysis)} of the current
 * devices (a property test applies random report sequences and compares after each step).
 *
 * <h2>What is counted (D1-D3)</h2>
 * <ul>
 *   <li>Each device on the message's delivery modes whose normalised address (D1) is not blank adds
 *       its outcome class's bits to its address's counters: occurrences, attempted, successful and
 *       attempted-not-opted-out, Voice and Text apart on a phone number's counters. An address is
 *       attempted or successful while one of those counters is above zero (D3), so duplicates (D2)
 *       never count twice and a change only moves a figure when an address's first or last such
 *       occurrence changes.</li>
 *   <li>A person is contacted by phone while at least one (number, channel) they have an occurrence on
 *       is successful: each person keeps that number of links, updated for the persons on a number
 *       when the number's success on a channel starts or ends (a household, not the list).</li>
 *   <li>Start and End Time (D6): the attempted devices' times and the final outcomes' times (not
 *       cancels) as counted sorted multisets, so that their first and last stay exact whatever order
 *       reports arrive in.</li>
 * </ul>
 *
 * <p>The static methods are the same rules for a store that keeps the counters elsewhere (the
 * PostgreSQL store keeps them in tables and applies deltas in the transaction that changes the
 * devices).
 *
 * <p>Not thread-safe: the store guards it with the message's lock.
 */
public final class SummaryLedger {

    /** Counters per address: occurrences, attempted, successful, attempted-not-opted-out; then the same for Text. */
    public static final int COUNTERS = 8;

    private static final int FLAG_BITS = 4;
    private static final int FLAG_MASK = 0xF;
    private static final int FINAL = 0x100;
    private static final int ATTEMPTED = 2;
    private static final int SUCCESS = 4;
    private static final int TEXT_SHIFT = 4;
    private static final Figure[] INBOX_FIGURES = {Figure.TOTAL_INBOX};
    private static final Figure[] EMAIL_FIGURES = {Figure.TOTAL_EMAILS, Figure.TOTAL_EMAILS_ATTEMPTED};
    private static final Figure[] PHONE_FIGURES = {Figure.TOTAL_VOICE, Figure.TOTAL_VOICE_ATTEMPTED,
        Figure.TOTAL_TEXT, Figure.TOTAL_TEXT_ATTEMPTED, Figure.TOTAL_VOICE_TEXT, Figure.TOTAL_VOICE_TEXT_ATTEMPTED};

    private final OutcomeClassifier classifier;
    /** Each row's address id; -1 when the row is no device (blank, or a channel the message does not use). */
    private final int[] keyOfRow;
    private final Channel[] channelOfRow;
    /** {@link #COUNTERS} per address id. */
    private final int[] counters;
    /** The persons on each phone (number, channel) slot {@code id * 2 + (text ? 1 : 0)}: CSR offsets and persons. */
    private final int[] slotStart;
    private final int[] slotPersons;
    /** Per person: the successful (number, channel) slots they are on. */
    private final int[] links;
    /** The address and contacted figures, by {@link Figure} ordinal. */
    private final int[] figures = new int[Figure.values().length];
    private final int recipients;
    private final int noDevice;
    private final TreeMap<Instant, Integer> attemptTimes = new TreeMap<>();
    private final TreeMap<Instant, Integer> finalTimes = new TreeMap<>();
    /** The address keys by id and the person ids by number, for {@link #export}. */
    private final String[] keyNames;
    private final String[] personNames;

    /** Receives a ledger's state, to keep it elsewhere (see {@link #export}). */
    public interface Sink {
        /**
         * One address's counters.
         *
         * @param key      its key ({@link #addressKey})
         * @param counters its {@link #COUNTERS} counters (a copy)
         */
        void address(String key, int[] counters);

        /**
         * One person on at least one successful phone (number, channel).
         *
         * @param personId the person
         * @param links    how many successful (number, channel) pairs they are on; above zero
         */
        void person(String personId, int links);

        /**
         * One device time counted for Start Time (attempted) or End Time (final outcome), D6.
         *
         * @param finalOutcome true for End Time's multiset, false for Start Time's
         * @param at           the time
         * @param occurrences  how many devices carry it; above zero
         */
        void time(boolean finalOutcome, Instant at, int occurrences);
    }

    private SummaryLedger(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        this.classifier = classifier;
        int rows = 0;
        for (RecipientEntry e : entries) {
            rows += e.devices().size();
        }
        keyOfRow = new int[rows];
        channelOfRow = new Channel[rows];
        Map<String, Integer> personIds = new HashMap<>();
        Map<String, Integer> keyIds = new HashMap<>();
        BitSet hasDevice = new BitSet();
        long[] phoneSlots = new long[16];
        int phoneRows = 0;
        int[] counting = new int[COUNTERS * 64];
        int row = 0;
        for (RecipientEntry e : entries) {
            Integer known = personIds.putIfAbsent(e.person().id(), personIds.size());
            int person = known == null ? personIds.size() - 1 : known;
            for (Device d : e.devices()) {
                Channel ch = d.channel();
                channelOfRow[row] = ch;
                String key = modes.contains(ch) ? addressKey(ch, d.address()) : null;
                if (key == null) {
                    keyOfRow[row++] = -1;
                    continue;
                }
                Integer id = keyIds.putIfAbsent(key, keyIds.size());
                int k = id == null ? keyIds.size() - 1 : id;
                keyOfRow[row++] = k;
                hasDevice.set(person);
                if ((k + 1) * COUNTERS > counting.length) {
                    counting = Arrays.copyOf(counting, counting.length * 2);
                }
                int bits = deviceBits(ch, d.outcome(), d.confirmed(), classifier);
                count(counting, k * COUNTERS, ch, bits, 1);
                addTimes(bits, d.time().orElse(null), 1);
                if (ch == Channel.VOICE || ch == Channel.TEXT) {
                    if (phoneRows == phoneSlots.length) {
                        phoneSlots = Arrays.copyOf(phoneSlots, phoneRows * 2);
                    }
                    phoneSlots[phoneRows++] = ((long) slot(k, ch) << 32) | person;
                }
            }
        }
        int keys = keyIds.size();
        counters = Arrays.copyOf(counting, keys * COUNTERS);
        recipients = personIds.size();
        noDevice = recipients - hasDevice.cardinality();
        links = new int[recipients];
        long[] pairs = Arrays.copyOf(phoneSlots, phoneRows);
        Arrays.sort(pairs);
        slotStart = new int[keys * 2 + 1];
        int[] persons = new int[pairs.length];
        int distinct = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            persons[distinct++] = (int) pairs[i];
            slotStart[(int) (pairs[i] >>> 32) + 1]++;
        }
        for (int s = 0; s < keys * 2; s++) {
            slotStart[s + 1] += slotStart[s];
        }
        slotPersons = Arrays.copyOf(persons, distinct);
        Channel[] groups = new Channel[keys];
        keyNames = new String[keys];
        for (Map.Entry<String, Integer> k : keyIds.entrySet()) {
            groups[k.getValue()] = groupOf(k.getKey());
            keyNames[k.getValue()] = k.getKey();
        }
        personNames = new String[recipients];
        for (Map.Entry<String, Integer> p : personIds.entrySet()) {
            personNames[p.getValue()] = p.getKey();
        }
        for (int k = 0; k < keys; k++) {
            int f = flags(counters, k * COUNTERS);
            figureDeltas(groups[k], 0, f, figures);
            if (groups[k] == Channel.VOICE) {
                for (Channel ch : new Channel[] {Channel.VOICE, Channel.TEXT}) {
                    if (successOn(ch, f)) {
                        link(slot(k, ch), 1);
                    }
                }
            }
        }
    }

    /**
     * The ledger of a recipient list as it is now.
     *
     * @param entries    the recipient list, in order; its devices are the ledger's rows in that order
     * @param modes      the message's delivery modes
     * @param classifier the outcome classification
     * @return the ledger
     */
    public static SummaryLedger of(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        Checks.requireNonNull(entries, "entries");
        Checks.requireNonNull(modes, "modes");
        Checks.requireNonNull(classifier, "classifier");
        return new SummaryLedger(entries, modes.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(modes),
                classifier);
    }

    /**
     * Counts one device's change of outcome.
     *
     * @param row             the device's row (its index in list order)
     * @param before          its outcome before
     * @param confirmedBefore its confirmation before
     * @param timeBefore      its time before, or null
     * @param after           its outcome after
     * @param confirmedAfter  its confirmation after
     * @param timeAfter       its time after, or null
     */
    public void change(int row, DeviceOutcome before, boolean confirmedBefore, Instant timeBefore,
                       DeviceOutcome after, boolean confirmedAfter, Instant timeAfter) {
        int k = keyOfRow[row];
        if (k < 0) {
            return;
        }
        Channel ch = channelOfRow[row];
        int bitsBefore = deviceBits(ch, before, confirmedBefore, classifier);
        int bitsAfter = deviceBits(ch, after, confirmedAfter, classifier);
        boolean timesKept = Objects.equals(timeBefore, timeAfter) && ((bitsBefore ^ bitsAfter) & (ATTEMPTED | FINAL)) == 0;
        if (!timesKept) {
            addTimes(bitsBefore, timeBefore, -1);
            addTimes(bitsAfter, timeAfter, 1);
        }
        if (((bitsBefore ^ bitsAfter) & FLAG_MASK) == 0) {
            return;
        }
        int base = k * COUNTERS;
        int flagsBefore = flags(counters, base);
        count(counters, base, ch, bitsBefore, -1);
        count(counters, base, ch, bitsAfter, 1);
        int flagsAfter = flags(counters, base);
        if (flagsBefore == flagsAfter) {
            return;
        }
        figureDeltas(ch, flagsBefore, flagsAfter, figures);
        if (ch == Channel.VOICE || ch == Channel.TEXT) {
            boolean was = successOn(ch, flagsBefore);
            boolean is = successOn(ch, flagsAfter);
            if (was != is) {
                link(slot(k, ch), is ? 1 : -1);
            }
        }
    }

    private void link(int slot, int delta) {
        for (int i = slotStart[slot]; i < slotStart[slot + 1]; i++) {
            int p = slotPersons[i];
            int before = links[p];
            links[p] = before + delta;
            if (before == 0) {
                figures[Figure.CONTACTED_BY_PHONE.ordinal()]++;
            } else if (before + delta == 0) {
                figures[Figure.CONTACTED_BY_PHONE.ordinal()]--;
            }
        }
    }

    private void addTimes(int bits, Instant at, int delta) {
        if (at == null) {
            return;
        }
        if ((bits & ATTEMPTED) != 0) {
            addTime(attemptTimes, at, delta);
        }
        if ((bits & FINAL) != 0) {
            addTime(finalTimes, at, delta);
        }
    }

    private static void addTime(TreeMap<Instant, Integer> times, Instant at, int delta) {
        times.merge(at, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /**
     * The figures as they are now; reads no device.
     *
     * @return the figures
     */
    public SummaryFigures figures() {
        return figures(recipients, noDevice, figures, attemptTimes.isEmpty() ? null : attemptTimes.firstKey(),
                finalTimes.isEmpty() ? null : finalTimes.lastKey());
    }

    /**
     * The address key of a row: where its counts go.
     *
     * @param row the row
     * @return its {@link #addressKey}, or null when the row is no device (blank, or a channel the
     *         message does not use)
     */
    public String addressKeyOfRow(int row) {
        int k = keyOfRow[row];
        return k < 0 ? null : keyNames[k];
    }

    /**
     * The address figures and Contacted by phone by {@link Figure} ordinal, with Total Recipients and
     * Total No Device at theirs (Recipients not contacted by phone is left 0: it is derived).
     *
     * @return a new array
     */
    public int[] figureValues() {
        int[] out = figures.clone();
        out[Figure.TOTAL_RECIPIENTS.ordinal()] = recipients;
        out[Figure.TOTAL_NO_DEVICE.ordinal()] = noDevice;
        return out;
    }

    /**
     * Hands the ledger's whole state to a sink: each address's counters, each contacted person's
     * links, each counted time. A store that keeps the state in tables writes it once, when the
     * message is stored, and changes it by deltas afterwards.
     *
     * @param sink the receiver
     */
    public void export(Sink sink) {
        Checks.requireNonNull(sink, "sink");
        for (int k = 0; k < keyNames.length; k++) {
            sink.address(keyNames[k], Arrays.copyOfRange(counters, k * COUNTERS, (k + 1) * COUNTERS));
        }
        for (int p = 0; p < links.length; p++) {
            if (links[p] > 0) {
                sink.person(personNames[p], links[p]);
            }
        }
        attemptTimes.forEach((at, n) -> sink.time(false, at, n));
        finalTimes.forEach((at, n) -> sink.time(true, at, n));
    }

    // ---------------------------------------------------------------- the rules, for any store

    /**
     * The key of an address on its channel's counters: the normalised address (D1) behind a letter
     * for its kind, Voice and Text sharing one phone key (D5).
     *
     * @param channel the device's channel
     * @param address the address as recorded
     * @return the key, or null when the address is blank (no device, D1)
     */
    public static String addressKey(Channel channel, String address) {
        String normalised = Addresses.normalise(channel, address);
        if (normalised.isBlank()) {
            return null;
        }
        switch (channel) {
            case INBOX:
                return "I" + normalised;
            case EMAIL:
                return "E" + normalised;
            default:
                return "P" + normalised;
        }
    }

    /**
     * The channel whose figures an address key's counters decide: INBOX, EMAIL, or VOICE for a phone
     * number (Voice and Text).
     *
     * @param key a key from {@link #addressKey}
     * @return the channel group
     */
    public static Channel groupOf(String key) {
        switch (key.charAt(0)) {
            case 'I':
                return Channel.INBOX;
            case 'E':
                return Channel.EMAIL;
            default:
                return Channel.VOICE;
        }
    }

    /**
     * What a device with this outcome adds to its address's counters and the times (an opaque bit set
     * for {@link #count}, {@link #attempted} and {@link #finalOutcome}).
     *
     * @param channel    the device's channel
     * @param outcome    its outcome
     * @param confirmed  whether the recipient confirmed
     * @param classifier the classification (K3-K6)
     * @return the bits
     */
    public static int deviceBits(Channel channel, DeviceOutcome outcome, boolean confirmed,
                                 OutcomeClassifier classifier) {
        return DeliveryAnalysis.outcomeBitsOf(classifier.classify(channel, outcome, confirmed));
    }

    /**
     * Whether a device with these bits was attempted: its time counts for Start Time (D6).
     *
     * @param bits the device's bits
     * @return true when attempted
     */
    public static boolean attempted(int bits) {
        return (bits & ATTEMPTED) != 0;
    }

    /**
     * Whether a device with these bits has a final outcome other than a cancel: its time counts for End Time (D6).
     *
     * @param bits the device's bits
     * @return true when final and not canceled
     */
    public static boolean finalOutcome(int bits) {
        return (bits & FINAL) != 0;
    }

    /**
     * Adds (or with a negative sign removes) one device's bits to its address's counters.
     *
     * @param counters the counters
     * @param offset   where the address's {@link #COUNTERS} counters start
     * @param channel  the device's channel
     * @param bits     the device's bits
     * @param sign     1 to add, -1 to remove
     */
    public static void count(int[] counters, int offset, Channel channel, int bits, int sign) {
        int at = offset + (channel == Channel.TEXT ? FLAG_BITS : 0);
        for (int b = 0; b < FLAG_BITS; b++) {
            if ((bits & (1 << b)) != 0) {
                counters[at + b] += sign;
            }
        }
    }

    /**
     * An address's flags from its counters: a flag is set while its counter is above zero (D3).
     *
     * @param counters the counters
     * @param offset   where the address's counters start
     * @return the flags
     */
    public static int flags(int[] counters, int offset) {
        int f = 0;
        for (int b = 0; b < COUNTERS; b++) {
            if (counters[offset + b] > 0) {
                f |= 1 << b;
            }
        }
        return f;
    }

    /**
     * Adds to each address figure of a group the change an address's flags make to it.
     *
     * @param group       the address's channel group ({@link #groupOf}; VOICE or TEXT for a phone number)
     * @param flagsBefore the flags before
     * @param flagsAfter  the flags after
     * @param figures     the figures by {@link Figure} ordinal
     */
    public static void figureDeltas(Channel group, int flagsBefore, int flagsAfter, int[] figures) {
        Figure[] affected = group == Channel.INBOX ? INBOX_FIGURES
                : group == Channel.EMAIL ? EMAIL_FIGURES : PHONE_FIGURES;
        for (Figure f : affected) {
            figures[f.ordinal()] += (DeliveryAnalysis.counts(f, flagsAfter) ? 1 : 0)
                    - (DeliveryAnalysis.counts(f, flagsBefore) ? 1 : 0);
        }
    }

    /**
     * Whether a phone number with these flags is successful on a channel: its persons are contacted.
     *
     * @param channel VOICE or TEXT
     * @param flags   the number's flags
     * @return true when successful on that channel
     */
    public static boolean successOn(Channel channel, int flags) {
        return (flags & (channel == Channel.TEXT ? SUCCESS << TEXT_SHIFT : SUCCESS)) != 0;
    }

    /**
     * Figures from the counted values.
     *
     * @param recipients       Total Recipients
     * @param noDevice         Total No Device
     * @param figures          the address figures and Contacted by phone, by {@link Figure} ordinal (the
     *                         persons figures at their ordinals are not read)
     * @param firstAttempt     the earliest attempted device's time, or null
     * @param lastFinalOutcome the latest final outcome's time, or null
     * @return the figures
     */
    public static SummaryFigures figures(int recipients, int noDevice, int[] figures, Instant firstAttempt,
                                         Instant lastFinalOutcome) {
        int contacted = figures[Figure.CONTACTED_BY_PHONE.ordinal()];
        DeliveryTotals totals = new DeliveryTotals(recipients, noDevice,
                figures[Figure.TOTAL_INBOX.ordinal()],
                figures[Figure.TOTAL_EMAILS.ordinal()],
                figures[Figure.TOTAL_EMAILS_ATTEMPTED.ordinal()],
                figures[Figure.TOTAL_VOICE.ordinal()],
                figures[Figure.TOTAL_VOICE_ATTEMPTED.ordinal()],
                figures[Figure.TOTAL_TEXT.ordinal()],
                figures[Figure.TOTAL_TEXT_ATTEMPTED.ordinal()],
                contacted, recipients - contacted);
        return new SummaryFigures(totals, figures[Figure.TOTAL_VOICE_TEXT.ordinal()],
                figures[Figure.TOTAL_VOICE_TEXT_ATTEMPTED.ordinal()], firstAttempt, lastFinalOutcome);
    }

    private static int slot(int key, Channel channel) {
        return key * 2 + (channel == Channel.TEXT ? 1 : 0);
    }
}
