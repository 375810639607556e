package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over a recipient list, block by block, that yields the Delivery Summary totals (SPEC D4, D5), the
 * duplicate mark of every device (D2), whether each recipient was contacted by phone, and the
 * first attempt and last final outcome times (D6).
 *
 * <p>Callable on a {@link Message} or on a plain list of recipient entries: no log, store or
 * provider is involved. Immutable once built and safe to share between threads.
 *
 * <p>Rules as implemented:
 * <ul>
 *   <li>Only devices on the message's delivery modes count; a device whose normalised address is
 *       blank is no device (D1).</li>
 *   <li>A device is a duplicate when an earlier device in recipient-list order has the same
 *       normalised address on the same channel (D2).</li>
 *   <li>An address is attempted or successful when any of its occurrences is (D3). Opting out is
 *       read per occurrence: a Text number counts as attempted in the Text figures when at least one
 *       of its occurrences is attempted and not opted out (D3, D4).</li>
 *   <li>A person is contacted by phone when one of their Voice occurrences is on a successful Voice
 *       number or one of their Text occurrences on a successful Text number.</li>
 * </ul>
 */
public final class DeliveryAnalysis {

    // per-address flag bits
    private static final int SEEN = 1;
    private static final int ATTEMPTED = 2;
    private static final int SUCCESS = 4;
    /** The occurrence was attempted and did not opt out (D3: opting out is read per occurrence). */
    private static final int ATTEMPTED_NOT_OPTED_OUT = 8;
    // the phone table keeps Voice bits low and Text bits shifted
    private static final int TEXT_SHIFT = 4;
    private static final int VOICE_MASK = 0xF;
    // with the flag bits, in a device's outcome bits only: the outcome is final and not a cancel (D6)
    private static final int FINAL_OUTCOME = 0x100;

    private final DeliveryTotals totals;
    private final int totalVoiceText;
    private final int totalVoiceTextAttempted;
    private final int[] deviceOffsets;
    /** Each entry's run (see {@link PersonNumbering}), and each run's person. */
    private final int[] entryRun;
    private final int[] personOfRun;
    /** The duplicate mark of each device, by its index in list order (one bit each). */
    private final long[] duplicates;
    private final BitSet personHasDevice;
    private final BitSet personContacted;
    private final Instant firstAttempt;
    private final Instant lastFinalOutcome;
    /** What {@link #explain} reads again, on demand only: the list, the modes and the classification. */
    private final List<RecipientEntry> entries;
    private final EnumSet<Channel> modes;
    private final OutcomeClassifier classifier;

    /**
     * Analyses a message under the standard classification (SPEC K3-K6).
     *
     * @param message the message
     * @return the analysis
     */
    public static DeliveryAnalysis of(Message message) {
        return of(message, OutcomeClassifier.standard());
    }

    /**
     * Analyses a message under a host's classification.
     *
     * @param message    the message
     * @param classifier the outcome classification
     * @return the analysis
     */
    public static DeliveryAnalysis of(Message message, OutcomeClassifier classifier) {
        Checks.requireNonNull(message, "message");
        return of(message.recipients(), message.deliveryModes(), classifier);
    }

    /**
     * Analyses a plain list of recipient entries.
     *
     * @param entries    the recipient list, in order
     * @param modes      the message's delivery modes; devices on other channels are ignored
     * @param classifier the outcome classification
     * @return the analysis
     */
    public static DeliveryAnalysis of(List<RecipientEntry> entries, Set<Channel> modes,
                                      OutcomeClassifier classifier) {
        Checks.requireNonNull(entries, "entries");
        Checks.requireNonNull(modes, "modes");
        Checks.requireNonNull(classifier, "classifier");
        return new DeliveryAnalysis(entries, modes.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(modes),
                classifier);
    }

