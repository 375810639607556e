package dev.sentlog.core.store.kit.selftest;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.kit.ForwardingMessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
}
