package dev.sentlog.core.store;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.internal.Checks;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.totals.SummaryLedger;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-device state of one message in parallel arrays. Guarded by the owning slot's lock. */
final class InMemoryDeviceTable implements DeviceTable {

    private static final byte CONFIRMED = 1;
    private static final byte SUBMITTED = 2;
    private static final byte FINAL = 4;

    private final String messageId;
    private final String school;
    private final Device[] recorded;
    private final String[] personIds;
    private final int[] entryOf;
    private final int[] entryStart;
    private final int[] nextOfPerson;
    private final DeviceOutcome[] outcomes;
    private final Instant[] reachedAt;
    private final long[] sequences;
    private final byte[] flags;
    private int open;
    private int submitted;
    private Instant lastActivity;
    /** The rows changed by the running callback with their values before it, to undo them if it throws. */
    private final Map<Integer, Object[]> undo = new HashMap<>();
    private int openBefore;
    private int submittedBefore;
    private Instant lastActivityBefore;
    /** The message's Delivery Summary, kept current with every change and undo (SPEC E3). */
    private final SummaryLedger ledger;
    /** The rows the running callback noted for the contact ledger (SPEC H3), with what they say. */
    private final Map<Integer, ContactKind> notes = new LinkedHashMap<>();

    /**
     * @param classifier the classification the summary counts under, or null for a table that keeps no
     *                   summary (the benchmarks' baseline)
     */
    InMemoryDeviceTable(Message message, OutcomeClassifier classifier) {
        ledger = classifier == null ? null
                : SummaryLedger.of(message.recipients(), message.deliveryModes(), classifier);
        List<RecipientEntry> entries = message.recipients();
        int n = message.deviceCount();
        messageId = message.id();
        school = message.districtOrSchool();
        recorded = new Device[n];
        personIds = new String[n];
        entryOf = new int[n];
        entryStart = new int[entries.size() + 1];
        nextOfPerson = new int[n];
        outcomes = new DeviceOutcome[n];
        reachedAt = new Instant[n];
        sequences = new long[n];
        flags = new byte[n];
        Map<String, Integer> lastRowOfPerson = new HashMap<>();
        Map<String, Integer> firstRowOfPerson = new HashMap<>();
        int row = 0;
        for (int e = 0; e < entries.size(); e++) {
            entryStart[e] = row;
            RecipientEntry entry = entries.get(e);
            String person = entry.person().id();
            for (Device d : entry.devices()) {
                recorded[row] = d;
                personIds[row] = person;
                entryOf[row] = e;
                Integer previous = lastRowOfPerson.put(person, row);
                if (previous != null) {
                    nextOfPerson[previous] = row;
                } else {
                    firstRowOfPerson.put(person, row);
                }
                outcomes[row] = d.outcome();
                reachedAt[row] = d.time().orElse(null);
                sequences[row] = -1;
                flags[row] = d.confirmed() ? CONFIRMED : 0;
                row++;
            }
        }
        entryStart[entries.size()] = row;
        for (Map.Entry<String, Integer> last : lastRowOfPerson.entrySet()) {
            nextOfPerson[last.getValue()] = firstRowOfPerson.get(last.getKey());
        }
    }

    @Override
    public int size() {
        return recorded.length;
    }

    @Override
    public int row(int entry, int device) {
        if (entry < 0 || entry >= entryStart.length - 1 || device < 0) {
            return -1;
        }
        int r = entryStart[entry] + device;
        return r < entryStart[entry + 1] ? r : -1;
    }

    @Override
    public int entryIndex(int row) {
        return entryOf[row];
    }

    @Override
    public int deviceIndex(int row) {
        return row - entryStart[entryOf[row]];
    }

    @Override
    public Channel channel(int row) {
        return recorded[row].channel();
    }

    @Override
    public String address(int row) {
        return recorded[row].address();
    }

    @Override
    public String personId(int row) {
        return personIds[row];
    }

    @Override
    public int nextRowOfPerson(int row) {
        return nextOfPerson[row];
    }

    @Override
    public DeviceOutcome outcome(int row) {
        return outcomes[row];
    }

    @Override
    public boolean confirmed(int row) {
        return (flags[row] & CONFIRMED) != 0;
    }

    @Override
    public Instant reachedAt(int row) {
        return reachedAt[row];
    }

    @Override
    public long sequence(int row) {
        return sequences[row];
    }

    @Override
    public boolean submitted(int row) {
        return (flags[row] & SUBMITTED) != 0;
    }

    @Override
    public boolean isFinal(int row) {
        return (flags[row] & FINAL) != 0;
    }

    /** Starts a callback: its changes can be undone until {@link #endCallback()}. */
    void beginCallback() {
        undo.clear();
        notes.clear();
        openBefore = open;
        submittedBefore = submitted;
        lastActivityBefore = lastActivity;
    }

