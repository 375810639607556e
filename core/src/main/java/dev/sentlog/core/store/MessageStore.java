package dev.sentlog.core.store;

import dev.sentlog.core.message.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the Sent Message Log keeps its messages. The log is the only caller; a host chooses the
 * store (the {@linkplain #inMemory() in-memory store} by default, a database-backed one of its
 * own otherwise).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety.</b> Every method may be called from several threads at once.</li>
 *   <li><b>Insert.</b> {@link #insert} stores a message once; its devices start as recorded, not
 *       submitted and not final.</li>
 *   <li><b>State.</b> {@link #compareAndSet} replaces a message's {@link MessageState} only when its
 *       version is the expected one, and then stores it with version {@code expected + 1}. A
 *       relational store implements it as {@code UPDATE ... WHERE id = ? AND version = ?}.</li>
 *   <li><b>Devices.</b> {@link #withDevices} runs a callback with the message's devices under the
 *       message's lock (a transaction with row locks in a database); changes made in the callback
 *       are visible to the next caller, and callbacks of one message never run at the same time.
 *       An exception thrown by the callback propagates to the caller and undoes every change the
 *       callback made (a database store rolls its transaction back; SPEC N1).</li>
 *   <li><b>Durability (SPEC N1, N4).</b> Once a call returned, its change is kept; a call that throws
 *       changed nothing. A store that cannot do a call (lost connection, timeout, a conflict its
 *       retries cannot settle) throws {@link StoreUnavailableException}.</li>
 *   <li><b>Search.</b> {@link #search} answers newest first with a limit and the total number of
 *       matches, from an index on created time; it must not need to read every message.</li>
 *   <li><b>Hand-over leases (SPEC N2, N3).</b> {@link #beginHandOver} stores a message's claim and
 *       the batches a hand-over is about to submit, with a lease (owner node, lease end, version),
 *       in one step; the owner renews the lease before each batch ({@link #renewHandOver}); once
 *       the lease end has passed any log instance may {@link #takeOverHandOver take it over} and
 *       resume it; {@link #endHandOver} removes it. Every change names the lease version it read,
 *       so of two racing callers one wins. The lease end is the caller's clock: the store never
 *       reads its own.</li>
 *   <li>Messages are never removed; ids are compared exactly.</li>
 * </ul>
 */
public interface MessageStore {

    /**
     * The embedded default: a thread-safe in-memory store with a created-time index.
     *
     * @return a new empty store
     */
    static MessageStore inMemory() {
        return new InMemoryMessageStore();
    }

    /**
     * Stores a new message.
     *
     * @param message the message as recorded (its recipient list fixes the device rows)
     * @param state   its initial state
     * @return the stored header
     * @throws DuplicateMessageException when the id is already stored
     */
    MessageHeader insert(Message message, MessageState state);

    /**
     * The header of a message.
     *
     * @param messageId the id
     * @return the header, or empty when no such message is stored
     */
    Optional<MessageHeader> header(String messageId);

    /**
     * Replaces a message's state when its version is the expected one.
     *
     * @param messageId       the id
     * @param expectedVersion the version the caller read
     * @param next            the new state (its version is ignored)
     * @return the new header when replaced; empty when the version moved on or the id is unknown
     */
    Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next);

    /**
     * Replaces a message's state when its version is the expected one and, only then, changes its
     * devices, as one step: a {@link #snapshot} shows both changes or neither. A relational store
     * runs both in one transaction. The default runs {@link #compareAndSet} and then
     * {@link #withDevices}, so a snapshot in between may show the new state with the old devices;
     * a store that can do better overrides it.
     *
     * @param messageId       the id
     * @param expectedVersion the version the caller read
     * @param next            the new state (its version is ignored)
     * @param devices         changes the devices; must not call the store again
     * @return the new header when replaced; empty when the version moved on or the id is unknown
     */
    default Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                  Consumer<DeviceTable> devices) {
        Optional<MessageHeader> replaced = compareAndSet(messageId, expectedVersion, next);
        if (replaced.isPresent()) {
            withDevices(messageId, t -> {
                devices.accept(t);
                return Boolean.TRUE;
            });
        }
        return replaced;
    }

    /**
     * Runs a callback with the devices of one message under that message's lock.
     *
     * @param messageId the id
     * @param callback  reads or changes the table; must not call the store again
     * @param <R>       the callback's result
     * @return the callback's result, or empty when the id is unknown or the callback returned null
     */
    <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback);

    /**
     * The message as it is now: the recorded content with the current state and device outcomes.
     *
     * @param messageId the id
     * @return the snapshot, or empty when unknown
     */
    Optional<Message> snapshot(String messageId);

    /**
     * Searches by created-time range, newest first.
     *
     * @param query the query
     * @return the page
     */
    StorePage search(StoreQuery query);

    /**
     * The message a provider job belongs to.
     *
     * @param providerName the provider
     * @param jobId        the job id
     * @return the message id, or empty when no stored state holds that job
     */
    Optional<String> messageOfJob(String providerName, String jobId);

    /**
     * Messages whose status is not final (Waiting, In-Progress, Error), oldest created first.
     *
     * @param limit at most this many
     * @return their headers
     */
    List<MessageHeader> active(int limit);

    // ---- issue #12: hand-over leases and their planned batches (SPEC N2, N3) ----

    /**
     * Claims a message for a hand-over and stores what it is about to submit, as one step: replaces
     * the message's state when its version is the expected one and no hand-over of the message is
     * stored, and then stores a lease with version 1 holding the planned batches. Either both are
     * stored or neither; two callers racing on the same version get one lease between them. A
     * relational store runs the state update and the lease insert in one transaction.
     *
     * @param messageId       the id
     * @param expectedVersion the state version the caller read
     * @param next            the claimed state (its version is ignored)
     * @param owner           the claiming node's id
     * @param leaseUntil      when the lease runs out unless renewed
     * @param deliverable     the deliverable device count (see {@link HandOverLease#deliverable()})
     * @param batches         the batches, in submission order, each of this message
     * @return the stored lease; empty when the version moved on, the id is unknown or a hand-over of
     *         the message is stored already
     */
    Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next, String owner,
                                          Instant leaseUntil, int deliverable, List<PlannedBatch> batches);

    /**
     * The stored hand-over of a message, whether its lease still holds or not.
     *
     * @param messageId the id
     * @return the lease with its batches; empty when no hand-over of the message is stored
     */
    Optional<HandOverLease> handOver(String messageId);

    /**
     * Renews a lease (the owner's heartbeat): when the stored lease has the expected version and
     * owner, stores the new lease end with the next version.
     *
     * @param messageId       the id
     * @param expectedVersion the lease version the owner holds
     * @param owner           the owner's node id
     * @param leaseUntil      the new lease end
     * @return the renewed lease; empty when the lease was taken over, ended, or never stored
     */
    Optional<HandOverLease> renewHandOver(String messageId, long expectedVersion, String owner, Instant leaseUntil);

    /**
     * Takes over a hand-over whose lease ran out: when the stored lease has the expected version and
     * its lease end is at or before {@code now}, stores the new owner and lease end with the next
     * version. Of several callers taking over the same version, one wins.
     *
     * @param messageId       the id
     * @param expectedVersion the lease version the caller read
     * @param owner           the new owner's node id
     * @param now             the caller's current time
     * @param leaseUntil      the new lease end
     * @return the lease now held by the caller; empty when the lease still holds at {@code now}, the
     *         version moved on, or no hand-over of the message is stored
     */
    Optional<HandOverLease> takeOverHandOver(String messageId, long expectedVersion, String owner, Instant now,
                                             Instant leaseUntil);

    /**
     * Ends a hand-over: removes the lease and its batches when the stored lease has the expected
     * version.
     *
     * @param messageId       the id
     * @param expectedVersion the lease version the owner holds
     * @return whether it was removed
     */
    boolean endHandOver(String messageId, long expectedVersion);

    /**
     * Hand-overs whose lease ran out at or before {@code now} (their owner crashed or stalled),
     * earliest lease end first, ties by message id; answered from an index on the lease end.
     *
     * @param now   the caller's current time
     * @param limit at most this many, at least 1
     * @return the leases with their batches
     */
    List<HandOverLease> expiredHandOvers(Instant now, int limit);
}
