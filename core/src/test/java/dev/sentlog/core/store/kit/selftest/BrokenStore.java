package dev.sentlog.core.store.kit.selftest;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.kit.ForwardingMessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The in-memory store with one {@link Fault}. */
final class BrokenStore extends ForwardingMessageStore {

    private final Fault fault;

    BrokenStore(Fault fault) {
        super(MessageStore.inMemory());
        this.fault = fault;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
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
}
