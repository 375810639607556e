package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        final Message recorded;
        final long createdKey;
        final AtomicReference<MessageHeader> header;
        private InMemoryDeviceTable devices;

        Slot(int number, Message recorded, MessageHeader header) {
            this.number = number;
            this.recorded = recorded;
            this.createdKey = TimeIndex.key(recorded.createdAt());
            this.header = new AtomicReference<>(header);
        }

        InMemoryDeviceTable devices() {
            if (devices == null) {
                devices = new InMemoryDeviceTable(recorded);
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

    private final Map<String, Slot> byId = new ConcurrentHashMap<>();
    private final Map<JobKey, String> jobs = new ConcurrentHashMap<>();
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();
    private final List<Slot> slots = new ArrayList<>();
    private final TimeIndex all = new TimeIndex();
    private final Map<String, TimeIndex> bySender = new ConcurrentHashMap<>();
    private final Map<String, TimeIndex> bySchool = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<ScheduledKey, Slot> schedulerMessages = new ConcurrentSkipListMap<>();
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
            if (byId.containsKey(message.id())) {
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
            InMemoryDeviceTable table = slot.devices();
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
                table.endCallback();
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
            InMemoryDeviceTable table = slot.devices();
            table.beginCallback();
            R result;
            try {
                result = callback.apply(table);
            } catch (RuntimeException | Error e) {
                table.rollbackCallback();
                throw e;
            }
            table.endCallback();
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
            MessageState state = slot.header.get().state();
            Message.Builder b = slot.recorded.toBuilder()
                    .status(state.status())
                    .startedAt(state.startedAt().orElse(null))
                    .endedAt(state.endedAt().orElse(null))
                    .cancellation(state.cancellation().orElse(null));
            if (slot.devices != null) {
                b.recipients(slot.devices.recipients(slot.recorded.recipients()));
            }
            return Optional.of(b.build());
        }
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
}
