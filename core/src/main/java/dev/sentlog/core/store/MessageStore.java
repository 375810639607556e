package dev.sentlog.core.store;

import dev.sentlog.core.message.Message;
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

    // ---------------------------------------------------------------- issue #13: Recipient Log (ST-50..ST-59)

    /**
     * The Recipient Log's read (SPEC H1): the messages matching {@code query} (created range, sender
     * when given, schools, visibility as in {@link #search}) whose recipient list holds the key (an
     * entry of the person, or a device with the address on its channel after D1 normalisation),
     * newest created first (ties: later recorded first), at most the query's limit, with the total
     * matched.
     *
     * <p>Each {@link RecipientHit} carries, in list order and with their current device outcomes, the
     * entries the key holds and every entry holding another occurrence of one of the key's addresses
     * on the same channel (D2, D3); no other entry. The answer comes from indexes of the store's own
     * on person id and on normalised address (maintained as messages are inserted), so its cost
     * follows the number of the key's messages, never the number of stored messages or devices.
     *
     * @param key   the person or address
     * @param query the range, scope, visibility instant and limit
     * @return the page
     */
    RecipientPage recipientMessages(RecipientKey key, StoreQuery query);
}
