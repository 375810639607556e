package dev.sentlog.core.store;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.OutcomeClassifier;
import dev.sentlog.spi.Channel;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.message.RecipientEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded default {@link MessageStore}: everything in memory, thread-safe.
 *
 * <p>Indexes: one created-time index over all messages, one per sender (SPEC T1) and one per
 * district/school (T3), each a sorted array answered by binary search; plus the scheduler-created
 * messages by scheduled time, so that the few still hidden (V2) are subtracted from a range count
 * instead of checking every message. Headers are swapped atomically; device rows are guarded by
 * one lock per message and allocated on first use.
 */
final class InMemoryMessageStore implements MessageStore {

    private static final class Slot {
        final int number;
        /** The recorded content; replaced once, by the redacted content (SPEC X2), under the slot's lock. */
        volatile Message recorded;
        final long createdKey;
        final AtomicReference<MessageHeader> header;
        private InMemoryDeviceTable devices;
        /** Legal holds, oldest first (SPEC X3); guarded by the slot's lock. */
        final List<LegalHold> holds = new ArrayList<>();

        Slot(int number, Message recorded, MessageHeader header) {
            this.number = number;
            this.recorded = recorded;
            this.createdKey = TimeIndex.key(recorded.createdAt());
            this.header = new AtomicReference<>(header);
        }

        InMemoryDeviceTable devices(OutcomeClassifier classifier) {
            if (devices == null) {
                devices = new InMemoryDeviceTable(recorded, classifier);
            }
            return devices;
        }
    }

    private record JobKey(String provider, String jobId) {
    }

    private record ScheduledKey(long scheduledKey, int slot) implements Comparable<ScheduledKey> {
        @Override
        public int compareTo(ScheduledKey o) {
            int c = Long.compare(scheduledKey, o.scheduledKey);
            return c != 0 ? c : Integer.compare(slot, o.slot);
        }
    }

    private final OutcomeClassifier classifier;
    private final InMemoryContactLedger ledger = new InMemoryContactLedger();
    /** Resend links (SPEC Y2), guarded by {@code resends}. */
    private final Map<String, List<String>> resends = new HashMap<>();
    private final Map<String, String> originals = new HashMap<>();
    private final Map<String, Slot> byId = new ConcurrentHashMap<>();
    private final Map<JobKey, String> jobs = new ConcurrentHashMap<>();
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();
    private final List<Slot> slots = new ArrayList<>();
    private final TimeIndex all = new TimeIndex();
    private final Map<String, TimeIndex> bySender = new ConcurrentHashMap<>();
    private final Map<String, TimeIndex> bySchool = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<ScheduledKey, Slot> schedulerMessages = new ConcurrentSkipListMap<>();
    /** Messages marked for purging (SPEC X1): out of every index, waiting for {@link #eraseBatch}. */
    private final Map<String, Slot> purging = new ConcurrentHashMap<>();
    private static final int CANDIDATE_CHUNK = 1_000;

    /** Whether the store maintains each message's summary (false only for the benchmarks' baseline). */
    private final boolean maintained;

    InMemoryMessageStore(OutcomeClassifier classifier) {
        this(classifier, true);
    }

