package dev.sentlog.core.live;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** The log's store, telling its {@link SubscriptionHub} after each call that may have changed a message. */
final class WatchedStore implements MessageStore {

    private final MessageStore store;
    private final SubscriptionHub hub;

    WatchedStore(MessageStore store, SubscriptionHub hub) {
        this.store = store;
        this.hub = hub;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        MessageHeader h = store.insert(message, state);
        hub.changed(h.id());
        return h;
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        return store.header(messageId);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        return changedWhenPresent(messageId, store.compareAndSet(messageId, expectedVersion, next));
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        return changedWhenPresent(messageId, store.compareAndSet(messageId, expectedVersion, next, devices));
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        Optional<R> result = store.withDevices(messageId, callback);
        hub.changed(messageId);
        return result;
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        return store.snapshot(messageId);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return store.search(query);
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return store.messageOfJob(providerName, jobId);
    }

    @Override
    public List<MessageHeader> active(int limit) {
        return store.active(limit);
    }

    @Override
    public Optional<StoredSummary> summary(String messageId) {
        return store.summary(messageId);
    }

    @Override
    public OutcomeClassifier summaryClassifier() {
        return store.summaryClassifier();
    }

    // issue #13: contacts to fix (H3) and resend links (Y2) change no message's status or summary

    @Override
    public List<AddressHistory> failingAddresses(int minStreak) {
        return store.failingAddresses(minStreak);
    }

    @Override
    public List<AddressHistory> doNotContactAddresses() {
        return store.doNotContactAddresses();
    }

    @Override
    public Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        return store.doNotContactAmong(channel, addresses);
    }

    @Override
    public boolean claimResend(String originalId, String resendId, int maxResends) {
        return store.claimResend(originalId, resendId, maxResends);
    }

    @Override
    public void releaseResend(String originalId, String resendId) {
        store.releaseResend(originalId, resendId);
    }

    @Override
    public List<String> resendsOf(String originalId) {
        return store.resendsOf(originalId);
    }

    @Override
    public Optional<String> originalOf(String resendId) {
        return store.originalOf(resendId);
    }

    // issue #14: retention; a purge or a redaction ends no subscription by itself (a purged message's
    // subscribers keep their last event; a redaction keeps the status and the figures)

    @Override
    public List<String> purgeCandidates(Instant createdBefore, int limit) {
        return store.purgeCandidates(createdBefore, limit);
    }

    @Override
    public List<String> redactionCandidates(Instant createdBefore, int limit) {
        return store.redactionCandidates(createdBefore, limit);
    }

    @Override
    public boolean markForPurge(String messageId) {
        return store.markForPurge(messageId);
    }

    @Override
    public int eraseBatch(String messageId, int maxRows) {
        return store.eraseBatch(messageId, maxRows);
    }

    @Override
    public Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures) {
        return store.redact(messageId, figures);
    }

    @Override
    public Optional<LegalHold> placeHold(String messageId, LegalHold hold) {
        return store.placeHold(messageId, hold);
    }

    @Override
    public Optional<LegalHold> liftHold(String messageId, Person by, Instant at, String reason) {
        return store.liftHold(messageId, by, at, reason);
    }

    @Override
    public List<LegalHold> holds(String messageId) {
        return store.holds(messageId);
    }

    // issue #12: hand-over leases; beginning one changes the message's state, the rest only the lease

    @Override
    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        return changedWhenPresent(messageId, store.beginHandOver(messageId, expectedVersion, next, owner,
                leaseUntil, deliverable, batches));
    }

    @Override
    public Optional<HandOverLease> handOver(String messageId) {
        return store.handOver(messageId);
    }

    @Override
    public Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner,
                                                 Instant leaseUntil) {
        return store.renewHandOver(messageId, expectedVersion, owner, leaseUntil);
    }

    @Override
    public Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner, Instant now,
                                                    Instant leaseUntil) {
        return store.takeOverHandOver(messageId, expectedVersion, owner, now, leaseUntil);
    }

    @Override
    public boolean endHandOver(String messageId, long expectedVersion) {
        return store.endHandOver(messageId, expectedVersion);
    }

    @Override
    public List<HandOverLease> expiredHandOvers(Instant now, int limit) {
        return store.expiredHandOvers(now, limit);
    }

    // issue #13: the Recipient Log's read changes nothing

    @Override
    public RecipientPage recipientMessages(RecipientKey key, StoreQuery query) {
        return store.recipientMessages(key, query);
    }

    /** Tells the hub the message changed when the store's answer says it did (a replaced state). */
    private <T> Optional<T> changedWhenPresent(String messageId, Optional<T> answer) {
        if (answer.isPresent()) {
            hub.changed(messageId);
        }
        return answer;
    }
}