    private DeliveryAnalysis(List<RecipientEntry> entries, EnumSet<Channel> modes, OutcomeClassifier classifier) {
        this.entries = entries;
        this.modes = modes;
        this.classifier = classifier;
        int n = entries.size();
        deviceOffsets = new int[n + 1];
        entryRun = new int[n];
        int deviceCount = 0;

        boolean[] used = new boolean[Channel.values().length];
        for (Channel c : modes) {
            used[c.ordinal()] = true;
        }
        int expected = Math.max(16, n / 2);
        // a person usually has several entries (one per student), one run of them
        PersonNumbering persons = new PersonNumbering(n);
        StringKeyTable inboxes = new StringKeyTable(false, modes.contains(Channel.INBOX) ? expected : 16);
        StringKeyTable emails = new StringKeyTable(true, modes.contains(Channel.EMAIL) ? expected : 16);
        boolean phoneModes = modes.contains(Channel.VOICE) || modes.contains(Channel.TEXT);
        // Voice and Text share the phone table: room for a number per entry, so that its key arrays
        // rarely grow (a copy of each); its slots grow only past three quarters of their capacity
        PhoneKeyTable phones = new PhoneKeyTable(phoneModes ? expected : 16, phoneModes ? n : 16);
        long[] duplicateBits = new long[(n * 2 >>> 6) + 1];
        // by run (runs are at most entries): whether it has a device, whether it was contacted by phone
        long[] runHasDevice = new long[(n >>> 6) + 1];
        long[] runContacted = new long[(n >>> 6) + 1];
        // phone occurrences whose number was not successful (yet) when counted, for the contacted
        // pass: run << 32 | number id << 1 | is-text
        long[] phoneOccurrences = new long[Math.max(16, n)];
        int occurrences = 0;
        Person previousPerson = null;
        int person = -1; // the run of the current entry: persons are numbered after the count
        // the previous entry's key ids: a guardian listed once per student repeats the same addresses
        // in the same order, and a device that repeats one (Block.SAME) needs no hashing
        int[] previousIds = new int[8];
        int[] currentIds = new int[8];

        int[] sink = new int[256];
        Block block = new Block(used, classifier);
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            readAhead(entries, from, to, sink);
            block.prepare(entries, from, to, inboxes, emails, phones);
            sink[0] += block.touch(inboxes, emails, phones);
            int k = 0;
            for (int e = from; e < to; e++) {
                Person p = block.persons[e - from];
                // consecutive entries of one person usually share the Person object: one run; the
                // numbering finds equal ids held by other objects
                if (p != previousPerson) {
                    person = persons.addRun(p.id());
                    previousPerson = p;
                }
                entryRun[e] = person;
                int dn = block.deviceCounts[e - from];
                deviceOffsets[e] = deviceCount;
                if (currentIds.length < dn) {
                    currentIds = new int[dn];
                }
                boolean hasDevice = false;
                for (int d = 0; d < dn; d++, k++) {
                    int kind = block.kinds[k];
                    if (kind < Block.SAME) {
                        continue; // its id is never read: only a device that is not blank is repeated
                    }
                    int channel = block.channels[k];
                    int bits = block.bits[k];
                    int id;
                    boolean duplicate;
                    if (kind == Block.SAME) {
                        id = previousIds[d];
                        duplicate = true;
                        if (channel == INBOX) {
                            inboxes.mark(id, bits);
                        } else if (channel == EMAIL) {
                            emails.mark(id, bits);
                        } else {
                            phones.mark(id, channel == TEXT ? bits << TEXT_SHIFT : bits);
                        }
                    } else if (channel <= EMAIL) {
                        StringKeyTable table = channel == INBOX ? inboxes : emails;
                        id = table.addPrepared(block.addresses[k], block.keys[k], block.hashes[k], bits);
                        duplicate = id < 0;
                        id = duplicate ? ~id : id;
                    } else {
                        int shift = channel == TEXT ? TEXT_SHIFT : 0;
                        id = phones.addPrepared(block.addresses[k], block.keys[k], block.extensions[k],
                                block.hashes[k], bits << shift);
                        int before = phones.previousFlags;
                        duplicate = (before & (SEEN << shift)) != 0;
                        if ((((before >>> shift) | bits) & SUCCESS) != 0) {
                            // the number is successful on this channel already: the person is contacted
                            runContacted[person >>> 6] |= 1L << person;
                        } else {
                            // whether it will be is known after the count
                            if (occurrences == phoneOccurrences.length) {
                                phoneOccurrences = Arrays.copyOf(phoneOccurrences, occurrences * 2);
                            }
                            phoneOccurrences[occurrences++] = ((long) person << 32) | ((long) id << 1)
                                    | (channel == TEXT ? 1 : 0);
                        }
                    }
                    currentIds[d] = id;
                    hasDevice = true;
                    if (duplicate) {
                        int bit = deviceCount + d;
                        if (bit >>> 6 >= duplicateBits.length) {
                            duplicateBits = Arrays.copyOf(duplicateBits,
                                    Math.max(duplicateBits.length * 2, (bit >>> 6) + 1));
                        }
                        duplicateBits[bit >>> 6] |= 1L << bit;
                    }
                }
                if (hasDevice) {
                    runHasDevice[person >>> 6] |= 1L << person;
                }
                deviceCount += dn;
                int[] swap = previousIds;
                previousIds = currentIds;
                currentIds = swap;
            }
        }

