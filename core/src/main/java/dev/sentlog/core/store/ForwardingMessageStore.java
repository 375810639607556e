package dev.sentlog.core.store;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.spi.OutcomeClassifier;
import dev.sentlog.spi.Channel;
import java.util.Collection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store that passes every call to another one: the base of a decorator that changes or watches a
 * few calls and leaves the rest alone (the log's own change watcher for subscriptions, a host's
 * metrics or tracing wrapper, the broken stores of the compatibility kit's self-test).
 *
 * <p>Extend it and override only the calls you need; every other call reaches the delegate
 * unchanged, so a decorator keeps compiling and keeps forwarding when the port gains a method.
 * It is as thread-safe as its delegate and the overrides a subclass adds.
 */
public abstract class ForwardingMessageStore implements MessageStore {

    /** The store every call goes to. */
    protected final MessageStore delegate;

    /**
     * Wraps a store.
     *
     * @param delegate the store every call goes to
     */
    protected ForwardingMessageStore(MessageStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        return delegate.insert(message, state);
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        return delegate.header(messageId);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        return delegate.compareAndSet(messageId, expectedVersion, next);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        return delegate.compareAndSet(messageId, expectedVersion, next, devices);
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        return delegate.withDevices(messageId, callback);
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        return delegate.snapshot(messageId);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return delegate.search(query);
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return delegate.messageOfJob(providerName, jobId);
    }

    @Override
    public List<MessageHeader> active(int limit) {
        return delegate.active(limit);
    }

    @Override
    public Optional<StoredSummary> summary(String messageId) {
        return delegate.summary(messageId);
    }

    @Override
    public OutcomeClassifier summaryClassifier() {
        return delegate.summaryClassifier();
    }

    @Override
    public List<AddressHistory> failingAddresses(int minStreak) {
        return delegate.failingAddresses(minStreak);
    }

    @Override
    public List<AddressHistory> doNotContactAddresses() {
        return delegate.doNotContactAddresses();
    }

    @Override
    public Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        return delegate.doNotContactAmong(channel, addresses);
    }

    @Override
    public boolean claimResend(String originalId, String resendId, int maxResends) {
        return delegate.claimResend(originalId, resendId, maxResends);
    }

    @Override
    public void releaseResend(String originalId, String resendId) {
        delegate.releaseResend(originalId, resendId);
    }

    @Override
    public List<String> resendsOf(String originalId) {
        return delegate.resendsOf(originalId);
    }

    @Override
    public Optional<String> originalOf(String resendId) {
        return delegate.originalOf(resendId);
    }

    // ---- retention (SPEC X1-X3; issue #14) ----

    @Override
    public List<String> purgeCandidates(Instant createdBefore, int limit) {
        return delegate.purgeCandidates(createdBefore, limit);
    }

    @Override
    public List<String> redactionCandidates(Instant createdBefore, int limit) {
        return delegate.redactionCandidates(createdBefore, limit);
    }

    @Override
    public boolean markForPurge(String messageId) {
        return delegate.markForPurge(messageId);
    }

    @Override
    public int eraseBatch(String messageId, int maxRows) {
        return delegate.eraseBatch(messageId, maxRows);
    }

    @Override
    public Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures) {
        return delegate.redact(messageId, figures);
    }

    @Override
    public Optional<LegalHold> placeHold(String messageId, LegalHold hold) {
        return delegate.placeHold(messageId, hold);
    }

    @Override
    public Optional<LegalHold> liftHold(String messageId, Person by, Instant at, String reason) {
        return delegate.liftHold(messageId, by, at, reason);
    }

    @Override
    public List<LegalHold> holds(String messageId) {
        return delegate.holds(messageId);
    }

    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        return delegate.beginHandOver(messageId, expectedVersion, next, owner, leaseUntil, deliverable, batches);
    }

    @Override
    public Optional<HandOverLease> handOver(String messageId) {
        return delegate.handOver(messageId);
    }

    @Override
    public Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner,
                                                 Instant leaseUntil) {
        return delegate.renewHandOver(messageId, expectedVersion, owner, leaseUntil);
    }

    @Override
    public Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner,
                                                    Instant now, Instant leaseUntil) {
        return delegate.takeOverHandOver(messageId, expectedVersion, owner, now, leaseUntil);
    }

    @Override
    public boolean endHandOver(String messageId, long expectedVersion) {
        return delegate.endHandOver(messageId, expectedVersion);
    }

    @Override
    public List<HandOverLease> expiredHandOvers(Instant now, int limit) {
        return delegate.expiredHandOvers(now, limit);
    }

    public RecipientPage recipientMessages(RecipientKey key, StoreQuery query) {
        return delegate.recipientMessages(key, query);
    }

    @Override
    public int recordFeedback(String messageId, List<FeedbackRecord> feedback) {
        return delegate.recordFeedback(messageId, feedback);
    }

    @Override
    public Map<String, List<FeedbackEvent>> feedback(Collection<String> messageIds) {
        return delegate.feedback(messageIds);
    }

    @Override
    public List<ContactFact> suppressions() {
        return delegate.suppressions();
    }

    @Override
    public Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        return delegate.suppressedAmong(channel, addresses);
    }
}
