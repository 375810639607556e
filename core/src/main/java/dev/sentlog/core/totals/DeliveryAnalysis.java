package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over a recipient list that yields the Delivery Summary totals (SPEC D4, D5), the
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
 *   <li>An address is attempted, successful or opted out when any of its occurrences is (D3).</li>
 *   <li>A person is contacted by phone when one of their Voice occurrences is on a successful Voice
 *       number or one of their Text occurrences on a successful Text number.</li>
 * </ul>
 */
public final class DeliveryAnalysis {

    // per-address flag bits
    private static final int SEEN = 1;
    private static final int ATTEMPTED = 2;
    private static final int SUCCESS = 4;
    private static final int OPTED_OUT = 8;
    // the phone table keeps Voice bits low and Text bits shifted
    private static final int TEXT_SHIFT = 4;
    private static final int VOICE_MASK = 0xF;

    private final DeliveryTotals totals;
    private final int totalVoiceText;
    private final int totalVoiceTextAttempted;
    private final int[] deviceOffsets;
    private final int[] entryPerson;
    private final BitSet duplicates;
    private final BitSet personHasDevice;
    private final BitSet personContacted;
    private final Instant firstAttempt;
    private final Instant lastFinalOutcome;

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
        int n = entries.size();
        deviceOffsets = new int[n + 1];
        entryPerson = new int[n];
        int deviceCount = 0;

        boolean[] used = new boolean[Channel.values().length];
        for (Channel c : modes) {
            used[c.ordinal()] = true;
        }
        int expected = Math.max(16, n / 2);
        // a person usually has several entries (one per student); the table grows when not
        IdTable persons = new IdTable(expected);
        StringKeyTable inboxes = new StringKeyTable(false, modes.contains(Channel.INBOX) ? expected : 16);
        StringKeyTable emails = new StringKeyTable(true, modes.contains(Channel.EMAIL) ? expected : 16);
        PhoneKeyTable phones = new PhoneKeyTable(modes.contains(Channel.VOICE) || modes.contains(Channel.TEXT) ? expected : 16);
        duplicates = new BitSet(n * 2);
        personHasDevice = new BitSet();
        // phone occurrences for the contacted pass: person number << 32 | number id << 1 | is-text
        long[] phoneOccurrences = new long[Math.max(16, n)];
        int occurrences = 0;
        Instant first = null;
        Instant last = null;
        Person previousPerson = null;
        int person = -1;
        int previousEntryPerson = -1;
        // the previous entry's devices and their key ids: a guardian listed once per student repeats
        // the same addresses in the same order, and an equal address string needs no hashing
        List<Device> previousDevices = List.of();
        int[] previousIds = new int[8];
        int[] currentIds = new int[8];

        int[] sink = new int[256];
        for (int e = 0; e < n; e++) {
            if (e % BLOCK == 0) {
                readAhead(entries, e, Math.min(n, e + BLOCK), persons, sink);
            }
            RecipientEntry entry = entries.get(e);
            Person p = entry.person();
            previousEntryPerson = person;
            // consecutive entries of one person usually share the Person object; the table finds
            // an equal id held by another object
            if (p != previousPerson) {
                person = persons.numberOf(p.id());
                previousPerson = p;
            }
            // the same person repeating the previous entry's address adds no new phone occurrence
            boolean samePerson = person == previousEntryPerson;
            entryPerson[e] = person;
            List<Device> devices = entry.devices();
            int dn = devices.size();
            deviceOffsets[e] = deviceCount;
            deviceCount += dn;
            if (currentIds.length < dn) {
                currentIds = new int[dn];
            }
            for (int d = 0; d < dn; d++) {
                Device device = devices.get(d);
                Channel channel = device.channel();
                currentIds[d] = StringKeyTable.BLANK;
                if (!used[channel.ordinal()]) {
                    continue;
                }
                OutcomeClass cls = classifier.classify(channel, device.outcome(), device.confirmed());
                int bits = bitsOf(cls);
                int id;
                boolean duplicate;
                boolean repeat = false;
                boolean isText = channel == Channel.TEXT;
                Device before = d < previousDevices.size() ? previousDevices.get(d) : null;
                if (before != null && before.channel() == channel && before.address().equals(device.address())) {
                    id = previousIds[d];
                    currentIds[d] = id;
                    if (id == StringKeyTable.BLANK) {
                        continue;
                    }
                    duplicate = true;
                    repeat = samePerson;
                    switch (channel) {
                        case INBOX:
                            inboxes.mark(id, bits);
                            break;
                        case EMAIL:
                            emails.mark(id, bits);
                            break;
                        default:
                            phones.mark(id, isText ? bits << TEXT_SHIFT : bits);
                            break;
                    }
                } else {
                    switch (channel) {
                        case INBOX:
                            id = inboxes.add(device.address(), bits);
                            duplicate = inboxes.lastWasPresent;
                            break;
                        case EMAIL:
                            id = emails.add(device.address(), bits);
                            duplicate = emails.lastWasPresent;
                            break;
                        case VOICE:
                            id = phones.add(device.address(), bits);
                            duplicate = (phones.previousFlags & SEEN) != 0;
                            break;
                        case TEXT:
                        default:
                            id = phones.add(device.address(), bits << TEXT_SHIFT);
                            duplicate = (phones.previousFlags & (SEEN << TEXT_SHIFT)) != 0;
                            break;
                    }
                    currentIds[d] = id;
                    if (id == StringKeyTable.BLANK) {
                        continue;
                    }
                }
                personHasDevice.set(person);
                if (duplicate) {
                    duplicates.set(deviceCount - dn + d);
                }
                if (channel.isPhone() && !repeat) {
                    if (occurrences == phoneOccurrences.length) {
                        phoneOccurrences = Arrays.copyOf(phoneOccurrences, occurrences * 2);
                    }
                    phoneOccurrences[occurrences++] = ((long) person << 32) | ((long) id << 1) | (isText ? 1 : 0);
                }
                Instant t = device.reachedAt();
                if (t != null) {
                    if (cls.attempted() && (first == null || t.isBefore(first))) {
                        first = t;
                    }
                    if (cls.isFinal() && cls != OutcomeClass.CANCELED && (last == null || t.isAfter(last))) {
                        last = t;
                    }
                }
            }
            previousDevices = devices;
            int[] swap = previousIds;
            previousIds = currentIds;
            currentIds = swap;
        }

