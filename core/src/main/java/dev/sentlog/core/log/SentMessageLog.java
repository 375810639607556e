package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.live.ChangeFeed;
import dev.sentlog.core.live.ChangeListener;
import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.live.Subscription;
import dev.sentlog.core.live.SubscriptionHub;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPlan;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.resend.ResendRefusedException;
import dev.sentlog.core.resend.ResendResult;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceReportSink;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import dev.sentlog.core.retention.Retention;
import dev.sentlog.core.retention.RetentionSettings;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sent Message Log: the service a host embeds (SPEC sections 2 to 6).
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>{@link #record} takes a new send. A message scheduled in the future stays Waiting and is
 *       visible at once (V1); a scheduler-created one (non-blank schedule name) stays invisible to
 *       every caller until its scheduled time by the log's clock (V2). A due message is handed to
 *       the providers of its channels at once (In-Progress), or becomes Failed when no device could
 *       be handed to any provider (M5).</li>
 *   <li>{@link #acceptReports} (also the sink bound to every provider) applies device reports
 *       idempotently and order-independently (R2); a confirmed Voice call stops the person's other
 *       phone devices with no report yet (R3). When every handed-over device has a final outcome
 *       the message becomes Sent (M3), or Canceled IP when a cancel was requested.</li>
 *   <li>{@link #tick} is the housekeeping a host runs every minute or so: it hands over Waiting
 *       messages that are due, and moves In-Progress messages whose reporting window has passed
 *       to Error (M4).</li>
 *   <li>{@link #search}, {@link #select}, {@link #printable}, {@link #cancel} and {@link #refresh}
 *       take a {@link Caller} and enforce T1-T4: rights are checked before any lookup, and a
 *       message outside the caller's scope raises exactly what a missing one raises.</li>
 * </ul>
 *
 * <h2>Decisions where the specification is silent</h2>
 * <ul>
 *   <li>Device ids handed to providers are {@code "<entryIndex>.<deviceIndex>"}; a device whose
 *       normalised address is blank, or whose channel is not a delivery mode of the message, is no
 *       delivery and is not handed over. Requests carry the normalised address (D1).</li>
 *   <li>The reporting window (M4) runs from the later of the handover and the last provider
 *       report of the message.</li>
 *   <li>A batch that cannot be handed to its provider leaves its devices PENDING (not attempted);
 *       the message fails (M5) only when no batch could be handed over.</li>
 *   <li>M2 has no In-Progress → Canceled, so a message stays Waiting while it is handed over,
 *       until a provider takes a batch: a cancel accepted before that ends it Canceled with its
 *       devices CANCELED, even when the submit then fails (C3 before M5). A message canceled after
 *       a provider took a batch ends Canceled IP even when the providers stopped every device
 *       before its first attempt.</li>
 *   <li>A derived status is stored only on the state version read before the devices (M3).</li>
 *   <li>Each batch carries its {@link BatchKey} (DP-S6): the message, the provider, and the batch's
 *       number among that message's batches to that provider, from 1 in recipient-list order. A
 *       hand-over stores its batches (keys and device rows) with a lease owned by this node
 *       ({@link Builder#nodeId}) before it calls a provider, and renews the lease before each
 *       batch. A hand-over whose lease ran out (its node died) is resumed by the next {@link #tick}
 *       of any log instance over the same store, under the same keys and skipping batches already
 *       handed over, so a provider of SPI version 2 does not deliver the same devices twice (N2);
 *       the log warns at registration about a provider of version 1.</li>
 *   <li>Reports pushed through the sink are checked as a whole: an unknown job, an unknown device
 *       or a malformed outcome rejects the batch with an exception and applies nothing. Polled
 *       reports are applied leniently: bad ones are logged and skipped.</li>
 * </ul>
 *
 * <h2>How it is built</h2>
 * A facade over package-private parts, each one concept: the hand-over ({@code HandOver}), report
 * intake ({@code ReportIntake}), status derivation ({@code StatusDerivation}), cancels
 * ({@code CancelRequests}) and access checks ({@code AccessChecks}).
 *
 * <h2>Threads</h2>
 * Thread-safe: every method may be called from any number of threads at once, also for the same
 * message. Status changes are compare-and-set on the stored state's version; device changes run
 * under the store's per-message lock; whether a hand-over runs is the store's lease, so several
 * instances over one database (each with its own node id) behave as one log (N3). Providers are
 * called outside any lock, on at most
 * {@link Builder#providerThreads(int)} of the log's own daemon threads, with a timeout.
 * {@link #close()} stops those threads.
 */
public final class SentMessageLog implements AutoCloseable {

    /** The default reporting window (SPEC M4). */
    public static final Duration DEFAULT_REPORTING_WINDOW = Duration.ofHours(2);
    /** The default search cap (SPEC S2). */
    public static final int DEFAULT_SEARCH_CAP = 4000;
    /** The default time a provider call may take. */
    public static final Duration DEFAULT_PROVIDER_TIMEOUT = Duration.ofSeconds(10);
    /** The default K of SPEC H3: permanent failures in a row that make an address a contact to fix. */
    public static final int DEFAULT_CONTACTS_TO_FIX_AFTER = 2;

    /** The default time a hand-over lease holds without a renewal (SPEC N2). */
    public static final Duration DEFAULT_HAND_OVER_LEASE = Duration.ofMinutes(1);
    /** The default number of threads that may call providers at once. */
    public static final int DEFAULT_PROVIDER_THREADS = 16;
    /** The default number of events a subscriber may have waiting (SPEC E4). */
    public static final int DEFAULT_SUBSCRIBER_QUEUE = 256;

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);
    private static final DeviceOutcome PENDING = DeviceOutcome.of(DeviceStatus.PENDING);

    private final MessageStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final int searchCap;
    private final OutcomeClassifier classifier;
    private final FileAvailability files;
    private final ProviderCalls calls;
    private final AccessChecks access;
    private final StatusDerivation status;
    private final ReportIntake intake;
    private final FeedbackIntake feedback;
    private final CancelRequests cancels;
    private final HandOver handOver;
    private final String nodeId;

    private SentMessageLog(Builder b) {
        // issue #16: the store tells the subscriptions about changes (E4)
        hub = new SubscriptionHub(this::liveState, b.subscriberQueue);
        store = hub.watching(b.store == null ? MessageStore.inMemory(b.classifier) : b.store);
        clock = b.clock;
        zone = b.zone;
        searchCap = b.searchCap;
        classifier = b.classifier;
        files = b.files;
        contactsK = b.contactsK;
        resendsPerOriginal = b.resendsPerOriginal;
        ReportRules rules = new ReportRules(classifier, b.deliveryOptions.confirmationStopsPhone());
        ProviderRegistry providers = new ProviderRegistry(b.providers);
        calls = new ProviderCalls(b.providerTimeout, b.providerThreads);
        EarlyReports early = new EarlyReports();
        access = new AccessChecks(store, clock);
        status = new StatusDerivation(store, clock, b.reportingWindow);
        intake = new ReportIntake(store, clock, rules, providers, calls, early, status);
        feedback = new FeedbackIntake(store, providers, calls, status);
        cancels = new CancelRequests(store, providers, calls, status);
        nodeId = b.nodeId;
        handOver = new HandOver(store, clock, nodeId, b.handOverLease, b.deliveryOptions, providers, calls, early,
                status, intake, cancels);
        for (DeliveryProvider p : providers.all()) {
            try {
                p.bind(new DeviceReportSink() {
                    @Override
                    public void accept(String providerName, String jobId, List<DeviceReport> reports) {
                        acceptReports(providerName, jobId, reports);
                    }

                    @Override
                    public void acceptFeedback(String providerName, String jobId, List<DeviceFeedback> list) {
                        SentMessageLog.this.acceptFeedback(providerName, jobId, list);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("delivery provider {} refused its report sink: {}", p.name(), e.getClass().getName());
            }
        }
        startLive(b.changeFeed);
    }

    /** A builder with the defaults of {@link #inMemory()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A log on a new in-memory store with every default: the system clock, UTC, a two-hour
     * reporting window, a cap of 4,000, the standard outcome classification, no providers.
     *
     * @return the log
     */
    public static SentMessageLog inMemory() {
        return builder().build();
    }

    /** The district's time zone the log searches and displays in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The settings the log selects and shows messages with (zone, clock, classifier, file check):
     * build the printed report from them so that screen and printout agree.
     *
     * @return the log's presentation settings
     */
    public PresentationSettings settings() {
        return new PresentationSettings(zone, clock, classifier, files);
    }

    // ---------------------------------------------------------------- recording and housekeeping

    /**
     * Records a new send. A message whose scheduled time is after now stays Waiting (SPEC V1, V2);
     * otherwise it is handed to the providers at once.
     *
     * @param message a message in status Waiting whose devices are all PENDING and unconfirmed
     * @return the message's status after recording
     * @throws MessageNotRecordableException when the message is not a new send
     * @throws dev.sentlog.core.store.DuplicateMessageException when its id is already recorded
     */
    public MessageStatus record(Message message) {
        Checks.requireNonNull(message, "message");
        if (message.status() != MessageStatus.WAITING) {
            throw new MessageNotRecordableException(message.id(), "its status is " + message.status().label()
                    + ", a new send is Waiting");
        }
        List<RecipientEntry> entries = message.recipients();
        for (int e = 0; e < entries.size(); e++) {
            List<Device> devices = entries.get(e).devices();
            for (int d = 0; d < devices.size(); d++) {
                Device dev = devices.get(d);
                if (!dev.outcome().equals(PENDING) || dev.confirmed() || dev.time().isPresent()) {
                    throw new MessageNotRecordableException(message.id(), "device " + DeviceIds.of(e, d)
                            + " already has an outcome (" + dev.outcome().display() + ")");
                }
            }
        }
        store.insert(message, MessageState.initial(MessageStatus.WAITING));
        if (HandOver.isDue(message.scheduledAt().orElse(null), clock.instant())) {
            handOver.dispatch(message.id());
        }
        return status.header(message.id()).state().status();
    }

    /**
     * Housekeeping: resumes the hand-overs whose lease ran out (their node crashed or stalled; SPEC
     * N2), hands over the Waiting messages that are due and moves In-Progress messages whose
     * reporting window has passed to Error (SPEC M4). Call it periodically, on every node.
     *
     * @return the number of messages whose status changed
     */
    public int tick() {
        int changed = 0;
        List<MessageHeader> active = store.active(Integer.MAX_VALUE);
        handOver.resumeInterrupted();
        Instant now = clock.instant();
        for (MessageHeader h : active) {
            MessageStatus before = h.state().status();
            if (before == MessageStatus.WAITING && HandOver.isDue(h.scheduledAt().orElse(null), now)) {
                handOver.dispatch(h.id());
            } else if (before == MessageStatus.IN_PROGRESS) {
                status.derive(h.id());
            }
            if (status.header(h.id()).state().status() != before) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * The id this log instance writes as the owner of the hand-overs it runs (SPEC N2, N3).
     *
     * @return the node id set on the builder, or the generated one
     */
    public String nodeId() {
        return nodeId;
    }

    // ---------------------------------------------------------------- provider reports

    /**
     * Applies reports a provider pushed for one of its jobs (SPEC R2, R3), then derives the message
     * status (M3). The batch is checked as a whole first; when a report names a device the job does
     * not hold or has an outcome its device cannot carry, nothing is applied.
     *
     * @param providerName the reporting provider
     * @param jobId        the job
     * @param reports      the reports
     * @return what the reports changed; zero counts for reports held because the job's submit has
     *         not returned yet (they are applied, leniently, once it has)
     * @throws UnknownJobException       when no message holds the job and no submit of the provider
     *                                   is running
     * @throws UnknownDeviceException    when a report names a device outside the job
     * @throws MalformedReportException  when a report's outcome cannot apply to its device
     */
    public ReportsApplied acceptReports(String providerName, String jobId, List<DeviceReport> reports) {
        return intake.accept(providerName, jobId, reports);
    }

    // ---------------------------------------------------------------- caller-facing calls

    /**
     * Searches the caller's log (SPEC S1, S2, T1, T3, V2): messages created between the criteria's
     * days in the district's zone, at most the cap, most recently created first.
     *
     * @param caller   the caller; needs the Read right of their log
     * @param criteria the date range
     * @return the result, with the total matched and whether it was cut
     * @throws AccessDeniedException when the caller lacks the Read right
     */
    public SearchResult search(Caller caller, SearchCriteria criteria) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        Checks.requireNonNull(criteria, "criteria");
        StoreQuery q = new StoreQuery(criteria.start(zone), criteria.endExclusive(zone),
                caller.log() == LogKind.OWN ? caller.userId() : null, caller.schools(), clock.instant(), searchCap);
        StorePage page = store.search(q);
        List<MessageRow> rows = new ArrayList<>(page.newestFirst().size());
        for (MessageHeader h : page.newestFirst()) {
            rows.add(MessageRow.of(h));
        }
        return new SearchResult(rows, page.totalMatched(), searchCap, zone);
    }

    /**
     * Selects a message (SPEC S6-S8): its Delivery Summary, applicable report options, Filter
     * Criteria Detail and Message Detail.
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @return the view
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public MessageView select(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        access.visible(caller, messageId);
        return view(messageId);
    }

    private MessageView view(String id) {
        Message m = store.snapshot(id).orElseThrow(() -> new MessageNotFoundException(id));
        MessageView v = MessageView.of(m, summaryOf(m), files);
        return v.withDetail(v.detail().withResendLinks(store.originalOf(id).orElse(null), store.resendsOf(id)));
    }

    /**
     * The message as it is now, for printing the Sent Message Report (SPEC T2: printing needs the
     * Read right).
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @return the snapshot
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public Message printable(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        access.visible(caller, messageId);
        return store.snapshot(messageId).orElseThrow(() -> new MessageNotFoundException(messageId));
    }

    /**
     * Requests a cancel (SPEC C1-C4). The request (caller, now) is recorded at once. A Waiting
     * message becomes Canceled with every device CANCELED. For an In-Progress message the providers
     * are asked to stop every delivery not yet attempted; those devices become CANCELED, the rest
     * keep their outcomes, and the message becomes Canceled IP once every device handed over has a
     * final outcome ({@link #refresh} retries providers that did not answer). A cancel while one is
     * pending returns the pending request and changes nothing.
     *
     * @param caller    the caller; needs the Read and Cancel rights of their log
     * @param messageId the message
     * @return the cancel request in force
     * @throws AccessDeniedException        when the caller lacks a right
     * @throws MessageNotFoundException     when no such message is visible to the caller (T4)
     * @throws MessageNotCancelableException when the message is neither Waiting nor In-Progress (C1)
     */
    public Cancellation cancel(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        AccessChecks.requireRight(caller, ToolRight.cancel(caller.log()));
        access.visible(caller, messageId);
        return cancels.request(messageId, new Cancellation(caller.asPerson(), clock.instant()));
    }

    /**
     * Refresh Status (SPEC R1): hands over a Waiting message that is due, asks each provider holding
     * part of the message for its latest device reports and applies them, retries a pending cancel
     * with providers that have not answered it, and derives the status again (M2-M5; an Error
     * message whose devices are now all final moves on).
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @return the message's view after the refresh
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public MessageView refresh(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        MessageHeader h = access.visible(caller, messageId);
        if (h.state().status() == MessageStatus.WAITING && HandOver.isDue(h.scheduledAt().orElse(null),
                clock.instant())) {
            handOver.dispatch(messageId);
        }
        intake.poll(messageId);
        feedback.poll(messageId);
        cancels.retryPending(messageId);
        status.derive(messageId);
        return view(messageId);
    }

    // ---------------------------------------------------------------- issue #13: contacts to fix (H3), resend (Y1-Y4)

    private final int contactsK;
    private final int resendsPerOriginal;

    /**
     * The contacts to fix and, apart, the "do not contact" addresses (SPEC H3), from the contact
     * ledger the store keeps as reports arrive: the cost does not grow with the number of devices. An
     * address is a contact to fix when its newest K attempted deliveries (K from
     * {@link Builder#contactsToFixAfter}), each in a different message, all failed permanently; a
     * later success removes it. A caller limited to schools sees the addresses with evidence from
     * those schools, and only that evidence (T3).
     *
     * @param caller the caller; needs {@link ToolRight#CONTACTS}
     * @return the lists
     * @throws AccessDeniedException when the caller lacks the right
     */
    public ContactLists contacts(Caller caller) {
        AccessChecks.requireRight(caller, ToolRight.CONTACTS);
        return ContactLists.of(store.failingAddresses(contactsK),
                AddressHistory.withFacts(store.doNotContactAddresses(), store.suppressions()), contactsK,
                caller.schools());
    }

    /**
     * Who a resend of a message would go to, on which device (SPEC Y1, Y4), without sending
     * anything. Refused as {@link #resend} would refuse it.
     *
     * @param caller    the caller; needs the Read and Resend rights of their log (Y3)
     * @param messageId the original
     * @param audience  who to resend to
     * @return the preview: exactly the recipients {@link #resend} records when nothing changes meanwhile
     * @throws AccessDeniedException    when the caller lacks a right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     * @throws dev.sentlog.core.resend.ResendRefusedException when the message is not final or was
     *                                  resent as often as allowed (Y2)
     */
    public ResendPreview previewResend(Caller caller, String messageId, ResendAudience audience) {
        return resendPreview(caller, messageId, audience).preview();
    }

    /**
     * Resends a message (SPEC Y1-Y3): records a new message with the original's content, the new id
     * and the preview's recipients, linked to its original both ways; it is recorded as any other
     * message (V1) and handed over at once.
     *
     * @param caller       the caller; needs the Read and Resend rights of their log (Y3)
     * @param messageId    the original
     * @param audience     who to resend to
     * @param newMessageId the new message's id
     * @return the new message's id and status, and exactly what was sent (Y4)
     * @throws AccessDeniedException    when the caller lacks a right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     * @throws dev.sentlog.core.resend.ResendRefusedException when the message is not final, was
     *                                  resent as often as allowed (naming the earlier resends, Y2), or
     *                                  the audience holds no device
     * @throws dev.sentlog.core.store.DuplicateMessageException when the new id is already recorded
     */
    public ResendResult resend(Caller caller, String messageId, ResendAudience audience, String newMessageId) {
        Checks.requireNonBlank(newMessageId, "newMessageId");
        Planned planned = resendPreview(caller, messageId, audience);
        ResendPreview preview = planned.preview();
        if (preview.recipients().isEmpty()) {
            throw ResendRefusedException.nobody(messageId, audience);
        }
        Message next = ResendPlan.message(planned.original(), preview, newMessageId, clock.instant());
        if (!store.claimResend(messageId, newMessageId, resendsPerOriginal)) {
            throw ResendRefusedException.alreadyResent(messageId, store.resendsOf(messageId));
        }
        MessageStatus status;
        try {
            status = record(next);
        } catch (DuplicateMessageException e) {
            store.releaseResend(messageId, newMessageId);
            throw e;
        } catch (RuntimeException e) {
            if (store.header(newMessageId).isEmpty()) {
                store.releaseResend(messageId, newMessageId);
            }
            throw e;
        }
        LOG.info("message {} resent as {} to {} device(s) ({})", messageId, newMessageId, preview.deviceCount(),
                audience);
        return new ResendResult(newMessageId, status, preview);
    }

    private record Planned(Message original, ResendPreview preview) {
    }

    private Planned resendPreview(Caller caller, String messageId, ResendAudience audience) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        AccessChecks.requireRight(caller, ToolRight.resend(caller.log()));
        Checks.requireNonNull(audience, "audience");
        access.visible(caller, messageId);
        Message original = store.snapshot(messageId).orElseThrow(() -> new MessageNotFoundException(messageId));
        if (!ResendPlan.RESENDABLE.contains(original.status())) {
            throw ResendRefusedException.notFinal(messageId, original.status());
        }
        List<String> earlier = store.resendsOf(messageId);
        if (earlier.size() >= resendsPerOriginal) {
            throw ResendRefusedException.alreadyResent(messageId, earlier);
        }
        return new Planned(original, ResendPlan.preview(original, audience, classifier, this::doNotContactAmong));
    }

    // ---------------------------------------------------------------- issue #13: Recipient Log, household reach

    /**
     * The Recipient Log (SPEC H1, H2): the messages sent to one person or address, newest created
     * first, at most the search cap, each with the person's devices and outcomes (shared as in D3) and
     * whether the person was reached. Only messages of the caller's schools count (T3): a person or
     * address the caller may not see answers exactly as one with no messages (T4).
     *
     * @param caller the caller; needs {@link ToolRight#RECIPIENT_LOG}
     * @param query  the person or address and the created-date range
     * @return the log
     * @throws AccessDeniedException when the caller lacks the right
     */
    public RecipientLog recipientLog(Caller caller, RecipientQuery query) {
        AccessChecks.requireRight(caller, ToolRight.RECIPIENT_LOG);
        return new RecipientLogReader(store, classifier, zone, searchCap).read(query, caller.schools(),
                clock.instant());
    }

    /**
     * Household reach (SPEC H4): over a created-date range, the students nobody reached in the chosen
     * messages (by default every Messenger message), by school, with each entry's persons and devices.
     * Only messages of the caller's schools count (T3).
     *
     * @param caller the caller; needs {@link ToolRight#RECIPIENT_LOG}
     * @param query  the range and the message kinds
     * @return the students not reached
     * @throws AccessDeniedException when the caller lacks the right
     */
    public HouseholdReach householdReach(Caller caller, ReachQuery query) {
        AccessChecks.requireRight(caller, ToolRight.RECIPIENT_LOG);
        return HouseholdReach.read(store, query, caller.schools(), zone, clock.instant(), classifier);
    }

    /**
     * Stops the threads the log calls providers on, ends every subscription and stops the change
     * feed. The log must not be used afterwards.
     */
    @Override
    public void close() {
        calls.close();
        closeLive();
    }

    // ---------------------------------------------------------------- issue #16: live summary (E3, E4)

    /** The subscriptions and their delivery threads. */
    private final SubscriptionHub hub;
    /** Changes committed by other nodes, or null. */
    private ChangeFeed changeFeed;

    /**
     * Subscribes to a message's changes (SPEC E4): its status and Delivery Summary after each change,
     * from any thread of this log and, with a {@link Builder#changeFeed change feed}, from other app
     * nodes over the same database. The first event is the state now ({@link MessageChange.Kind#CURRENT});
     * then each change once, in order, numbered, on a delivery thread of the log's. A slow listener
     * never slows report intake: its events wait in a bounded queue ({@link Builder#subscriberQueue});
     * when that is full it is sent one {@link MessageChange.Kind#OVERFLOW} event with the newest state
     * instead of the changes it missed, and may read the state with {@link #current}.
     *
     * <pre>{@code
     * try (Subscription s = log.subscribe(caller, messageId, change ->
     *         screen.show(change.status(), change.summary().totals()))) {
     *     ...
     * }
     * }</pre>
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @param listener  receives the events
     * @return the subscription; close it to stop the events
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public Subscription subscribe(Caller caller, String messageId, ChangeListener listener) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        Checks.requireNonNull(listener, "listener");
        access.visible(caller, messageId);
        return hub.subscribe(messageId, listener);
    }

    /**
     * A message's status and Delivery Summary now (SPEC E3), numbered with the last change published
     * to its subscribers: what a subscriber that fell behind reads. Reads the store's maintained
     * summary, not the devices.
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @return the state, of kind {@link MessageChange.Kind#CURRENT}
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public MessageChange current(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        access.visible(caller, messageId);
        return hub.current(messageId).orElseThrow(() -> new MessageNotFoundException(messageId));
    }

    /**
     * The store's maintained summary when it counts under this log's classification; otherwise the
     * analysis of a snapshot (a host's own classifier on a store made with another, E3).
     */
    private Optional<StoredSummary> liveState(String id) {
        if (store.summaryClassifier().equals(classifier)) {
            return store.summary(id);
        }
        long version = store.header(id).map(h -> h.state().version()).orElse(0L);
        return store.snapshot(id).map(m -> StoredSummary.of(id, m.status(), version, m.startedAt().orElse(null), m.endedAt().orElse(null), m.cancellation().orElse(null),
                m.textMessagingEnabled(), SummaryFigures.of(DeliveryAnalysis.of(m, classifier))));
    }

    /** The Delivery Summary of a snapshot: the store's maintained figures when they count as this log does. */
    private DeliverySummary summaryOf(Message m) {
        if (m.redaction().isPresent()) {
            return m.redaction().get().summary();
        }
        if (store.summaryClassifier().equals(classifier)) {
            Optional<StoredSummary> kept = store.summary(m.id());
            if (kept.isPresent()) {
                return DeliverySummary.of(kept.get().figures(), m.startedAt().orElse(null),
                        m.endedAt().orElse(null), m.textMessagingEnabled(), m.cancellation().orElse(null));
            }
        }
        return DeliverySummary.of(m, DeliveryAnalysis.of(m, classifier));
    }

    private void startLive(ChangeFeed feed) {
        if (feed != null) {
            feed.start(hub::changed);
            changeFeed = feed;
        }
    }

    private void closeLive() {
        if (changeFeed != null) {
            changeFeed.close();
        }
        hub.close();
    }

    // ---- retention (SPEC X1-X4; issue #14) ----

    /**
     * The retention calls of this log's district (SPEC X1-X4) over its store, clock, zone and outcome
     * classification: purge, redaction and legal holds, run by the host on its own schedule. They take
     * no caller: retention is district administration, outside the tool rights (see {@link Retention}).
     *
     * @param settings the district's retention settings
     * @return the retention calls
     * @throws NullPointerException when the settings are null
     */
    public Retention retention(RetentionSettings settings) {
        return Retention.over(store, clock, zone, classifier, settings);
    }

    /**
     * Builds a {@link SentMessageLog}. Every setting has a default; see {@link SentMessageLog#inMemory()}.
     * Not thread-safe.
     */
    public static final class Builder {
        private MessageStore store;
        private final ProviderRegistry providers = new ProviderRegistry();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = PresentationSettings.DEFAULT_ZONE;
        private Duration reportingWindow = DEFAULT_REPORTING_WINDOW;
        private int searchCap = DEFAULT_SEARCH_CAP;
        private OutcomeClassifier classifier = OutcomeClassifier.standard();
        private Duration providerTimeout = DEFAULT_PROVIDER_TIMEOUT;
        private int providerThreads = DEFAULT_PROVIDER_THREADS;
        private FileAvailability files = FileAvailability.always();
        private DeliveryOptions deliveryOptions = DeliveryOptions.defaults();
        private ChangeFeed changeFeed;
        private int subscriberQueue = DEFAULT_SUBSCRIBER_QUEUE;
        private int contactsK = DEFAULT_CONTACTS_TO_FIX_AFTER;
        private int resendsPerOriginal = 1;
        private String nodeId = "node-" + UUID.randomUUID();
        private Duration handOverLease = DEFAULT_HAND_OVER_LEASE;

        private Builder() {
        }

        /**
         * Sets K of SPEC H3: an address is a contact to fix when its newest K attempted deliveries,
         * each in a different message, all failed permanently (default 2), at least 1.
         *
         * @param k the number of permanent failures in a row
         * @return this builder
         */
        public Builder contactsToFixAfter(int k) {
            Checks.requireArgument(k >= 1, "contacts to fix need at least 1 failure in a row, was %d", k);
            contactsK = k;
            return this;
        }

        /**
         * Sets how many times one message may be resent (SPEC Y2; default once), at least 1.
         *
         * @param v the number of resends allowed per original
         * @return this builder
         */
        public Builder resendsPerOriginal(int v) {
            Checks.requireArgument(v >= 1, "the resends allowed per original must be at least 1, was %d", v);
            resendsPerOriginal = v;
            return this;
        }

        /**
         * Sets the store (default: a new in-memory store).
         *
         * @param v the store (default: a new in-memory store)
         * @return this builder
         */
        public Builder store(MessageStore v) {
            store = Checks.requireNonNull(v, "store");
            return this;
        }

        /**
         * Registers a provider explicitly. When a channel is already claimed the first provider keeps
         * it and a warning is logged; a provider whose SPI version differs is used with a warning.
         *
         * @param v the provider
         * @return this builder
         */
        public Builder provider(DeliveryProvider v) {
            providers.register(Checks.requireNonNull(v, "provider"), "registered");
            return this;
        }

        /**
         * Registers the providers a {@link java.util.ServiceLoader} finds, after those registered so
         * far. Never fails: a provider that cannot be loaded, a channel claimed twice and an SPI
         * version mismatch are logged as warnings (the first claim wins).
         *
         * @param loader the class loader to search
         * @return this builder
         */
        public Builder discoverProviders(ClassLoader loader) {
            providers.discover(Checks.requireNonNull(loader, "loader"));
            return this;
        }

        /**
         * Sets the clock (default: the system UTC clock).
         *
         * @param v the clock (default: the system UTC clock)
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = Checks.requireNonNull(v, "clock");
            return this;
        }

        /**
         * Sets the district's time zone (default UTC).
         *
         * @param v the district's time zone (default UTC)
         * @return this builder
         */
        public Builder zone(ZoneId v) {
            zone = Checks.requireNonNull(v, "zone");
            return this;
        }

        /**
         * @param v the reporting window after delivery activity (SPEC M4; default two hours), positive
         * @return this builder
         */
        public Builder reportingWindow(Duration v) {
            reportingWindow = positive(v, "reporting window");
            return this;
        }

        private static Duration positive(Duration v, String name) {
            Checks.requireNonNull(v, name);
            Checks.requireArgument(!v.isNegative() && !v.isZero(), "the %s must be positive, was %s", name, v);
            return v;
        }

        /**
         * Sets the search cap (SPEC S2; default 4,000), at least 1.
         *
         * @param v the search cap (SPEC S2; default 4,000), at least 1
         * @return this builder
         */
        public Builder searchCap(int v) {
            Checks.requireArgument(v >= 1, "the search cap must be at least 1, was %d", v);
            searchCap = v;
            return this;
        }

        /**
         * Sets the outcome classification (SPEC K3; default the standard one).
         *
         * @param v the outcome classification (SPEC K3; default the standard one)
         * @return this builder
         */
        public Builder classifier(OutcomeClassifier v) {
            classifier = Checks.requireNonNull(v, "classifier");
            return this;
        }

        /**
         * Sets how long a provider call may take (default ten seconds), positive.
         *
         * @param v how long a provider call may take (default ten seconds), positive
         * @return this builder
         */
        public Builder providerTimeout(Duration v) {
            providerTimeout = positive(v, "provider timeout");
            return this;
        }

        /**
         * Sets how many threads may call providers at once (default 16), at least 1. A provider
         * call that finds every thread busy waits for one, up to the provider timeout. A call that
         * times out is interrupted; one that ignores the interrupt keeps its thread until it
         * returns. While every thread is held that way, further provider calls wait the timeout and
         * are then refused and logged (no answer this time: a submit leaves its devices pending, a
         * poll or cancel is retried by the next refresh) instead of starting more threads.
         *
         * @param v the bound, at least 1
         * @return this builder
         */
        public Builder providerThreads(int v) {
            Checks.requireArgument(v >= 1, "the provider thread bound must be at least 1, was %d", v);
            providerThreads = v;
            return this;
        }

        /**
         * Sets the host's file check for attachment and audio links (SPEC S8).
         *
         * @param v the host's file check for attachment and audio links (SPEC S8)
         * @return this builder
         */
        public Builder fileAvailability(FileAvailability v) {
            files = Checks.requireNonNull(v, "fileAvailability");
            return this;
        }

        /**
         * @param v the options handed to providers with every batch (default
         *          {@link DeliveryOptions#defaults()}); when {@code confirmationStopsPhone} is off, a
         *          confirmed call stops nothing (SPEC R3)
         * @return this builder
         */
        public Builder deliveryOptions(DeliveryOptions v) {
            deliveryOptions = Checks.requireNonNull(v, "deliveryOptions");
            return this;
        }

        /**
         * Sets the feed of changes committed by other log instances over the same store (SPEC E4, N3),
         * e.g. {@link dev.sentlog.core.store.jdbc.JdbcMessageStore#changeFeed}: their changes then reach
         * this log's subscribers too. The log starts it when built and closes it when closed. Default:
         * none (one node).
         *
         * @param v the feed
         * @return this builder
         */
        public Builder changeFeed(ChangeFeed v) {
            changeFeed = Checks.requireNonNull(v, "changeFeed");
            return this;
        }

        /**
         * Sets the id this log instance writes as the owner of its hand-overs (default
         * {@code node-} and a random UUID). Give each app node over one database its own id, for
         * example the host name, so that the log's warnings say whose hand-over was resumed.
         *
         * @param v the node id, not blank
         * @return this builder
         */
        public Builder nodeId(String v) {
            nodeId = Checks.requireNonBlank(v, "nodeId");
            return this;
        }

        /**
         * Sets how many events a subscriber may have waiting before it is told it fell behind (SPEC E4;
         * default {@value SentMessageLog#DEFAULT_SUBSCRIBER_QUEUE}).
         *
         * @param v the capacity, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder subscriberQueue(int v) {
            Checks.requireArgument(v >= 1, "subscriberQueue must be at least 1, was %d", v);
            subscriberQueue = v;
            return this;
        }

        /**
         * Sets how long a hand-over lease holds without a renewal (default one minute; SPEC N2). A
         * hand-over renews its lease before each batch; when its node dies, the next {@code tick}
         * of any node once the lease has run out resumes the hand-over. Must be longer than the
         * provider timeout, so that a lease never runs out during one provider call.
         *
         * @param v the lease, positive
         * @return this builder
         */
        public Builder handOverLease(Duration v) {
            handOverLease = positive(v, "hand-over lease");
            return this;
        }

        /**
         * Builds the log and binds every provider to its report sink.
         *
         * @return the log
         * @throws IllegalArgumentException when the hand-over lease is not longer than the provider
         *                                  timeout
         */
        public SentMessageLog build() {
            Checks.requireArgument(handOverLease.compareTo(providerTimeout) > 0,
                    "the hand-over lease (%s) must be longer than the provider timeout (%s)", handOverLease,
                    providerTimeout);
            return new SentMessageLog(this);
        }
    }

    // ---------------------------------------------------------------- issue #13 (today): engagement (H5)

    /**
     * Records recipients' feedback a provider pushed for one of its jobs (SPEC H5): opened, clicked,
     * unsubscribed, complained, per device with its time, each (device, kind, event id) once. It
     * changes no device outcome, status or summary (R2); an unsubscribe or a complaint makes the
     * address "do not contact" (H3), so a resend leaves it out (Y1). The batch is checked as a whole
     * first: when a feedback names a device the job does not hold, or a Voice or Inbox device,
     * nothing is recorded.
     *
     * @param providerName the reporting provider
     * @param jobId        the job
     * @param feedback     the feedback
     * @return how many feedback events were new
     * @throws UnknownJobException      when no message holds the job
     * @throws UnknownDeviceException   when a feedback names a device outside the job
     * @throws MalformedReportException when a feedback names a device of a channel without feedback
     */
    public int acceptFeedback(String providerName, String jobId, List<DeviceFeedback> feedback) {
        return this.feedback.accept(providerName, jobId, feedback);
    }

    /**
     * The engagement of a message's devices (SPEC H5): per device with feedback, each kind with its
     * first and last time and how many events reported it.
     *
     * @param caller    the caller; needs the Read right of their log
     * @param messageId the message
     * @return the engagement; empty when no device has feedback (or the message was redacted)
     * @throws AccessDeniedException    when the caller lacks the Read right
     * @throws MessageNotFoundException when no such message is visible to the caller (T4)
     */
    public MessageEngagement engagement(Caller caller, String messageId) {
        AccessChecks.requireRight(caller, ToolRight.read(caller.log()));
        access.visible(caller, messageId);
        return MessageEngagement.of(store.feedback(List.of(messageId)).getOrDefault(messageId, List.of()));
    }

    /** The ledger's do-not-contact addresses and those feedback marked (SPEC H3, H5, Y1). */
    private Set<String> doNotContactAmong(Channel channel, Collection<String> addresses) {
        Set<String> out = new HashSet<>(store.doNotContactAmong(channel, addresses));
        out.addAll(store.suppressedAmong(channel, addresses));
        return out;
    }
}
