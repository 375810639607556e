package dev.sentlog.core.store;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.core.message.Message;
import dev.sentlog.spi.OutcomeClassifier;
import dev.sentlog.spi.Channel;
import java.util.Collection;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.retention.LegalHold;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *   <li><b>Maintained summary (SPEC E3).</b> {@link #summary} answers the Delivery Summary figures
 *       kept current in the same unit of work that changes the devices ({@link #withDevices}, the
 *       four-argument {@link #compareAndSet}): equal, after every such call, to
 *       {@link dev.sentlog.core.totals.DeliveryAnalysis} of the snapshot's devices under
 *       {@link #summaryClassifier()}; unchanged by a callback that throws; read without reading the
 *       devices.</li>
 *   <li><b>Retention (SPEC X1-X3).</b> Messages are removed only by a purge: {@link #markForPurge}
 *       hides a final message not under hold in one short step (from then on every method answers as
 *       for an unknown id, and a search neither returns nor counts it), then {@link #eraseBatch} removes
 *       its rows a bounded batch at a time, the message row last. A redaction ({@link #redact}) keeps
 *       the header, state and figures and erases personal data, its recipient rows also by
 *       {@link #eraseBatch}. Each store keeps ONE list of what is stored for a message, which both
 *       read.</li>
 *   <li>Ids are compared exactly.</li>
 *   <li><b>Contact ledger (SPEC H3).</b> Facts noted with {@link DeviceTable#noteContact} are kept per
 *       address in the same unit of work as the device change; each address's standing (its
 *       permanent-failure streak and its "do not contact" mark, {@link
 *       dev.sentlog.core.contacts.AddressStanding}) is kept with it, so listing the failing addresses
 *       never reads every device.</li>
 *   <li><b>Resend links (SPEC Y2).</b> A claim links a resend to its original atomically, at most
 *       the given number of resends per original, also between app nodes.</li>
 * </ul>
 */
public interface MessageStore {

    /**
     * The embedded default: a thread-safe in-memory store with a created-time index.
     *
     * @return a new empty store
     */
    static MessageStore inMemory() {
        return inMemory(OutcomeClassifier.standard());
    }

    /**
     * An in-memory store whose maintained Delivery Summaries (SPEC E3) follow a host's classification.
     *
     * @param classifier the classification the summaries count under
     * @return a new empty store
     * @throws NullPointerException when the classifier is null
     */
    static MessageStore inMemory(OutcomeClassifier classifier) {
        return new InMemoryMessageStore(classifier);
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

    // ---------------------------------------------------------------- issue #16: the maintained summary (E3)

    /**
     * The message's Delivery Summary as maintained by the store (SPEC E3), with its state of the same
     * moment. Its figures equal {@link dev.sentlog.core.totals.SummaryFigures#of
     * DeliveryAnalysis} of the current devices under {@link #summaryClassifier()}; the store reads
     * no device to answer it, so it costs the same for 10 devices as for 1,000,000.
     *
     * @param messageId the id
     * @return the summary, or empty when unknown
     */
    Optional<StoredSummary> summary(String messageId);

    /**
     * The classification the store counts its maintained summaries under (SPEC K3-K6). The log uses
     * {@link #summary} only when its own classifier is this one, and analyses the devices otherwise.
     *
     * @return the classifier; the standard one unless the store was made with another
     */
    default OutcomeClassifier summaryClassifier() {
        return OutcomeClassifier.standard();
    }
    // ---------------------------------------------------------------- issue #13: contacts to fix (H3), resend (Y2)

    /**
     * The addresses whose standing has a permanent-failure streak of at least {@code minStreak}
     * (SPEC H3), each with every fact the ledger holds for it, sorted by channel and address. Answers
     * from an index of the failing addresses: the cost does not grow with the number of devices.
     *
     * @param minStreak at least 1
     * @return their histories
     * @throws IllegalArgumentException when minStreak is below 1
     */
    List<AddressHistory> failingAddresses(int minStreak);

    /**
     * The addresses marked "do not contact" (SPEC H3), each with every fact the ledger holds for it,
     * sorted by channel and address.
     *
     * @return their histories
     */
    List<AddressHistory> doNotContactAddresses();

    /**
     * Which of the given addresses are marked "do not contact" (SPEC H3, Y1).
     *
     * @param channel   the channel
     * @param addresses addresses normalised as in D1
     * @return those marked, a subset of {@code addresses}
     */
    Set<String> doNotContactAmong(Channel channel, Collection<String> addresses);

    /**
     * Links a resend to its original when the original has fewer than {@code maxResends} resends
     * (SPEC Y2), atomically: of concurrent claims beyond the limit exactly the excess fail.
     *
     * @param originalId the original message
     * @param resendId   the resend's message id (not yet recorded)
     * @param maxResends at least 1
     * @return true when linked; false when the original already has {@code maxResends} resends
     * @throws IllegalArgumentException when maxResends is below 1 or the resend id is already linked
     */
    boolean claimResend(String originalId, String resendId, int maxResends);

    /**
     * Removes a resend link whose message could not be recorded.
     *
     * @param originalId the original message
     * @param resendId   the resend
     */
    void releaseResend(String originalId, String resendId);

    /**
     * The resends of a message, in the order they were claimed (SPEC Y2).
     *
     * @param originalId the original message
     * @return the resend ids; empty when none
     */
    List<String> resendsOf(String originalId);

    /**
     * The original a resend was made from (SPEC Y2).
     *
     * @param resendId the resend
     * @return the original's id, or empty when the message is not a resend
     */
    Optional<String> originalOf(String resendId);

    // ---- retention (SPEC X1-X3; issue #14) ----

    /**
     * Messages a purge may take on (SPEC X1): those already marked for purging whose rows are not all
     * removed (an interrupted purge), then those created before the cut-off, in a final status and
     * without a legal hold in force (X3), oldest created first.
     *
     * @param createdBefore the cut-off (exclusive)
     * @param limit         at most this many
     * @return their ids
     */
    List<String> purgeCandidates(Instant createdBefore, int limit);

    /**
     * Messages a redaction may take on (SPEC X2): those redacted whose recipient rows are not all
     * erased yet (an interrupted redaction), then those created before the cut-off, in a final status,
     * not redacted yet, not marked for purging and without a legal hold in force (X3), oldest created
     * first.
     *
     * @param createdBefore the cut-off (exclusive)
     * @param limit         at most this many
     * @return their ids
     */
    List<String> redactionCandidates(Instant createdBefore, int limit);

    /**
     * Marks a message for purging (SPEC X1), in one short step under the message's lock: only a message
     * in a final status without a legal hold in force. From then on {@link #header}, {@link #snapshot},
     * {@link #withDevices}, {@link #compareAndSet}, {@link #messageOfJob}, {@link #active}, the hold
     * methods and {@link #search} (page and count) answer as if it were not stored, so no view shows it
     * half-purged. Marking a marked message again answers true.
     *
     * @param messageId the id
     * @return true when the message is (now) marked; false when unknown, not final or held
     */
    boolean markForPurge(String messageId);

    /**
     * Removes at most {@code maxRows} stored rows of a message marked for purging, or of the erased
     * personal data of a redacted message (its recipient and device rows), in one short transaction
     * of its own. A marked message's own row goes last, once nothing else is stored for it; then the id
     * is free again. Called again after an interruption, it goes on where the last committed batch
     * ended. A store that holds a message as one object (the in-memory store) may remove it in one
     * call.
     *
     * @param messageId the id
     * @param maxRows   the batch size, at least 1
     * @return the rows removed; 0 when nothing is left to remove (or the message is neither marked nor
     *         redacted)
     */
    int eraseBatch(String messageId, int maxRows);

    /**
     * Redacts a message (SPEC X2) under its lock: when it is in a final status, not redacted, not
     * marked for purging and without a legal hold in force, computes its figures from its current
     * snapshot, stores them and erases its texts (body, text message), files and filter criteria. From
     * then on {@link #snapshot} answers the message with that {@link Redaction},
     * no recipients, blank texts and no files or filter criteria, and {@link #withDevices} a table of no
     * rows, even while {@link #eraseBatch} is still removing the recipient rows. The header and state
     * stay.
     *
     * @param messageId the id
     * @param figures   computes what to keep from the snapshot; must not call the store
     * @return the stored redaction; empty when refused (unknown, not final, redacted, marked or held)
     */
    Optional<Redaction> redact(String messageId, Function<Message, Redaction> figures);

    /**
     * Places a legal hold on a message (SPEC X3), unless one is in force: then that one stays.
     *
     * @param messageId the id
     * @param hold      the hold to place (in force)
     * @return the hold in force afterwards; empty when the message is unknown (or marked for purging)
     */
    Optional<LegalHold> placeHold(String messageId, LegalHold hold);

    /**
     * Lifts the legal hold in force on a message (SPEC X3); the lifted hold stays readable.
     *
     * @param messageId the id
     * @param by        who lifts it
     * @param at        when
     * @param reason    why
     * @return the lifted hold; empty when the message is unknown or has no hold in force
     */
    Optional<LegalHold> liftHold(String messageId, Person by, Instant at, String reason);

    /**
     * Every legal hold ever placed on a message, oldest first, lifted ones included (SPEC X3).
     *
     * @param messageId the id
     * @return the holds; empty when none or the message is unknown
     */
    List<LegalHold> holds(String messageId);

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

    // ---------------------------------------------------------------- issue #13 (today): engagement (H5, ST-80..ST-89)

    /**
     * Records recipients' feedback on a message's devices (SPEC H5), each event once: an event whose
     * (entry, device, kind, event id) the message already holds is skipped, so the same feedback twice changes
     * nothing. Feedback changes no device, status or summary (R2). An unsubscribe or a complaint also
     * marks its address "do not contact" ({@link #suppressions}, {@link #suppressedAmong}; H3).
     * A message that is unknown, marked for purge or redacted records nothing.
     *
     * @param messageId the message
     * @param feedback  the events with their devices' facts
     * @return how many events were new
     * @throws IllegalArgumentException when a feedback names a device (entry, device or row) the message
     *                                  does not hold
     */
    int recordFeedback(String messageId, List<FeedbackRecord> feedback);

    /**
     * The feedback recorded on messages' devices (SPEC H5), for each message in
     * {@link FeedbackEvent#ORDER}, in one read (the Recipient Log asks for all its rows' messages).
     *
     * @param messageIds the messages
     * @return per message with feedback its events; a message without feedback, unknown, marked for
     *         purge or redacted has no key
     */
    Map<String, List<FeedbackEvent>> feedback(Collection<String> messageIds);

    /**
     * The "do not contact" facts that feedback made (SPEC H3, H5): for each unsubscribe or complaint
     * of a device (message, row, kind) still stored, the first such event, with kind
     * {@link dev.sentlog.core.contacts.ContactKind#UNSUBSCRIBED} or
     * {@link dev.sentlog.core.contacts.ContactKind#COMPLAINED}.
     *
     * @return the facts, sorted by channel, address, message and row
     */
    List<ContactFact> suppressions();

    /**
     * Which of the given addresses feedback marked "do not contact" (SPEC H3, H5, Y1).
     *
     * @param channel   the channel
     * @param addresses addresses normalised as in D1
     * @return those marked, a subset of {@code addresses}
     */
    Set<String> suppressedAmong(Channel channel, Collection<String> addresses);
}
