package dev.sentlog.core.store.kit.selftest;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.kit.ForwardingMessageStore;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}