        deviceOffsets[n] = deviceCount;
        personContacted = new BitSet(persons.size());
        for (int i = 0; i < occurrences; i++) {
            long o = phoneOccurrences[i];
            int f = phones.flags((int) o >>> 1);
            int channelBits = (o & 1) != 0 ? f >>> TEXT_SHIFT : f & VOICE_MASK;
            if ((channelBits & SUCCESS) != 0) {
                personContacted.set((int) (o >>> 32));
            }
        }
        int recipients = persons.size();
        int contacted = personContacted.cardinality();
        int voiceSeen = SEEN;
        int textSeen = SEEN << TEXT_SHIFT;
        int textAttempted = ATTEMPTED << TEXT_SHIFT;
        int textOpted = OPTED_OUT << TEXT_SHIFT;
        // every phone figure in one pass over the numbers' flags
        int voice = 0;
        int voiceAttempted = 0;
        int text = 0;
        int textAttemptedNotOpted = 0;
        int voiceText = 0;
        int voiceTextAttempted = 0;
        for (int id = 0, count = phones.size(); id < count; id++) {
            int f = phones.flags(id);
            boolean textCounts = (f & textAttempted) != 0 && (f & textOpted) == 0;
            voice += (f & voiceSeen) != 0 ? 1 : 0;
            voiceAttempted += (f & (voiceSeen | ATTEMPTED)) == (voiceSeen | ATTEMPTED) ? 1 : 0;
            text += (f & textSeen) != 0 ? 1 : 0;
            textAttemptedNotOpted += (f & textSeen) != 0 && textCounts ? 1 : 0;
            voiceText += (f & (voiceSeen | textSeen)) != 0 ? 1 : 0;
            voiceTextAttempted += (f & ATTEMPTED) != 0 || textCounts ? 1 : 0;
        }
        totals = new DeliveryTotals(
                recipients,
                recipients - personHasDevice.cardinality(),
                inboxes.count(SEEN | SUCCESS),
                emails.count(SEEN),
                emails.count(SEEN | ATTEMPTED),
                voice,
                voiceAttempted,
                text,
                textAttemptedNotOpted,
                contacted,
                recipients - contacted);
        totalVoiceText = voiceText;
        totalVoiceTextAttempted = voiceTextAttempted;
        firstAttempt = first;
        lastFinalOutcome = last;
    }

    /** Entries per look-ahead block. */
    private static final int BLOCK = 32;

    /**
     * Reads ahead, for a block of entries, what the main pass will need from memory that is likely
     * not in cache: each person id's table slot and each address's bytes. The reads of one block do
     * not depend on one another, so the CPU overlaps their cache misses instead of waiting for each
     * in turn as the main pass would.
     *
     * @param sink where the loaded values go, so that the loads are not optimised away
     */
    private static void readAhead(List<RecipientEntry> entries, int from, int to, IdTable persons, int[] sink) {
        int s = 0;
        for (int e = from; e < to; e++) {
            RecipientEntry entry = entries.get(e);
            sink[s++ & (sink.length - 1)] = persons.slotOf(entry.person().id());
            List<Device> devices = entry.devices();
            for (int d = 0, dn = devices.size(); d < dn; d++) {
                sink[s++ & (sink.length - 1)] = devices.get(d).address().length();
            }
        }
    }

    private static int bitsOf(OutcomeClass cls) {
        int bits = SEEN;
        if (cls.attempted()) {
            bits |= ATTEMPTED;
        }
        if (cls == OutcomeClass.SUCCESS) {
            bits |= SUCCESS;
        } else if (cls == OutcomeClass.OPTED_OUT) {
            bits |= OPTED_OUT;
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
     * attempted by Text and not opted out.
     *
     * @return the figure
     */
    public int totalVoiceTextAttempted() {
        return totalVoiceTextAttempted;
    }

    /** The number of recipient entries analysed. */
    public int entryCount() {
        return entryPerson.length;
    }

    /**
     * Whether a device is a duplicate (SPEC D2): marked {@code †} or {@code &} in reports, never counted.
     *
     * @param entry  the recipient entry's index in the list
     * @param device the device's index in the entry
     * @return true for a second or later occurrence of its address on its channel
     */
    public boolean isDuplicate(int entry, int device) {
        Checks.requireArgument(device >= 0 && deviceOffsets[entry] + device < deviceOffsets[entry + 1],
                "entry %d has no device %d", entry, device);
        return duplicates.get(deviceOffsets[entry] + device);
    }

    /**
     * Whether the person of an entry was contacted successfully by phone (the report marks the others
     * with {@code *}, SPEC P6).
     *
     * @param entry the recipient entry's index
     * @return true when the person has a successful Voice or Text address
     */
    public boolean isContactedByPhone(int entry) {
        return personContacted.get(entryPerson[entry]);
    }

    /**
     * Whether the person of an entry has any device on the message's delivery modes, on any of their
     * entries (Total No Device counts the others).
     *
     * @param entry the recipient entry's index
     * @return true when the person has a device
     */
    public boolean personHasDevice(int entry) {
        return personHasDevice.get(entryPerson[entry]);
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