    InMemoryMessageStore(OutcomeClassifier classifier, boolean maintained) {
        this.classifier = Checks.requireNonNull(classifier, "classifier");
        this.maintained = maintained;
    }
    /** The Recipient Log's indexes (SPEC H1): each person's and each normalised address's messages. */
    private final Map<String, TimeIndex> byPerson = new ConcurrentHashMap<>();
    private final Map<RecipientMatches.AddressKey, TimeIndex> byAddress = new ConcurrentHashMap<>();

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        Checks.requireNonNull(message, "message");
        Checks.requireNonNull(state, "state");
        MessageHeader header = MessageHeader.of(message, state.withVersion(0));
        Set<String> persons = RecipientMatches.persons(message.recipients());
        Set<RecipientMatches.AddressKey> addresses = RecipientMatches.addresses(message.recipients());
        indexLock.writeLock().lock();
        try {
            if (byId.containsKey(message.id()) || purging.containsKey(message.id())) {
                throw new DuplicateMessageException(message.id());
            }
            Slot slot = new Slot(slots.size(), message, header);
            slots.add(slot);
            byId.put(message.id(), slot);
            all.add(slot.createdKey, slot.number);
            bySender.computeIfAbsent(message.sender().id(), k -> new TimeIndex()).add(slot.createdKey, slot.number);
            bySchool.computeIfAbsent(message.districtOrSchool(), k -> new TimeIndex()).add(slot.createdKey, slot.number);
            for (String person : persons) {
                byPerson.computeIfAbsent(person, k -> new TimeIndex()).add(slot.createdKey, slot.number);
            }
            for (RecipientMatches.AddressKey address : addresses) {
                byAddress.computeIfAbsent(address, k -> new TimeIndex()).add(slot.createdKey, slot.number);
            }
            if (header.isSchedulerSent() && message.scheduledAt().isPresent()) {
                schedulerMessages.put(new ScheduledKey(TimeIndex.key(message.scheduledAt().get()), slot.number), slot);
            }
            indexJobs(message.id(), state);
            if (!state.status().isFinal()) {
                active.add(message.id());
            }
        } finally {
            indexLock.writeLock().unlock();
        }
        return header;
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        return slot == null ? Optional.empty() : Optional.of(slot.header.get());
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        Checks.requireNonNull(next, "next");
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        MessageHeader current = slot.header.get();
        if (current.state().version() != expectedVersion) {
            return Optional.empty();
        }
        MessageHeader replaced = current.withState(next.withVersion(expectedVersion + 1));
        if (!slot.header.compareAndSet(current, replaced)) {
            return Optional.empty();
        }
        indexJobs(messageId, next);
        if (next.status().isFinal()) {
            active.remove(messageId);
        }
        return Optional.of(replaced);
    }

    /** Atomic for snapshots: the state is replaced and the devices changed under the message's lock. */
    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        Checks.requireNonNull(devices, "devices");
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            MessageHeader before = slot.header.get();
            if (before.state().version() != expectedVersion) {
                return Optional.empty();
            }
            InMemoryDeviceTable table = slot.devices(maintained ? classifier : null);
            table.beginCallback();
            try {
                devices.accept(table);
            } catch (RuntimeException | Error e) {
                table.rollbackCallback();
                throw e;
            }
            Optional<MessageHeader> replaced = compareAndSet(messageId, expectedVersion, next);
            if (replaced.isEmpty()) {
                table.rollbackCallback();
            } else {
                ledger.apply(table.endCallback());
            }
            return replaced;
        }
    }

    private void indexJobs(String messageId, MessageState state) {
        for (ProviderJob job : state.jobs()) {
            jobs.putIfAbsent(new JobKey(job.providerName(), job.jobId()), messageId);
        }
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        Checks.requireNonNull(callback, "callback");
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            InMemoryDeviceTable table = slot.devices(maintained ? classifier : null);
            table.beginCallback();
            R result;
            try {
                result = callback.apply(table);
            } catch (RuntimeException | Error e) {
                table.rollbackCallback();
                throw e;
            }
            ledger.apply(table.endCallback());
            return Optional.ofNullable(result);
        }
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.of(current(slot));
        }
    }

    /** The message as it is now; the caller holds the slot's lock. */
    private static Message current(Slot slot) {
        MessageState state = slot.header.get().state();
        Message.Builder b = slot.recorded.toBuilder()
                .status(state.status())
                .startedAt(state.startedAt().orElse(null))
                .endedAt(state.endedAt().orElse(null))
                .cancellation(state.cancellation().orElse(null));
        if (slot.devices != null) {
            b.recipients(slot.devices.recipients(slot.recorded.recipients()));
        }
        return b.build();
    }

    @Override
    public StorePage search(StoreQuery q) {
        Checks.requireNonNull(q, "query");
        long from = TimeIndex.key(q.from());
        long to = TimeIndex.key(q.to());
        indexLock.readLock().lock();
        try {
            List<TimeIndex> indexes = new ArrayList<>();
            boolean schoolResidual = false;
            if (q.senderId() != null) {
                TimeIndex idx = bySender.get(q.senderId());
                if (idx != null) {
                    indexes.add(idx);
                }
                schoolResidual = !q.schools().isEmpty();
            } else if (!q.schools().isEmpty()) {
                for (String school : q.schools()) {
                    TimeIndex idx = bySchool.get(school);
                    if (idx != null) {
                        indexes.add(idx);
                    }
                }
            } else {
                indexes.add(all);
            }
            List<Slot> picked = new ArrayList<>();
            long total = 0;
            for (TimeIndex idx : indexes) {
                int lo = idx.lowerBound(from);
                int hi = idx.lowerBound(to);
                int taken = 0;
                for (int p = hi - 1; p >= lo; p--) {
                    Slot s = slots.get(idx.slotAt(p));
                    MessageHeader h = s.header.get();
                    boolean ok = h.isVisibleAt(q.visibleAt())
                            && (!schoolResidual || q.schools().contains(h.districtOrSchool()));
                    if (ok) {
                        if (taken < q.limit()) {
                            picked.add(s);
                            taken++;
                        } else if (!schoolResidual) {
                            break;
                        }
                        if (schoolResidual) {
                            total++;
                        }
                    }
                }
                if (!schoolResidual) {
                    total += hi - lo;
                }
            }
            if (!schoolResidual) {
                total -= hiddenInRange(q, from, to);
            }
            picked.sort(Comparator.<Slot>comparingLong(s -> s.createdKey).thenComparingInt(s -> s.number).reversed());
            List<MessageHeader> headers = new ArrayList<>(Math.min(picked.size(), q.limit()));
            for (int i = 0; i < picked.size() && i < q.limit(); i++) {
                headers.add(picked.get(i).header.get());
            }
            return new StorePage(headers, total);
        } finally {
            indexLock.readLock().unlock();
        }
    }

    /** Scheduler-created messages in the range still hidden at the query's instant (SPEC V2). */
    private long hiddenInRange(StoreQuery q, long from, long to) {
        long hidden = 0;
        ScheduledKey after = new ScheduledKey(TimeIndex.key(q.visibleAt()), Integer.MAX_VALUE);
        for (Slot s : schedulerMessages.tailMap(after, false).values()) {
            MessageHeader h = s.header.get();
            if (s.createdKey >= from && s.createdKey < to
                    && (q.senderId() == null || q.senderId().equals(h.sender().id()))
                    && (q.schools().isEmpty() || q.schools().contains(h.districtOrSchool()))) {
                hidden++;
            }
        }
        return hidden;
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return Optional.ofNullable(jobs.get(new JobKey(providerName, jobId)));
    }

    @Override
    public List<MessageHeader> active(int limit) {
        List<MessageHeader> out = new ArrayList<>();
        for (String id : active) {
            Slot s = byId.get(id);
            if (s != null) {
                out.add(s.header.get());
            }
        }
        out.sort(Comparator.comparing(MessageHeader::createdAt).thenComparing(MessageHeader::id));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    // ---------------------------------------------------------------- issue #16: the maintained summary (E3)

    /**
     * Under the message's lock: the state and the ledger's figures of one moment; the devices are not
     * read (a store made without a maintained summary analyses them).
     */
    @Override
    public Optional<StoredSummary> summary(String messageId) {
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            InMemoryDeviceTable table = slot.devices(maintained ? classifier : null);
            SummaryFigures figures = maintained ? table.ledger().figures()
                    : SummaryFigures.of(DeliveryAnalysis.of(snapshot(messageId).orElseThrow(), classifier));
            MessageState s = slot.header.get().state();
            return Optional.of(StoredSummary.of(messageId, s.status(), s.version(), s.startedAt().orElse(null),
                    s.endedAt().orElse(null), s.cancellation().orElse(null), slot.recorded.textMessagingEnabled(),
                    figures));
        }
    }

    @Override
    public OutcomeClassifier summaryClassifier() {
        return classifier;
    }

    // ---------------------------------------------------------------- issue #13: contacts to fix (H3), resend (Y2)

    @Override
    public List<AddressHistory> failingAddresses(int minStreak) {
        Checks.requireArgument(minStreak >= 1, "the minimum streak must be at least 1, was %d", minStreak);
        return ledger.failing(minStreak);
    }

    @Override
    public List<AddressHistory> doNotContactAddresses() {
        return ledger.doNotContact();
    }

    @Override
    public Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(addresses, "addresses");
        return ledger.doNotContact(channel, addresses);
    }

    @Override
    public boolean claimResend(String originalId, String resendId, int maxResends) {
        Checks.requireNonNull(originalId, "originalId");
        Checks.requireNonNull(resendId, "resendId");
        Checks.requireArgument(maxResends >= 1, "the resends allowed per original must be at least 1, was %d",
                maxResends);
        synchronized (resends) {
            Checks.requireArgument(!originals.containsKey(resendId), "message %s is already linked as a resend of %s",
                    resendId, originals.get(resendId));
            List<String> earlier = resends.computeIfAbsent(originalId, k -> new ArrayList<>());
            if (earlier.size() >= maxResends) {
                return false;
            }
            earlier.add(resendId);
            originals.put(resendId, originalId);
            return true;
        }
    }

    @Override
    public void releaseResend(String originalId, String resendId) {
        synchronized (resends) {
            List<String> earlier = resends.get(Checks.requireNonNull(originalId, "originalId"));
            if (earlier != null && earlier.remove(Checks.requireNonNull(resendId, "resendId"))) {
                originals.remove(resendId);
            }
        }
    }

    @Override
    public List<String> resendsOf(String originalId) {
        Checks.requireNonNull(originalId, "originalId");
        synchronized (resends) {
            return List.copyOf(resends.getOrDefault(originalId, List.of()));
        }
    }

    @Override
    public Optional<String> originalOf(String resendId) {
        Checks.requireNonNull(resendId, "resendId");
        synchronized (resends) {
            return Optional.ofNullable(originals.get(resendId));
        }
    }

    // ---- retention (SPEC X1-X3; issue #14) ----
    // What is stored for a message: its slot (recorded content, header, devices, holds) and its entries
    // in byId, the time indexes (all, bySender, bySchool, schedulerMessages), jobs and active; unindex
    // is the one place that takes a message out of all of them.

    @Override
    public List<String> purgeCandidates(Instant createdBefore, int limit) {
        Checks.requireNonNull(createdBefore, "createdBefore");
        Checks.requireArgument(limit >= 0, "purge candidate limit is negative: %d", limit);
        List<String> out = new ArrayList<>(purging.keySet());
        out.sort(null);
        if (out.size() >= limit) {
            return new ArrayList<>(out.subList(0, limit));
        }
        out.addAll(oldFinal(createdBefore, limit - out.size(), false));
        return out;
    }

    @Override
    public List<String> redactionCandidates(Instant createdBefore, int limit) {
        Checks.requireNonNull(createdBefore, "createdBefore");
        Checks.requireArgument(limit >= 0, "redaction candidate limit is negative: %d", limit);
        return oldFinal(createdBefore, limit, true);
    }

    /** Final messages created before the cut-off without a hold in force, oldest first. */
    private List<String> oldFinal(Instant createdBefore, int limit, boolean unredactedOnly) {
        long cut = TimeIndex.key(createdBefore);
        List<String> out = new ArrayList<>();
        int from = 0;
        while (out.size() < limit) {
            // a chunk under the index lock, the holds after it: markForPurge takes the locks the other way
            List<Slot> chunk = new ArrayList<>();
            indexLock.readLock().lock();
            try {
                int end = all.lowerBound(cut);
                for (; from < end && chunk.size() < CANDIDATE_CHUNK; from++) {
                    Slot slot = slots.get(all.slotAt(from));
                    if (slot.header.get().state().status().isFinal() && !(unredactedOnly && isRedacted(slot))) {
                        chunk.add(slot);
                    }
                }
                if (chunk.isEmpty() && from >= end) {
                    return out;
                }
            } finally {
                indexLock.readLock().unlock();
            }
            for (Slot slot : chunk) {
                synchronized (slot) {
                    if (out.size() < limit && !held(slot) && byId.get(slot.header.get().id()) == slot) {
                        out.add(slot.header.get().id());
                    }
                }
            }
        }
        return out;
    }

    private static boolean isRedacted(Slot slot) {
        return slot.recorded.redaction().isPresent();
    }

    private static boolean held(Slot slot) {
        return !slot.holds.isEmpty() && slot.holds.get(slot.holds.size() - 1).isInForce();
    }

    @Override
    public boolean markForPurge(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        Slot slot = byId.get(messageId);
        if (slot == null) {
            return purging.containsKey(messageId);
        }
        synchronized (slot) {
            MessageHeader h = slot.header.get();
            if (!h.state().status().isFinal() || held(slot)) {
                return false;
            }
            indexLock.writeLock().lock();
            try {
                if (byId.get(messageId) != slot) {
                    return purging.containsKey(messageId);
                }
                unindex(slot, h);
                purging.put(messageId, slot);
                engagement.forget(messageId);
            } finally {
                indexLock.writeLock().unlock();
            }
            return true;
        }
    }

    /** Takes a message out of every index; the caller holds the index write lock. */
    private void unindex(Slot slot, MessageHeader h) {
        byId.remove(h.id());
        all.remove(slot.createdKey, slot.number);
        removeFrom(bySender, h.sender().id(), slot);
        removeFrom(bySchool, h.districtOrSchool(), slot);
        h.scheduledAt().ifPresent(at -> schedulerMessages.remove(new ScheduledKey(TimeIndex.key(at), slot.number)));
        for (ProviderJob job : h.state().jobs()) {
            jobs.remove(new JobKey(job.providerName(), job.jobId()), h.id());
        }
        active.remove(h.id());
        unindexRecipients(slot);
        slots.set(slot.number, null);
    }

    /** Takes the message out of the Recipient Log's indexes (SPEC H1); under the index write lock. */
    private void unindexRecipients(Slot slot) {
        List<RecipientEntry> recipients = slot.recorded.recipients();
        for (String person : RecipientMatches.persons(recipients)) {
            removeFrom(byPerson, person, slot);
        }
        for (RecipientMatches.AddressKey address : RecipientMatches.addresses(recipients)) {
            removeFrom(byAddress, address, slot);
        }
    }

    private static <K> void removeFrom(Map<K, TimeIndex> indexes, K key, Slot slot) {
        TimeIndex idx = indexes.get(key);
        if (idx != null) {
            idx.remove(slot.createdKey, slot.number);
            if (idx.size() == 0) {
                indexes.remove(key);
            }
        }
    }

    /** In memory a marked message is dropped at once: its rows are one object. */
    @Override
    public int eraseBatch(String messageId, int maxRows) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireArgument(maxRows >= 1, "erase batch size must be at least 1, was %d", maxRows);
        Slot slot = purging.remove(messageId);
        if (slot == null) {
            return 0;
        }
        return 1 + slot.recorded.recipients().size() + slot.recorded.deviceCount() + slot.holds.size();
    }

    @Override
    public Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(figures, "figures");
        Slot slot = byId.get(messageId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            if (byId.get(messageId) != slot || !slot.header.get().state().status().isFinal() || held(slot)
                    || isRedacted(slot)) {
                return Optional.empty();
            }
            Redaction r = Checks.requireNonNull(figures.apply(current(slot)), "redaction figures");
            // a redacted message holds no person or address, so the Recipient Log no longer finds it (X2, H1)
            indexLock.writeLock().lock();
            try {
                unindexRecipients(slot);
            } finally {
                indexLock.writeLock().unlock();
            }
            slot.recorded = slot.recorded.toBuilder().body("").text("").emailAttachment(null).audioFile(null)
                    .filterCriteria(List.of()).recipients(List.of()).redaction(r).build();
            slot.devices = null;
            engagement.forget(messageId);
            return Optional.of(r);
        }
    }

    @Override
    public Optional<LegalHold> placeHold(String messageId, LegalHold hold) {
        Checks.requireNonNull(hold, "hold");
        Checks.requireArgument(hold.isInForce(), "a hold to place must be in force, this one was lifted");
        return withSlot(messageId, slot -> {
            if (!held(slot)) {
                slot.holds.add(hold);
            }
            return slot.holds.get(slot.holds.size() - 1);
        });
    }

    @Override
    public Optional<LegalHold> liftHold(String messageId, Person by, Instant at, String reason) {
        Checks.requireNonNull(by, "by");
        Checks.requireNonNull(at, "at");
        return withSlot(messageId, slot -> {
            if (!held(slot)) {
                return null;
            }
            LegalHold lifted = slot.holds.get(slot.holds.size() - 1).lifted(by, at, reason);
            slot.holds.set(slot.holds.size() - 1, lifted);
            return lifted;
        });
    }

    @Override
    public List<LegalHold> holds(String messageId) {
        return withSlot(messageId, slot -> List.copyOf(slot.holds)).orElse(List.of());
    }

    /** Runs an action under the lock of a stored message that is not marked for purging. */
    private <R> Optional<R> withSlot(String messageId, Function<Slot, R> action) {
        Slot slot = byId.get(Checks.requireNonNull(messageId, "messageId"));
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return byId.get(messageId) == slot ? Optional.ofNullable(action.apply(slot)) : Optional.empty();
        }
    }

    // ---- issue #12: hand-over leases (SPEC N2, N3) ----

    /** The stored hand-overs; every change to it runs under its own lock. */
    private final Map<String, HandOverLease> handOvers = new HashMap<>();

    @Override
    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        HandOverLease lease = new HandOverLease(Checks.requireNonNull(messageId, "messageId"), owner, leaseUntil, 1,
                deliverable, batches);
        synchronized (handOvers) {
            if (handOvers.containsKey(messageId) || compareAndSet(messageId, expectedVersion, next).isEmpty()) {
                return Optional.empty();
            }
            handOvers.put(messageId, lease);
            return Optional.of(lease);
        }
    }

    @Override
    public Optional<HandOverLease> handOver(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        synchronized (handOvers) {
            return Optional.ofNullable(handOvers.get(messageId));
        }
    }

    @Override
    public Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner,
                                                 Instant leaseUntil) {
        Checks.requireNonNull(owner, "owner");
        Checks.requireNonNull(leaseUntil, "leaseUntil");
        synchronized (handOvers) {
            HandOverLease current = handOvers.get(Checks.requireNonNull(messageId, "messageId"));
            if (current == null || current.version() != expectedVersion || !current.owner().equals(owner)) {
                return Optional.empty();
            }
            HandOverLease renewed = current.renewed(owner, leaseUntil, expectedVersion + 1);
            handOvers.put(messageId, renewed);
            return Optional.of(renewed);
        }
    }

    @Override
    public Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner,
                                                    Instant now, Instant leaseUntil) {
        Checks.requireNonNull(owner, "owner");
        Checks.requireNonNull(now, "now");
        Checks.requireNonNull(leaseUntil, "leaseUntil");
        synchronized (handOvers) {
            HandOverLease current = handOvers.get(Checks.requireNonNull(messageId, "messageId"));
            if (current == null || current.version() != expectedVersion || !current.expiredAt(now)) {
                return Optional.empty();
            }
            HandOverLease taken = current.renewed(owner, leaseUntil, expectedVersion + 1);
            handOvers.put(messageId, taken);
            return Optional.of(taken);
        }
    }

    @Override
    public boolean endHandOver(String messageId, long expectedVersion) {
        synchronized (handOvers) {
            HandOverLease current = handOvers.get(Checks.requireNonNull(messageId, "messageId"));
            if (current == null || current.version() != expectedVersion) {
                return false;
            }
            handOvers.remove(messageId);
            return true;
        }
    }

    @Override
    public List<HandOverLease> expiredHandOvers(Instant now, int limit) {
        Checks.requireNonNull(now, "now");
        Checks.requireArgument(limit >= 1, "the limit must be at least 1, was %d", limit);
        synchronized (handOvers) {
            return handOvers.values().stream().filter(l -> l.expiredAt(now))
                    .sorted(Comparator.comparing(HandOverLease::leaseUntil).thenComparing(HandOverLease::messageId))
                    .limit(limit).toList();
        }
    }

    @Override
    public RecipientPage recipientMessages(RecipientKey key, StoreQuery q) {
        Checks.requireNonNull(key, "key");
        Checks.requireNonNull(q, "query");
        long from = TimeIndex.key(q.from());
        long to = TimeIndex.key(q.to());
        List<Slot> picked = new ArrayList<>();
        long total = 0;
        indexLock.readLock().lock();
        try {
            TimeIndex idx = key instanceof RecipientKey.ByPerson p ? byPerson.get(p.personId())
                    : byAddress.get(new RecipientMatches.AddressKey(((RecipientKey.ByAddress) key).channel(),
                            ((RecipientKey.ByAddress) key).normalised()));
            if (idx != null) {
                for (int p = idx.lowerBound(to) - 1, lo = idx.lowerBound(from); p >= lo; p--) {
                    Slot s = slots.get(idx.slotAt(p));
                    if (q.matches(s.header.get())) {
                        total++;
                        if (picked.size() < q.limit()) {
                            picked.add(s);
                        }
                    }
                }
            }
        } finally {
            indexLock.readLock().unlock();
        }
        List<RecipientHit> hits = new ArrayList<>(picked.size());
        for (Slot s : picked) {
            List<RecipientEntry> recorded = s.recorded.recipients();
            List<RecipientHit.IndexedEntry> entries = new ArrayList<>();
            synchronized (s) {
                for (int e : RecipientMatches.entryIndexes(recorded, key)) {
                    RecipientEntry entry = s.devices == null ? recorded.get(e) : s.devices.recipient(recorded.get(e), e);
                    entries.add(new RecipientHit.IndexedEntry(e, entry));
                }
                hits.add(new RecipientHit(s.header.get(), entries));
            }
        }
        return new RecipientPage(hits, total);
    }

    // ---- issue #13 (today): engagement (SPEC H5) ----

    private final InMemoryEngagement engagement = new InMemoryEngagement();

    @Override
    public int recordFeedback(String messageId, List<FeedbackRecord> feedback) {
        List<FeedbackRecord> records = Checks.copyWithoutNulls(feedback, "feedback");
        return withSlot(messageId, slot -> {
            if (isRedacted(slot)) {
                return 0;
            }
            List<RecipientEntry> entries = slot.recorded.recipients();
            for (FeedbackRecord r : records) {
                FeedbackEvent e = r.event();
                Checks.requireArgument(e.entry() < entries.size() && e.device() < entries.get(e.entry()).devices()
                        .size() && r.row() < slot.recorded.deviceCount(), "feedback %s names entry %d device %d (row "
                        + "%d), which message %s does not hold", e.eventId(), e.entry(), e.device(), r.row(),
                        messageId);
            }
            return engagement.record(messageId, records);
        }).orElse(0);
    }

    @Override
    public Map<String, List<FeedbackEvent>> feedback(Collection<String> messageIds) {
        Map<String, List<FeedbackEvent>> out = new HashMap<>();
        for (String id : Checks.requireNonNull(messageIds, "messageIds")) {
            withSlot(id, slot -> isRedacted(slot) ? null : engagement.events(id)).filter(l -> !l.isEmpty())
                    .ifPresent(l -> out.put(id, l));
        }
        return out;
    }

    @Override
    public List<ContactFact> suppressions() {
        return engagement.suppressions();
    }

    @Override
    public Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(addresses, "addresses");
        return engagement.suppressedAmong(channel, addresses);
    }
}