        deviceOffsets[n] = deviceCount;
        duplicates = duplicateBits;
        personOfRun = persons.number();
        personHasDevice = personsOf(runHasDevice, personOfRun, persons.persons());
        personContacted = personsOf(runContacted, personOfRun, persons.persons());
        for (int i = 0; i < occurrences; i++) {
            long o = phoneOccurrences[i];
            int f = phones.flags((int) o >>> 1);
            int channelBits = (o & 1) != 0 ? f >>> TEXT_SHIFT : f & VOICE_MASK;
            if ((channelBits & SUCCESS) != 0) {
                personContacted.set(personOfRun[(int) (o >>> 32)]);
            }
        }
        int recipients = persons.persons();
        int contacted = personContacted.cardinality();
        // every phone figure in one pass over the numbers' flags
        int voice = 0;
        int voiceAttempted = 0;
        int text = 0;
        int textAttemptedNotOpted = 0;
        int voiceText = 0;
        int voiceTextAttempted = 0;
        for (int id = 0, count = phones.size(); id < count; id++) {
            int f = phones.flags(id);
            voice += voice(f) ? 1 : 0;
            voiceAttempted += voiceAttempted(f) ? 1 : 0;
            text += text(f) ? 1 : 0;
            textAttemptedNotOpted += textAttempted(f) ? 1 : 0;
            voiceText += voiceText(f) ? 1 : 0;
            voiceTextAttempted += voiceTextAttempted(f) ? 1 : 0;
        }
        totals = new DeliveryTotals(
                recipients,
                recipients - personHasDevice.cardinality(),
                inboxes.count(INBOX_COUNTED),
                emails.count(EMAIL_COUNTED),
                emails.count(EMAIL_ATTEMPTED),
                voice,
                voiceAttempted,
                text,
                textAttemptedNotOpted,
                contacted,
                recipients - contacted);
        totalVoiceText = voiceText;
        totalVoiceTextAttempted = voiceTextAttempted;
        firstAttempt = block.first;
        lastFinalOutcome = block.last;
    }

    /** The persons of the runs whose bits are set. */
    private static BitSet personsOf(long[] runBits, int[] personOfRun, int persons) {
        BitSet set = new BitSet(persons);
        for (int w = 0; w < runBits.length; w++) {
            for (long bits = runBits[w]; bits != 0; bits &= bits - 1) {
                set.set(personOfRun[(w << 6) + Long.numberOfTrailingZeros(bits)]);
            }
        }
        return set;
    }

    // Which addresses each figure counts, by the flags of the address: all occurrences' outcome bits
    // or-ed together (D3); a phone number's Text bits shifted by TEXT_SHIFT. The count above and
    // explain() (SPEC E1) both decide with these.
    /** An inbox counts when one of its occurrences is successful (SENT). */
    private static final int INBOX_COUNTED = SEEN | SUCCESS;
    private static final int EMAIL_COUNTED = SEEN;
    private static final int EMAIL_ATTEMPTED = SEEN | ATTEMPTED;

    private static boolean voice(int f) {
        return (f & SEEN) != 0;
    }

    private static boolean voiceAttempted(int f) {
        return (f & (SEEN | ATTEMPTED)) == (SEEN | ATTEMPTED);
    }

    private static boolean text(int f) {
        return (f & (SEEN << TEXT_SHIFT)) != 0;
    }

    private static boolean textAttempted(int f) {
        return (f & (ATTEMPTED_NOT_OPTED_OUT << TEXT_SHIFT)) != 0;
    }

    private static boolean voiceText(int f) {
        return (f & (SEEN | SEEN << TEXT_SHIFT)) != 0;
    }

    private static boolean voiceTextAttempted(int f) {
        return (f & ATTEMPTED) != 0 || textAttempted(f);
    }

    /**
     * Whether an address with these flags counts in an address figure.
     *
     * @param figure an address figure
     * @param flags  the address's flags (a phone number's Text bits shifted)
     */
    static boolean counts(Figure figure, int flags) {
        switch (figure) {
            case TOTAL_INBOX:
                return (flags & INBOX_COUNTED) == INBOX_COUNTED;
            case TOTAL_EMAILS:
                return (flags & EMAIL_COUNTED) == EMAIL_COUNTED;
            case TOTAL_EMAILS_ATTEMPTED:
                return (flags & EMAIL_ATTEMPTED) == EMAIL_ATTEMPTED;
            case TOTAL_VOICE:
                return voice(flags);
            case TOTAL_VOICE_ATTEMPTED:
                return voiceAttempted(flags);
            case TOTAL_TEXT:
                return text(flags);
            case TOTAL_TEXT_ATTEMPTED:
                return textAttempted(flags);
            case TOTAL_VOICE_TEXT:
                return voiceText(flags);
            case TOTAL_VOICE_TEXT_ATTEMPTED:
                return voiceTextAttempted(flags);
            default:
                throw new IllegalArgumentException(figure + " counts persons, not addresses");
        }
    }

    /**
     * The flag bits of one device for {@link #counts}: its outcome class's, shifted for Text.
     *
     * @param channel the device's channel
     * @param cls     the classifier's answer for the device
     */
    static int deviceFlags(Channel channel, OutcomeClass cls) {
        int bits = outcomeBitsOf(cls) & VOICE_MASK;
        return channel == Channel.TEXT ? bits << TEXT_SHIFT : bits;
    }

    /** Entries per block: what a block reads stays in cache until it is counted. */
    private static final int BLOCK = 48;

    /**
     * Reads a block of entries ahead of the {@link Block#prepare work} on them: each entry, its
     * person's id, its devices and their addresses' bytes. These reads do little work
     * between them, so the CPU overlaps their cache misses instead of waiting for each in turn as
     * the work would. The block is read from its last entry to its first, which measured faster
     * both when the list's objects lie in memory in list order (freshly allocated) and when they
     * lie in reverse (after a young collection copied them).
     *
     * @param sink where the loaded values go, so that the loads are not optimised away
     */
    private static void readAhead(List<RecipientEntry> entries, int from, int to, int[] sink) {
        int s = 0;
        for (int e = to - 1; e >= from; e--) {
            RecipientEntry entry = entries.get(e);
            sink[s++ & (sink.length - 1)] = entry.person().id().hashCode();
            List<Device> devices = entry.devices();
            for (int d = 0, dn = devices.size(); d < dn; d++) {
                sink[s++ & (sink.length - 1)] = devices.get(d).address().length();
            }
        }
    }

    private static final int INBOX = Channel.INBOX.ordinal();
    private static final int EMAIL = Channel.EMAIL.ordinal();
    private static final int VOICE = Channel.VOICE.ordinal();
    private static final int TEXT = Channel.TEXT.ordinal();

    /**
     * What the count needs of one block of entries, gathered before the count: each device's
     * channel, outcome bits and key (its address parsed or hashed once). Between gathering and
     * counting, {@link #touch} reads the table slots the block's probes will start at, in one tight
     * loop whose cache misses overlap, where each probe in the count would stall on its own. Also
     * keeps the first attempt and last final outcome times (D6). Not thread-safe; one per analysis.
     */
    private static final class Block {
        /** The device is on a channel the message does not use. */
        static final int SKIP = 0;
        /** The device's address is blank (D1): no device. */
        static final int BLANK = 1;
        /**
         * The device repeats the previous entry's device at the same index, and both entries hold the
         * same {@code Person} object: same channel, equal address.
         */
        static final int SAME = 2;
        /** The device's key is in {@link #keys}, {@link #hashes} and {@link #extensions}. */
        static final int KEYED = 3;

        private final boolean[] used;
        private final OutcomeClassifier classifier;
        final Person[] persons = new Person[BLOCK];
        final int[] deviceCounts = new int[BLOCK];
        int[] kinds = new int[BLOCK * 4];
        byte[] channels = new byte[BLOCK * 4];
        int[] bits = new int[BLOCK * 4];
        String[] addresses = new String[BLOCK * 4];
        /** A string key's region, or a phone number's packed main number ({@link PhoneKeyTable#NOT_PACKED} when too long). */
        long[] keys = new long[BLOCK * 4];
        /** The key's mixed hash, which places it in its table. */
        int[] hashes = new int[BLOCK * 4];
        /** A phone number's packed extension. */
        int[] extensions = new int[BLOCK * 4];
        /** The hashes of the block's keys, by channel ordinal (Voice for all phone numbers), for {@link #touch}. */
        final int[][] touchHashes = new int[Channel.values().length][BLOCK * 4];
        final int[] touchCounts = new int[Channel.values().length];
        /** Outcome bits by channel, confirmation and outcome (see {@link #outcomeBits}); 0 until asked. */
        private final int[] answers = new int[Channel.values().length * 2 * (STATUSES + KEPT_CODES)];
        /** Whether the previous entry's device at each index was blank or skipped. */
        boolean[] previousBlank = new boolean[8];
        boolean[] currentBlank = new boolean[8];
        Instant first;
        Instant last;

        Block(boolean[] used, OutcomeClassifier classifier) {
            this.used = used;
            this.classifier = classifier;
        }

        void prepare(List<RecipientEntry> entries, int from, int to, StringKeyTable inboxes,
                     StringKeyTable emails, PhoneKeyTable phones) {
            int k = 0;
            Arrays.fill(touchCounts, 0);
            RecipientEntry previousEntry = from == 0 ? null : entries.get(from - 1);
            List<Device> before = previousEntry == null ? List.of() : previousEntry.devices();
            Person beforePerson = previousEntry == null ? null : previousEntry.person();
            for (int e = from; e < to; e++) {
                RecipientEntry entry = entries.get(e);
                Person person = entry.person();
                persons[e - from] = person;
                if (person != beforePerson) {
                    // another person's entry: its devices are not compared with the previous entry's
                    // (SAME is only a shortcut; a repeated address is then found by its key)
                    before = List.of();
                    beforePerson = person;
                }
                List<Device> devices = entry.devices();
                int dn = devices.size();
                deviceCounts[e - from] = dn;
                if (k + dn > kinds.length) {
                    grow(k + dn);
                }
                if (currentBlank.length < dn) {
                    currentBlank = new boolean[dn];
                }
                for (int d = 0; d < dn; d++, k++) {
                    Device device = devices.get(d);
                    Channel channel = device.channel();
                    if (!used[channel.ordinal()]) {
                        kinds[k] = SKIP;
                        currentBlank[d] = true;
                        continue;
                    }
                    channels[k] = (byte) channel.ordinal();
                    String address = device.address();
                    addresses[k] = address;
                    Device previous = d < before.size() ? before.get(d) : null;
                    boolean blank;
                    if (previous != null && previous.channel() == channel && previous.address().equals(address)) {
                        blank = previousBlank[d];
                        kinds[k] = blank ? BLANK : SAME;
                    } else {
                        blank = !key(k, channel, address, inboxes, emails, phones);
                        kinds[k] = blank ? BLANK : KEYED;
                    }
                    currentBlank[d] = blank;
                    int outcome = outcomeBits(channel, device.outcome(), device.confirmed());
                    bits[k] = outcome & VOICE_MASK;
                    Instant t = device.time().orElse(null);
                    if (t != null && !blank) {
                        if ((outcome & ATTEMPTED) != 0 && (first == null || t.isBefore(first))) {
                            first = t;
                        }
                        if ((outcome & FINAL_OUTCOME) != 0 && (last == null || t.isAfter(last))) {
                            last = t;
                        }
                    }
                }
                before = devices;
                boolean[] swap = previousBlank;
                previousBlank = currentBlank;
                currentBlank = swap;
            }
        }

        /**
         * The bits of an outcome: {@link #outcomeBitsOf} of its class. The classifier is pure (K3-K6),
         * so it is asked once per channel, confirmation and status or call status code, and its
         * answer is kept for the other devices alike.
         */
        private int outcomeBits(Channel channel, DeviceOutcome outcome, boolean confirmed) {
            int slot;
            if (outcome instanceof DeviceOutcome.Status s) {
                slot = s.status().ordinal();
            } else {
                int code = ((DeviceOutcome.Call) outcome).code().code();
                if (code < MIN_KEPT_CODE || code >= MIN_KEPT_CODE + KEPT_CODES) {
                    return outcomeBitsOf(classifier.classify(channel, outcome, confirmed));
                }
                slot = STATUSES + code - MIN_KEPT_CODE;
            }
            int i = (channel.ordinal() * 2 + (confirmed ? 1 : 0)) * (STATUSES + KEPT_CODES) + slot;
            int kept = answers[i];
            if (kept == 0) {
                kept = outcomeBitsOf(classifier.classify(channel, outcome, confirmed));
                answers[i] = kept;
            }
            return kept;
        }

        /** Finds the key of device {@code k}; false when its address is blank. */
        private boolean key(int k, Channel channel, String address, StringKeyTable inboxes, StringKeyTable emails,
                            PhoneKeyTable phones) {
            switch (channel) {
                case INBOX:
                    return stringKey(k, address, inboxes, INBOX);
                case EMAIL:
                    return stringKey(k, address, emails, EMAIL);
                default:
                    int parsed = phones.prepare(address);
                    hashes[k] = phones.preparedHash;
                    keys[k] = phones.preparedMain;
                    extensions[k] = phones.preparedExtension;
                    if (parsed == AddressKeys.PhoneParse.PACKED) {
                        toTouch(VOICE, phones.preparedHash);
                    }
                    return parsed != AddressKeys.PhoneParse.BLANK;
            }
        }

        private boolean stringKey(int k, String address, StringKeyTable table, int which) {
            long region = table.prepare(address);
            keys[k] = region;
            hashes[k] = table.preparedHash;
            if (region == StringKeyTable.BLANK_REGION) {
                return false;
            }
            if (region != StringKeyTable.OTHER_REGION) {
                toTouch(which, table.preparedHash);
            }
            return true;
        }

        /** Notes a hash whose probe slot {@link #touch} reads; {@code which}: INBOX, EMAIL or VOICE (phones). */
        private void toTouch(int which, int hash) {
            int[] list = touchHashes[which];
            if (touchCounts[which] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                touchHashes[which] = list;
            }
            list[touchCounts[which]++] = hash;
        }

        private void grow(int needed) {
            int grown = Math.max(kinds.length * 2, needed);
            kinds = Arrays.copyOf(kinds, grown);
            channels = Arrays.copyOf(channels, grown);
            bits = Arrays.copyOf(bits, grown);
            addresses = Arrays.copyOf(addresses, grown);
            keys = Arrays.copyOf(keys, grown);
            hashes = Arrays.copyOf(hashes, grown);
            extensions = Arrays.copyOf(extensions, grown);
        }

        /** Reads the block's probe slots ahead of the count; returns their sum. */
        int touch(StringKeyTable inboxes, StringKeyTable emails, PhoneKeyTable phones) {
            return inboxes.touch(touchHashes[INBOX], touchCounts[INBOX])
                    + emails.touch(touchHashes[EMAIL], touchCounts[EMAIL])
                    + phones.touch(touchHashes[VOICE], touchCounts[VOICE]);
        }
    }

    private static final int STATUSES = DeviceStatus.values().length;
    /** Call status codes whose class {@link Block#outcomeBits} keeps: every code of the table, and more. */
    private static final int MIN_KEPT_CODE = -64;
    private static final int KEPT_CODES = 128;

    /** The flag bits of an outcome class, with {@link #FINAL_OUTCOME}; never 0. */
    static int outcomeBitsOf(OutcomeClass cls) {
        int bits = SEEN;
        if (cls.attempted()) {
            bits |= ATTEMPTED;
        }
        if (cls == OutcomeClass.SUCCESS) {
            bits |= SUCCESS;
        }
        if (cls.attempted() && cls != OutcomeClass.OPTED_OUT) {
            bits |= ATTEMPTED_NOT_OPTED_OUT;
        }
        if (cls.isFinal() && cls != OutcomeClass.CANCELED) {
            bits |= FINAL_OUTCOME;
        }
        return bits;
    }

    /** The Delivery Summary figures (SPEC D4). */
    public DeliveryTotals totals() {
        return totals;
    }

    /** Distinct phone numbers over Voice and Text together (SPEC D5, "Total Voice/Text"). */
    public int totalVoiceText() {
        return totalVoiceText;
    }

    /**
     * Distinct phone numbers attempted over Voice and Text together (SPEC D5): attempted by Voice, or
     * with at least one Text occurrence attempted and not opted out (D3).
     *
     * @return the figure
     */
    public int totalVoiceTextAttempted() {
        return totalVoiceTextAttempted;
    }

    /**
     * The value of one Delivery Summary figure (SPEC D4, D5).
     *
     * @param figure the figure
     * @return its value
     * @throws NullPointerException when figure is null
     */
    public int figure(Figure figure) {
        Checks.requireNonNull(figure, "figure");
        return figure.valueIn(totals, totalVoiceText, totalVoiceTextAttempted);
    }

    /**
     * What one figure counted (SPEC E1): the distinct addresses or persons, in recipient-list order of
     * their first occurrence, each with the devices behind it and their duplicate marks (D2). The
     * number of items equals {@link #figure(Figure)}.
     *
     * <p>Worked out on demand from the recipient list the analysis was made of, with this analysis's
     * duplicate marks, contacted and has-device answers and the same classification; nothing of it is
     * kept, so the figures cost nothing more. The list must not have changed since: a message's list is
     * immutable; a caller passing a plain list of entries keeps it unchanged.
     *
     * <ul>
     *   <li>Address figures list each counted normalised address with every occurrence on the figure's
     *       channels (Voice and Text both for the D5 figures).</li>
     *   <li>Total Recipients lists each person with all their devices on the message's delivery modes;
     *       Total No Device each person without one (no devices); the contacted-by-phone lines each
     *       person with their Voice and Text devices, if any.</li>
     * </ul>
     *
     * @param figure the figure
     * @return the explanation; its count is the figure
     * @throws NullPointerException  when figure is null
     * @throws IllegalStateException when the list of entries the analysis was made of has since changed
     *                               its size
     */
    public FigureExplanation explain(Figure figure) {
        Checks.requireNonNull(figure, "figure");
        if (entries.size() != entryRun.length) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the recipient list changed after the analysis: it has %d entries, %d were analysed",
                    entries.size(), entryRun.length));
        }
        return FigureExplainer.explain(this, figure, entries, modes, classifier);
    }

    /** The number of recipient entries analysed. */
    public int entryCount() {
        return entryRun.length;
    }

    /**
     * Whether a device is a duplicate (SPEC D2): marked {@code †} or {@code &} in reports, never counted.
     *
     * @param entry  the recipient entry's index in the list
     * @param device the device's index in the entry
     * @return true for a second or later occurrence of its address on its channel
     * @throws IndexOutOfBoundsException when there is no such entry or device, naming the index and
     *                                   the size
     */
    public boolean isDuplicate(int entry, int device) {
        checkEntry(entry);
        int devices = deviceOffsets[entry + 1] - deviceOffsets[entry];
        if (device < 0 || device >= devices) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "device index %d is out of bounds: entry %d has %d device(s)", device, entry, devices));
        }
        int bit = deviceOffsets[entry] + device;
        return bit >>> 6 < duplicates.length && (duplicates[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * Whether the person of an entry was contacted successfully by phone (the report marks the others
     * with {@code *}, SPEC P6).
     *
     * @param entry the recipient entry's index
     * @return true when the person has a successful Voice or Text address
     * @throws IndexOutOfBoundsException when there is no such entry, naming the index and the size
     */
    public boolean isContactedByPhone(int entry) {
        checkEntry(entry);
        return personContacted.get(personOfRun[entryRun[entry]]);
    }

    /**
     * Whether the person of an entry has any device on the message's delivery modes, on any of their
     * entries (Total No Device counts the others).
     *
     * @param entry the recipient entry's index
     * @return true when the person has a device
     * @throws IndexOutOfBoundsException when there is no such entry, naming the index and the size
     */
    public boolean personHasDevice(int entry) {
        checkEntry(entry);
        return personHasDevice.get(personOfRun[entryRun[entry]]);
    }

    private void checkEntry(int entry) {
        if (entry < 0 || entry >= entryRun.length) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
                    "entry index %d is out of bounds: the analysis has %d entries", entry, entryRun.length));
        }
    }

    /** When the first device was attempted, as far as device times tell (SPEC D6). */
    public Optional<Instant> firstAttempt() {
        return Optional.ofNullable(firstAttempt);
    }

    /** When the last final outcome arrived, as far as device times tell (SPEC D6). */
    public Optional<Instant> lastFinalOutcome() {
        return Optional.ofNullable(lastFinalOutcome);
    }
}