    /**
     * Ends a callback: keeps its changes.
     *
     * @return the contact ledger changes the callback noted, for the store to apply (SPEC H3)
     */
    List<InMemoryContactLedger.Change> endCallback() {
        undo.clear();
        if (notes.isEmpty()) {
            return List.of();
        }
        List<InMemoryContactLedger.Change> changes = new ArrayList<>(notes.size());
        for (Map.Entry<Integer, ContactKind> n : notes.entrySet()) {
            int row = n.getKey();
            Channel channel = recorded[row].channel();
            String address = Addresses.normalise(channel, recorded[row].address());
            if (address.isBlank()) {
                continue;
            }
            ContactFact fact = n.getValue() == ContactKind.NOT_ATTEMPTED || reachedAt[row] == null ? null
                    : new ContactFact(channel, address, messageId, row, n.getValue(), outcomes[row], reachedAt[row],
                    personIds[row], school);
            changes.add(new InMemoryContactLedger.Change(ContactFact.key(channel, address), channel, address,
                    messageId, row, fact));
        }
        notes.clear();
        return changes;
    }

    /** Undoes every change of the running callback (it threw; SPEC N1). */
    void rollbackCallback() {
        for (Map.Entry<Integer, Object[]> e : undo.entrySet()) {
            int row = e.getKey();
            Object[] v = e.getValue();
            if (ledger != null) {
                ledger.change(row, outcomes[row], confirmed(row), reachedAt[row], (DeviceOutcome) v[0],
                        ((Byte) v[3] & CONFIRMED) != 0, (Instant) v[1]);
            }
            outcomes[row] = (DeviceOutcome) v[0];
            reachedAt[row] = (Instant) v[1];
            sequences[row] = (Long) v[2];
            flags[row] = (Byte) v[3];
        }
        undo.clear();
        notes.clear();
        open = openBefore;
        submitted = submittedBefore;
        lastActivity = lastActivityBefore;
    }

    private void remember(int row) {
        undo.computeIfAbsent(row, r -> new Object[] {outcomes[r], reachedAt[r], sequences[r], flags[r]});
    }

    @Override
    public void set(int row, DeviceOutcome outcome, boolean confirmed, Instant at, long sequence, boolean isFinal) {
        remember(row);
        if (ledger != null) {
            ledger.change(row, outcomes[row], confirmed(row), reachedAt[row], outcome, confirmed, at);
        }
        byte f = flags[row];
        boolean wasOpen = (f & SUBMITTED) != 0 && (f & FINAL) == 0;
        f = (byte) ((f & SUBMITTED) | (confirmed ? CONFIRMED : 0) | (isFinal ? FINAL : 0));
        flags[row] = f;
        outcomes[row] = outcome;
        reachedAt[row] = at;
        sequences[row] = sequence;
        boolean isOpen = (f & SUBMITTED) != 0 && !isFinal;
        open += (isOpen ? 1 : 0) - (wasOpen ? 1 : 0);
    }

    @Override
    public void markSubmitted(int row) {
        if ((flags[row] & SUBMITTED) == 0) {
            remember(row);
            flags[row] |= SUBMITTED;
            submitted++;
            if ((flags[row] & FINAL) == 0) {
                open++;
            }
        }
    }

    @Override
    public void noteContact(int row, ContactKind kind) {
        Checks.requireNonNull(kind, "kind");
        if (row < 0 || row >= recorded.length) {
            throw new IndexOutOfBoundsException("row " + row + " of message " + messageId + ", which has "
                    + recorded.length + " device row(s)");
        }
        notes.put(row, kind);
    }

    @Override
    public int openCount() {
        return open;
    }

    @Override
    public int submittedCount() {
        return submitted;
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public void touch(Instant at) {
        if (lastActivity == null || at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    /** The summary ledger, current with the rows (SPEC E3); null when the table keeps none. */
    SummaryLedger ledger() {
        return ledger;
    }

    /** The recipient list with each device's current outcome. */
    List<RecipientEntry> recipients(List<RecipientEntry> recordedEntries) {
        List<RecipientEntry> out = new ArrayList<>(recordedEntries.size());
        for (int e = 0; e < recordedEntries.size(); e++) {
            out.add(recipient(recordedEntries.get(e), e));
        }
        return out;
    }

    /** One recorded entry with its devices' current outcomes. */
    RecipientEntry recipient(RecipientEntry entry, int e) {
        List<Device> devices = new ArrayList<>(entry.devices().size());
        for (int r = entryStart[e]; r < entryStart[e + 1]; r++) {
            Device d = recorded[r];
            boolean same = d.outcome() == outcomes[r] && d.confirmed() == confirmed(r)
                    && d.time().orElse(null) == reachedAt[r];
            devices.add(same ? d : d.withOutcome(outcomes[r], confirmed(r), reachedAt[r]));
        }
        return RecipientEntry.of(entry.person(), entry.student().orElse(null), devices);
    }
}
