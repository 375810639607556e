package dev.sentlog.core.store.kit.selftest;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.util.concurrent.atomic.AtomicInteger;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.store.ForwardingMessageStore;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The in-memory store with one {@link Fault}. */
final class BrokenStore extends ForwardingMessageStore {

    private final Fault fault;

    BrokenStore(Fault fault) {
        super(MessageStore.inMemory());
        this.fault = fault;
    }

    /** The messages as inserted, for {@link Fault#RECIPIENT_LOG_RECORDED_OUTCOMES}. */
    private final Map<String, Message> recorded = new ConcurrentHashMap<>();

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        recorded.putIfAbsent(message.id(), message);
        try {
            return delegate.insert(message, state);
        } catch (DuplicateMessageException e) {
            if (fault == Fault.DUPLICATE_ACCEPTED) {
                return MessageHeader.of(message, state.withVersion(0));
            }
            throw e;
        }
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        if (fault == Fault.CAS_IGNORES_VERSION) {
            Optional<MessageHeader> current = delegate.header(messageId);
            return current.isEmpty() ? Optional.empty()
                    : delegate.compareAndSet(messageId, current.get().state().version(), next);
        }
        return delegate.compareAndSet(messageId, expectedVersion, next);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        if (fault == Fault.NON_ATOMIC_CAS_WITH_DEVICES) {
            // the port's default: the state first, then the devices in a second step
            Optional<MessageHeader> replaced = delegate.compareAndSet(messageId, expectedVersion, next);
            replaced.ifPresent(h -> delegate.withDevices(messageId, t -> {
                devices.accept(t);
                return Boolean.TRUE;
            }));
            return replaced;
        }
        return delegate.compareAndSet(messageId, expectedVersion, next, devices);
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        if (fault == Fault.SUMMARY_KEEPS_FAILED_CALLBACK) {
            return delegate.withDevices(messageId, t -> {
                try {
                    return callback.apply(t);
                } catch (RuntimeException e) {
                    pinned.put(messageId, figuresOf(messageId, t));
                    throw e;
                }
            });
        }
        if (fault == Fault.UNLOCKED_DEVICES) {
            return delegate.withDevices(messageId, t -> t).map(callback);
        }
        return delegate.withDevices(messageId, callback);
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        Optional<Message> m = delegate.snapshot(messageId);
        return fault == Fault.SNAPSHOT_DROPS_FIELD ? m.map(x -> x.toBuilder().filterCriteria(List.of()).build()) : m;
    }

    @Override
    public StorePage search(StoreQuery query) {
        StorePage page = delegate.search(query);
        if (fault == Fault.UNSORTED_SEARCH) {
            List<MessageHeader> reversed = new ArrayList<>(page.newestFirst());
            Collections.reverse(reversed);
            return new StorePage(reversed, page.totalMatched());
        }
        return page;
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return fault == Fault.JOB_INDEX_MISSING ? Optional.empty() : delegate.messageOfJob(providerName, jobId);
    }

    @Override
    public List<MessageHeader> active(int limit) {
        if (fault == Fault.ACTIVE_NEWEST_FIRST) {
            List<MessageHeader> all = new ArrayList<>(delegate.active(Integer.MAX_VALUE));
            Collections.reverse(all);
            return all.subList(0, Math.min(limit, all.size()));
        }
        return delegate.active(limit);
    }

    /** Per message: the figures {@link #summary} answers instead of the store's. */
    private final Map<String, SummaryFigures> pinned = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredSummary> summary(String messageId) {
        Optional<StoredSummary> s = delegate.summary(messageId);
        if (s.isEmpty() || fault != Fault.STALE_SUMMARY && fault != Fault.SUMMARY_KEEPS_FAILED_CALLBACK) {
            return s;
        }
        if (fault == Fault.STALE_SUMMARY) {
            pinned.putIfAbsent(messageId, s.get().figures());
        }
        SummaryFigures f = pinned.get(messageId);
        return f == null ? s : Optional.of(new StoredSummary(messageId, s.get().status(), s.get().version(), f,
                s.get().summary()));
    }

    /** The analysis of the devices as a callback sees them, persons from their ids. */
    private SummaryFigures figuresOf(String messageId, DeviceTable t) {
        Map<Integer, List<Device>> byEntry = new TreeMap<>();
        Map<Integer, String> personOf = new TreeMap<>();
        for (int row = 0; row < t.size(); row++) {
            byEntry.computeIfAbsent(t.entryIndex(row), e -> new ArrayList<>()).add(new Device(t.channel(row),
                    t.address(row), t.outcome(row), t.confirmed(row), t.reachedAt(row)));
            personOf.put(t.entryIndex(row), t.personId(row));
        }
        List<RecipientEntry> entries = new ArrayList<>();
        byEntry.forEach((e, devices) -> entries.add(RecipientEntry.of(Person.of(personOf.get(e), "P, P"), null,
                devices)));
        return SummaryFigures.of(DeliveryAnalysis.of(entries, delegate.header(messageId).orElseThrow()
                .deliveryModes(), delegate.summaryClassifier()));
    }

    @Override
    public List<AddressHistory> failingAddresses(int minStreak) {
        if (fault == Fault.LEDGER_FORGETS) {
            return List.of();
        }
        return delegate.failingAddresses(fault == Fault.STREAK_IGNORED ? 1 : minStreak);
    }

    @Override
    public List<AddressHistory> doNotContactAddresses() {
        return fault == Fault.LEDGER_FORGETS ? List.of() : delegate.doNotContactAddresses();
    }

    @Override
    public Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        return fault == Fault.DO_NOT_CONTACT_AMONG_NOBODY ? Set.of() : delegate.doNotContactAmong(channel, addresses);
    }

    @Override
    public boolean claimResend(String originalId, String resendId, int maxResends) {
        return delegate.claimResend(originalId, resendId, fault == Fault.RESEND_UNLIMITED ? Integer.MAX_VALUE
                : maxResends);
    }

    @Override
    public void releaseResend(String originalId, String resendId) {
        if (fault != Fault.RESEND_NEVER_RELEASED) {
            delegate.releaseResend(originalId, resendId);
        }
    }

    @Override
    public boolean markForPurge(String messageId) {
        if (fault == Fault.PURGE_MARK_IGNORED) {
            return delegate.header(messageId).isPresent();
        }
        if (fault == Fault.PURGE_IGNORES_HOLD && delegate.holds(messageId).stream().anyMatch(LegalHold::isInForce)) {
            delegate.liftHold(messageId, Person.of("fault", "Fault, Store"), Instant.MAX, "the fault");
        }
        return delegate.markForPurge(messageId);
    }

    @Override
    public List<String> purgeCandidates(Instant createdBefore, int limit) {
        if (fault == Fault.CANDIDATES_IGNORE_HOLD) {
            List<String> all = new ArrayList<>();
            for (MessageHeader h : delegate.search(new StoreQuery(Instant.MIN, createdBefore, null, Set.of(),
                    Instant.MAX, Integer.MAX_VALUE)).newestFirst()) {
                if (h.state().status().isFinal()) {
                    all.add(0, h.id());
                }
            }
            return all.subList(0, Math.min(limit, all.size()));
        }
        return delegate.purgeCandidates(createdBefore, limit);
    }

    @Override
    public Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures) {
        if (fault == Fault.REDACTION_NOT_STORED) {
            return delegate.snapshot(messageId).map(figures);
        }
        return delegate.redact(messageId, figures);
    }

    @Override
    public List<LegalHold> holds(String messageId) {
        List<LegalHold> holds = delegate.holds(messageId);
        return fault == Fault.HOLD_HISTORY_LOST ? holds.stream().filter(LegalHold::isInForce).toList() : holds;
    }

    @Override
    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        if (fault == Fault.BEGIN_REPLACES_LEASE) {
            delegate.handOver(messageId).ifPresent(l -> delegate.endHandOver(messageId, l.version()));
        }
        return delegate.beginHandOver(messageId, expectedVersion, next, owner, leaseUntil, deliverable, batches);
    }

    @Override
    public Optional<HandOverLease> handOver(String messageId) {
        Optional<HandOverLease> lease = delegate.handOver(messageId);
        return fault == Fault.LEASE_DROPS_BATCHES
                ? lease.map(l -> new HandOverLease(l.messageId(), l.owner(), l.leaseUntil(), l.version(),
                        l.deliverable(), List.of()))
                : lease;
    }

    @Override
    public Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner,
                                                 Instant leaseUntil) {
        return delegate.renewHandOver(messageId, version(messageId, expectedVersion), owner, leaseUntil);
    }

    @Override
    public Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner,
                                                    Instant now, Instant leaseUntil) {
        Instant asOf = fault == Fault.TAKE_OVER_BEFORE_EXPIRY ? Instant.MAX : now;
        return delegate.takeOverHandOver(messageId, version(messageId, expectedVersion), owner, asOf, leaseUntil);
    }

    @Override
    public boolean endHandOver(String messageId, long expectedVersion) {
        return delegate.endHandOver(messageId, version(messageId, expectedVersion));
    }

    /** The caller's lease version, or the stored one when the fault ignores versions. */
    private long version(String messageId, long expected) {
        return fault == Fault.LEASE_IGNORES_VERSION
                ? delegate.handOver(messageId).map(HandOverLease::version).orElse(expected) : expected;
    }

    @Override
    public List<HandOverLease> expiredHandOvers(Instant now, int limit) {
        return delegate.expiredHandOvers(fault == Fault.EXPIRED_INCLUDES_LIVE ? Instant.MAX : now, limit);
    }

    @Override
    public RecipientPage recipientMessages(RecipientKey key, StoreQuery query) {
        switch (fault) {
            case RECIPIENT_LOG_OLDEST_FIRST -> {
                RecipientPage page = delegate.recipientMessages(key, query);
                List<RecipientHit> reversed = new ArrayList<>(page.newestFirst());
                Collections.reverse(reversed);
                return new RecipientPage(reversed, page.totalMatched());
            }
            case RECIPIENT_LOG_CHANNEL_IGNORED -> {
                if (key instanceof RecipientKey.ByAddress a && a.channel() == Channel.VOICE) {
                    return delegate.recipientMessages(new RecipientKey.ByAddress(Channel.TEXT, a.normalised()), query);
                }
                return delegate.recipientMessages(key, query);
            }
            case RECIPIENT_LOG_OWN_ENTRIES_ONLY -> {
                RecipientPage page = delegate.recipientMessages(key, query);
                return new RecipientPage(page.newestFirst().stream().map(h -> new RecipientHit(h.header(),
                        h.entries().stream().filter(e -> key.holds(e.entry())).toList())).toList(),
                        page.totalMatched());
            }
            case RECIPIENT_LOG_RECORDED_OUTCOMES -> {
                RecipientPage page = delegate.recipientMessages(key, query);
                return new RecipientPage(page.newestFirst().stream().map(h -> new RecipientHit(h.header(),
                        h.entries().stream().map(e -> new RecipientHit.IndexedEntry(e.index(),
                                recorded.get(h.header().id()).recipients().get(e.index()))).toList())).toList(),
                        page.totalMatched());
            }
            default -> {
                return delegate.recipientMessages(key, query);
            }
        }
    }

    /** What the store answered after each record, for {@link Fault#FEEDBACK_OUTLIVES_RETENTION}. */
    private final Map<String, List<FeedbackEvent>> keptFeedback = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();

    @Override
    public int recordFeedback(String messageId, List<FeedbackRecord> feedback) {
        List<FeedbackRecord> records = feedback;
        if (fault == Fault.FEEDBACK_REPEATED) {
            // a fresh event id per call: a repeat is recorded again
            String suffix = "#" + repeats.incrementAndGet();
            records = feedback.stream().map(r -> new FeedbackRecord(new FeedbackEvent(r.event().entry(),
                    r.event().device(), r.event().kind(), r.event().eventId() + suffix, r.event().at()), r.row(),
                    r.channel(), r.address(), r.personId(), r.outcome(), r.school())).toList();
        }
        int added = delegate.recordFeedback(messageId, records);
        if (fault == Fault.FEEDBACK_CHANGES_OUTCOME && added > 0) {
            delegate.withDevices(messageId, t -> {
                for (FeedbackRecord r : feedback) {
                    t.set(r.row(), DeviceOutcome.of(DeviceStatus.FAILED), false, r.event().at(), 99, true);
                }
                return Boolean.TRUE;
            });
        }
        List<FeedbackEvent> now = delegate.feedback(List.of(messageId)).get(messageId);
        if (now != null) {
            keptFeedback.put(messageId, now);
        }
        return added;
    }

    @Override
    public Map<String, List<FeedbackEvent>> feedback(Collection<String> messageIds) {
        if (fault != Fault.FEEDBACK_OUTLIVES_RETENTION) {
            return delegate.feedback(messageIds);
        }
        Map<String, List<FeedbackEvent>> out = new TreeMap<>();
        for (String id : messageIds) {
            List<FeedbackEvent> kept = keptFeedback.get(id);
            if (kept != null) {
                out.put(id, kept);
            }
        }
        return out;
    }

    @Override
    public Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        return fault == Fault.FEEDBACK_NEVER_SUPPRESSES ? Set.of() : delegate.suppressedAmong(channel, addresses);
    }
}
