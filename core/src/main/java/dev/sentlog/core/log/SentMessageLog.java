package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryContent;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
 *       hand-over whose claim was abandoned (Waiting with a start time a reporting window old) is
 *       resumed by {@link #tick} under the same keys, so a provider of SPI version 2 does not
 *       deliver the same devices twice; the log warns at registration about a provider of version
 *       1.</li>
 *   <li>Reports pushed through the sink are checked as a whole: an unknown job, an unknown device
 *       or a malformed outcome rejects the batch with an exception and applies nothing. Polled
 *       reports are applied leniently: bad ones are logged and skipped.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Thread-safe: every method may be called from any number of threads at once, also for the same
 * message. Status changes are compare-and-set on the stored state's version; device changes run
 * under the store's per-message lock; providers are called outside any lock, on at most
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
    /** The default number of threads that may call providers at once. */
    public static final int DEFAULT_PROVIDER_THREADS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);
    private static final DeviceOutcome PENDING = DeviceOutcome.of(DeviceStatus.PENDING);

    private final MessageStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reportingWindow;
    private final int searchCap;
    private final OutcomeClassifier classifier;
    private final ReportRules rules;
    private final FileAvailability files;
    private final DeliveryOptions deliveryOptions;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    /** Messages being handed over right now (derive and cancel wait for the hand-over to finish). */
    private final Set<String> dispatching = ConcurrentHashMap.newKeySet();
    /** Reports pushed for a job whose submit has not returned yet. */
    private final EarlyReports early = new EarlyReports();
    /** Guards the check that a job id is new and its storing (DP-S2). */
    private final Object jobClaims = new Object();

    private SentMessageLog(Builder b) {
        store = b.store == null ? MessageStore.inMemory() : b.store;
        clock = b.clock;
        zone = b.zone;
        reportingWindow = b.reportingWindow;
        searchCap = b.searchCap;
        classifier = b.classifier;
        files = b.files;
        deliveryOptions = b.deliveryOptions;
        rules = new ReportRules(classifier, deliveryOptions.confirmationStopsPhone());
        providers = new ProviderRegistry(b.providers);
        calls = new ProviderCalls(b.providerTimeout, b.providerThreads);
        for (DeliveryProvider p : providers.all()) {
            try {
                p.bind(this::acceptReports);
            } catch (RuntimeException e) {
                LOG.warn("delivery provider {} refused its report sink: {}", p.name(), e.getClass().getName());
            }
        }
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
        if (isDue(message.scheduledAt().orElse(null), clock.instant())) {
            dispatch(message.id());
        }
        return header(message.id()).state().status();
    }

    /**
     * Housekeeping: hands over the Waiting messages that are due and moves In-Progress messages
     * whose reporting window has passed to Error (SPEC M4). Call it periodically.
     *
     * @return the number of messages whose status changed
     */
    public int tick() {
        int changed = 0;
        Instant now = clock.instant();
        for (MessageHeader h : store.active(Integer.MAX_VALUE)) {
            MessageStatus before = h.state().status();
            if (before == MessageStatus.WAITING && isDue(h.scheduledAt().orElse(null), now)) {
                dispatch(h.id());
            } else if (before == MessageStatus.IN_PROGRESS) {
                derive(h.id());
            }
            if (header(h.id()).state().status() != before) {
                changed++;
            }
        }
        return changed;
    }

    private static boolean isDue(Instant scheduledAt, Instant now) {
        return scheduledAt == null || !scheduledAt.isAfter(now);
    }

    private record Plan(Map<DeliveryProvider, List<DeliveryRequest>> requests,
                        Map<DeliveryProvider, List<Integer>> rows, List<Integer> unserved, int deliverable) {
    }

    /** Hands a Waiting message to its providers (SPEC M3, M5, C3). */
    private void dispatch(String id) {
        Instant now = clock.instant();
        // marked before the claim, so that no derive sees the message In-Progress with nothing handed over
        if (!dispatching.add(id)) {
            return; // another thread is handing it over
        }
        boolean failed;
        try {
            // the claim (a start time on a Waiting message) keeps the message Waiting until a provider
            // takes a batch, so that a cancel meanwhile can still end it Canceled (C3)
            Optional<MessageHeader> won = tryUpdate(id, s -> isClaimable(s, now) ? s.withStartedAt(now) : null);
            if (won.isEmpty()) {
                return;
            }
            failed = handOver(id, won.get(), now);
        } finally {
            // removed before the cancellation is read below: a cancel recorded meanwhile is seen either
            // here or by the cancel itself, which then stops through the providers (C2)
            dispatching.remove(id);
        }
        MessageHeader after = update(id, s -> {
            if (s.status() != MessageStatus.WAITING) {
                return null; // a provider took a batch: In-Progress already
            }
            if (s.cancellation().isPresent()) {
                return s.withStatus(s.status().moveTo(id, MessageStatus.CANCELED)).withStartedAt(null)
                        .withEndedAt(now);
            }
            return s.withStatus(s.status().moveTo(id, MessageStatus.IN_PROGRESS));
        });
        if (after.state().status() == MessageStatus.CANCELED) {
            return;
        }
        if (failed) {
            // a cancel that arrives after the hand-over gave up finds the failure already decided (M5)
            update(id, s -> s.status() == MessageStatus.IN_PROGRESS && s.jobs().isEmpty()
                    ? s.withStatus(s.status().moveTo(id, MessageStatus.FAILED)).withEndedAt(now) : null);
            LOG.warn("message {} failed: no device could be handed to a provider", id);
            return;
        }
        if (after.state().cancellation().isPresent()) {
            stopThroughProviders(id);
        }
        derive(id);
    }

    /**
     * Whether a hand-over may claim the message: Waiting and not claimed, or claimed so long ago
     * (a reporting window) that the claiming hand-over cannot still be running.
     */
    private boolean isClaimable(MessageState s, Instant now) {
        return s.status() == MessageStatus.WAITING
                && s.startedAt().map(started -> !now.isBefore(started.plus(reportingWindow))).orElse(true);
    }

    /**
     * Submits the message's deliverable devices, provider by provider, and records the jobs. The
     * first job taken moves the message to In-Progress. Stops before the next provider once a
     * cancel is recorded.
     *
     * @return true when there were devices to deliver and no provider took any (M5)
     */
    private boolean handOver(String id, MessageHeader claimed, Instant now) {
        Set<Channel> modes = claimed.deliveryModes();
        Plan plan = store.withDevices(id, t -> plan(t, modes)).orElseThrow(() -> new MessageNotFoundException(id));
        if (!plan.unserved().isEmpty()) {
            String example = store.withDevices(id, t -> Addresses.mask(t.channel(plan.unserved().get(0)),
                    t.address(plan.unserved().get(0)))).orElse("");
            LOG.warn("message {}: no delivery provider for {} device(s), e.g. {}; they stay pending", id,
                    plan.unserved().size(), example);
        }
        DeliveryContent content = new DeliveryContent(claimed.subject(), id, claimed.callerId(),
                claimed.replyToEmail());
        int taken = 0;
        Map<String, Integer> batchesPerProvider = new HashMap<>();
        for (Map.Entry<DeliveryProvider, List<DeliveryRequest>> e : plan.requests().entrySet()) {
            if (header(id).state().cancellation().isPresent()) {
                break; // C2: what is not handed over yet is never handed over
            }
            DeliveryProvider p = e.getKey();
            // DP-S6: numbered per provider in plan order (recipient-list order), so a resumed hand-over
            // of the same devices gives the same keys
            BatchKey key = new BatchKey(id, p.name(), batchesPerProvider.merge(p.name(), 1, Integer::sum));
            DeliveryBatch batch = new DeliveryBatch(key, e.getValue(), content, deliveryOptions);
            early.submitting(p.name());
            Optional<String> jobId = Optional.empty();
            boolean stored = false;
            try {
                jobId = calls.call(p, "submit", id, () -> p.submit(batch)).filter(j -> !j.isBlank());
                if (jobId.isEmpty()) {
                    LOG.warn("message {}: provider {} did not take {} device(s), e.g. {}; they stay pending", id,
                            p.name(), e.getValue().size(),
                            Addresses.mask(e.getValue().get(0).channel(), e.getValue().get(0).address()));
                    continue;
                }
                ProviderJob job = new ProviderJob(p.name(), jobId.get(), channelsOf(e.getValue()), false);
                stored = storeJob(id, job, plan.rows().get(p), now);
                if (stored) {
                    taken++;
                }
            } finally {
                List<DeviceReport> held = early.submitted(p.name(), stored ? jobId.orElse(null) : null);
                if (!held.isEmpty()) {
                    apply(id, new ProviderJob(p.name(), jobId.orElseThrow(), channelsOf(e.getValue()), false), held,
                            false);
                }
            }
        }
        return taken == 0 && plan.deliverable() > 0;
    }

    private static EnumSet<Channel> channelsOf(List<DeliveryRequest> requests) {
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        for (DeliveryRequest r : requests) {
            channels.add(r.channel());
        }
        return channels;
    }

    /**
     * Marks the job's rows handed over and stores the job (the first job moves the message to
     * In-Progress): rows first, so that reports a provider pushes from now on find both. A job id
     * the provider already answered for another message (against DP-S2) is refused: its rows stay
     * pending, and reports on that job keep going to the message that had it first.
     *
     * @return whether the job was stored
     */
    private boolean storeJob(String id, ProviderJob job, List<Integer> rows, Instant now) {
        synchronized (jobClaims) {
            Optional<String> holder = store.messageOfJob(job.providerName(), job.jobId());
            if (holder.isPresent()) {
                LOG.warn("message {}: provider {} answered job id {}, which it already answered for message {} "
                        + "(job ids must be unique, DP-S2); its {} device(s) stay pending", id, job.providerName(),
                        Addresses.maskInText(job.jobId()), holder.get(), rows.size());
                return false;
            }
            store.withDevices(id, t -> {
                for (int row : rows) {
                    if (!t.isFinal(row)) {
                        t.set(row, ReportRules.IN_PROGRESS, false, null, ReportRules.LOG_HANDOVER, false);
                    }
                    t.markSubmitted(row);
                }
                t.touch(now);
                return Boolean.TRUE;
            });
            update(id, s -> {
                MessageState added = s.withJobsAdded(List.of(job));
                return s.status() == MessageStatus.WAITING
                        ? added.withStatus(s.status().moveTo(id, MessageStatus.IN_PROGRESS)) : added;
            });
            return true;
        }
    }

    /** Every deliverable device of a message canceled before anything was handed over becomes CANCELED (C3). */
    private static void cancelDeliverable(DeviceTable t, Set<Channel> modes) {
        for (int row = 0; row < t.size(); row++) {
            if (isDeliverable(t, row, modes)) {
                ReportRules.cancel(t, row);
            }
        }
    }

    private Plan plan(DeviceTable t, Set<Channel> modes) {
        Map<DeliveryProvider, List<DeliveryRequest>> requests = new LinkedHashMap<>();
        Map<DeliveryProvider, List<Integer>> rows = new LinkedHashMap<>();
        List<Integer> unserved = new ArrayList<>();
        int deliverable = 0;
        for (int row = 0; row < t.size(); row++) {
            Channel c = t.channel(row);
            if (!modes.contains(c) || t.isFinal(row)) {
                continue;
            }
            String address = Addresses.normalise(c, t.address(row));
            if (address.isBlank()) {
                continue;
            }
            deliverable++;
            DeliveryProvider p = providers.forChannel(c);
            if (p == null) {
                unserved.add(row);
                continue;
            }
            requests.computeIfAbsent(p, k -> new ArrayList<>()).add(new DeliveryRequest(
                    DeviceIds.of(t.entryIndex(row), t.deviceIndex(row)), c, address, t.personId(row)));
            rows.computeIfAbsent(p, k -> new ArrayList<>()).add(row);
        }
        return new Plan(requests, rows, unserved, deliverable);
    }

    /**
     * Derives the status from device outcomes and the clock (SPEC M3, M4). Not while the message is
     * being handed over: devices of providers not yet called are not open yet, so the message could
     * look finished; the hand-over derives once it is done.
     */
    private void derive(String id) {
        Instant now = clock.instant();
        while (true) {
            // the state first, then the hand-over mark, then the devices: the decision is stored only
            // when the state is still the one read, so it is made on devices read under that state
            MessageHeader h = header(id);
            if (dispatching.contains(id)) {
                return;
            }
            MessageState s = h.state();
            MessageStatus st = s.status();
            if (st != MessageStatus.IN_PROGRESS && st != MessageStatus.ERROR) {
                return;
            }
            long[] progress = store.withDevices(id, t -> new long[] {t.openCount(),
                    t.lastActivity() == null ? Long.MIN_VALUE : t.lastActivity().toEpochMilli()})
                    .orElseThrow(() -> new MessageNotFoundException(id));
            MessageState next = derived(id, s, progress[0], progress[1], now);
            if (next == null || store.compareAndSet(id, s.version(), next).isPresent()) {
                return;
            }
        }
    }

    /** The state M3/M4 derive from an In-Progress or Error state and its devices, or null for no change. */
    private MessageState derived(String id, MessageState s, long open, long lastActivityMillis, Instant now) {
        MessageStatus st = s.status();
        if (open == 0) {
            MessageStatus target = s.cancellation().isPresent() ? MessageStatus.CANCELED_IP : MessageStatus.SENT;
            return s.withStatus(st.moveTo(id, target)).withEndedAt(now);
        }
        Instant base = s.startedAt().orElse(null);
        if (lastActivityMillis != Long.MIN_VALUE) {
            Instant last = Instant.ofEpochMilli(lastActivityMillis);
            base = base == null || last.isAfter(base) ? last : base;
        }
        if (st == MessageStatus.IN_PROGRESS && base != null && !now.isBefore(base.plus(reportingWindow))) {
            LOG.warn("message {}: {} device status(es) not reported within {}; status Error", id, open,
                    reportingWindow);
            return s.withStatus(st.moveTo(id, MessageStatus.ERROR));
        }
        return null;
    }

    /** Applies a state change with compare-and-set, retrying on a concurrent change; the header after it. */
    private MessageHeader update(String id, UnaryOperator<MessageState> change) {
        return tryUpdate(id, change).orElseGet(() -> header(id));
    }

    /**
     * Applies a state change with compare-and-set, retrying on a concurrent change. A change to
     * Canceled cancels the message's deliverable devices in the same store step (C3).
     *
     * @param change the new state from the current one, or null for "no change"
     * @return the header this call stored; empty when the change function declined
     */
    private Optional<MessageHeader> tryUpdate(String id, UnaryOperator<MessageState> change) {
        while (true) {
            MessageHeader h = header(id);
            MessageState next = change.apply(h.state());
            if (next == null || next.equals(h.state())) {
                return Optional.empty();
            }
            // C3: a move to Canceled cancels the deliverable devices in the same step
            Optional<MessageHeader> replaced = next.status() == MessageStatus.CANCELED
                    && h.state().status() != MessageStatus.CANCELED
                    ? store.compareAndSet(id, h.state().version(), next, t -> cancelDeliverable(t, h.deliveryModes()))
                    : store.compareAndSet(id, h.state().version(), next);
            if (replaced.isPresent()) {
                return replaced;
            }
        }
    }

    private MessageHeader header(String id) {
        return store.header(id).orElseThrow(() -> new MessageNotFoundException(id));
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
        Checks.requireNonNull(providerName, "providerName");
        Checks.requireNonNull(jobId, "jobId");
        Checks.requireNonNull(reports, "reports");
        for (int i = 0; i < reports.size(); i++) {
            Checks.requireNonNull(reports.get(i), "reports[" + i + "]");
        }
        Optional<String> known = store.messageOfJob(providerName, jobId);
        if (known.isEmpty()) {
            EarlyReports.Held held = early.hold(providerName, jobId, reports,
                    () -> store.messageOfJob(providerName, jobId).isPresent());
            if (held == EarlyReports.Held.UNKNOWN) {
                throw new UnknownJobException(providerName, jobId);
            }
            if (held == EarlyReports.Held.HELD) {
                return new ReportsApplied(0, 0, 0);
            }
        }
        String id = store.messageOfJob(providerName, jobId).orElseThrow();
        ProviderJob job = jobOf(id, providerName, jobId);
        return apply(id, job, reports, true);
    }

    private ProviderJob jobOf(String id, String providerName, String jobId) {
        for (ProviderJob j : header(id).state().jobs()) {
            if (j.providerName().equals(providerName) && j.jobId().equals(jobId)) {
                return j;
            }
        }
        throw new UnknownJobException(providerName, jobId);
    }

    private ReportsApplied apply(String id, ProviderJob job, List<DeviceReport> reports, boolean strict) {
        Instant now = clock.instant();
        int[] counts = store.withDevices(id, t -> {
            int[] rows = new int[reports.size()];
            for (int i = 0; i < rows.length; i++) {
                DeviceReport r = reports.get(i);
                Checks.requireNonNull(r, "reports[" + i + "]");
                rows[i] = ReportRules.rowOf(t, job, r.deviceId());
                String problem = rows[i] < 0 ? null : ReportRules.problem(t.channel(rows[i]), r);
                if (rows[i] < 0 && strict) {
                    throw new UnknownDeviceException(id, job.jobId(), r.deviceId());
                }
                if (problem != null && strict) {
                    throw new MalformedReportException(id, r.deviceId(), problem);
                }
                if (rows[i] < 0) {
                    LOG.warn("message {}: provider {} reported on device {}, which job {} does not hold; ignored", id,
                            job.providerName(), Addresses.maskInText(r.deviceId()), Addresses.maskInText(job.jobId()));
                } else if (problem != null) {
                    LOG.warn("message {}: provider {} sent a malformed report for device {} ({}): {}; ignored", id,
                            job.providerName(), Addresses.maskInText(r.deviceId()), Addresses.mask(t.channel(rows[i]),
                                    t.address(rows[i])), problem);
                    rows[i] = -1;
                }
            }
            int applied = 0;
            int ignored = 0;
            int stopped = 0;
            for (int i = 0; i < rows.length; i++) {
                int result = rows[i] < 0 ? -1 : rules.apply(t, rows[i], reports.get(i));
                if (result < 0) {
                    ignored++;
                } else {
                    applied++;
                    stopped += result - 1;
                }
            }
            if (applied > 0) {
                // only news restarts the reporting window (M4): a repeated poll answer is no news
                t.touch(now);
            }
            return new int[] {applied, ignored, stopped};
        }).orElseThrow(() -> new MessageNotFoundException(id));
        derive(id);
        return new ReportsApplied(counts[0], counts[1], counts[2]);
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
        requireRight(caller, ToolRight.read(caller.log()));
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
        requireRight(caller, ToolRight.read(caller.log()));
        visible(caller, messageId);
        return view(messageId);
    }

    private MessageView view(String id) {
        Message m = store.snapshot(id).orElseThrow(() -> new MessageNotFoundException(id));
        DeliverySummary summary = DeliverySummary.of(m, DeliveryAnalysis.of(m, classifier));
        return MessageView.of(m, summary, files);
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
        requireRight(caller, ToolRight.read(caller.log()));
        visible(caller, messageId);
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
        requireRight(caller, ToolRight.read(caller.log()));
        requireRight(caller, ToolRight.cancel(caller.log()));
        visible(caller, messageId);
        Cancellation request = new Cancellation(caller.asPerson(), clock.instant());
        MessageHeader after = update(messageId, s -> {
            if (s.cancellation().isPresent() && !s.status().isFinal()) {
                return null;
            }
            if (!s.status().isCancelable()) {
                throw new MessageNotCancelableException(messageId, s.status());
            }
            if (s.status() == MessageStatus.WAITING && s.startedAt().isEmpty()) {
                return s.withStatus(s.status().moveTo(messageId, MessageStatus.CANCELED))
                        .withCancellation(request).withEndedAt(request.at());
            }
            // In-Progress, or Waiting while being handed over: the hand-over ends it (C3)
            return s.withCancellation(request);
        });
        if (after.state().cancellation().orElse(null) != request) {
            return after.state().cancellation().orElse(null);
        }
        if (after.state().status() == MessageStatus.CANCELED) {
            return request;
        }
        stopThroughProviders(messageId);
        derive(messageId);
        return request;
    }

    private static boolean isDeliverable(DeviceTable t, int row, Set<Channel> modes) {
        Channel c = t.channel(row);
        return modes.contains(c) && !Addresses.normalise(c, t.address(row)).isBlank();
    }

    /**
     * Cancels undelivered devices: those never handed over at once, the rest through the providers
     * (C2). Not while the message is being handed over: a device whose provider has not answered yet
     * is not "never handed over"; the hand-over stops through the providers once it is done.
     */
    private void stopThroughProviders(String id) {
        if (dispatching.contains(id)) {
            return;
        }
        MessageHeader h = header(id);
        Set<Channel> modes = h.deliveryModes();
        store.withDevices(id, t -> {
            for (int row = 0; row < t.size(); row++) {
                if (!t.submitted(row) && isDeliverable(t, row, modes)) {
                    ReportRules.cancel(t, row);
                }
            }
            return Boolean.TRUE;
        });
        for (ProviderJob job : h.state().jobs()) {
            if (job.cancelConfirmed()) {
                continue;
            }
            DeliveryProvider p = providers.named(job.providerName());
            if (p == null) {
                LOG.warn("message {}: provider {} of job {} is not registered; cannot cancel", id, job.providerName(),
                        Addresses.maskInText(job.jobId()));
                continue;
            }
            Optional<CancelResult> answer = calls.call(p, "cancel", id, () -> p.cancel(job.jobId()));
            if (answer.isEmpty()) {
                continue;
            }
            store.withDevices(id, t -> {
                for (String deviceId : answer.get().canceledDeviceIds()) {
                    int row = ReportRules.rowOf(t, job, deviceId);
                    if (row < 0) {
                        LOG.warn("message {}: provider {} canceled device {}, which job {} does not hold; ignored", id,
                                p.name(), Addresses.maskInText(deviceId), Addresses.maskInText(job.jobId()));
                    } else {
                        ReportRules.cancel(t, row);
                    }
                }
                return Boolean.TRUE;
            });
            update(id, s -> s.withCancelConfirmed(job));
        }
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
        requireRight(caller, ToolRight.read(caller.log()));
        MessageHeader h = visible(caller, messageId);
        if (h.state().status() == MessageStatus.WAITING && isDue(h.scheduledAt().orElse(null), clock.instant())) {
            dispatch(messageId);
        }
        h = header(messageId);
        for (ProviderJob job : h.state().jobs()) {
            DeliveryProvider p = providers.named(job.providerName());
            if (p == null) {
                continue;
            }
            // copied inside the guarded call: a list the provider still changes fails as the provider's call
            Optional<List<DeviceReport>> reports = calls.call(p, "poll", messageId, () -> {
                List<DeviceReport> answer = p.poll(job.jobId());
                return answer == null ? null : new ArrayList<>(answer);
            });
            if (reports.isPresent()) {
                List<DeviceReport> valid = new ArrayList<>(reports.get().size());
                for (DeviceReport r : reports.get()) {
                    if (r != null) {
                        valid.add(r);
                    }
                }
                apply(messageId, job, valid, false);
            }
        }
        if (header(messageId).state().cancellation().isPresent() && !header(messageId).state().status().isFinal()) {
            stopThroughProviders(messageId);
        }
        derive(messageId);
        return view(messageId);
    }

    private static void requireRight(Caller caller, ToolRight right) {
        Checks.requireNonNull(caller, "caller");
        if (!caller.has(right)) {
            throw new AccessDeniedException(caller.userId(), right);
        }
    }

    /** The header of a message the caller may see, or the same not-found for every other case (T4). */
    private MessageHeader visible(Caller caller, String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        Instant now = clock.instant();
        return store.header(messageId)
                .filter(h -> caller.log() != LogKind.OWN || h.sender().id().equals(caller.userId()))
                .filter(h -> caller.schools().isEmpty() || caller.schools().contains(h.districtOrSchool()))
                .filter(h -> h.isVisibleAt(now))
                .orElseThrow(() -> new MessageNotFoundException(messageId));
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
        requireRight(caller, ToolRight.RECIPIENT_LOG);
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
        requireRight(caller, ToolRight.RECIPIENT_LOG);
        return HouseholdReach.read(store, query, caller.schools(), zone, clock.instant(), classifier);
    }

    /** Stops the threads the log calls providers on. The log must not be used afterwards. */
    @Override
    public void close() {
        calls.close();
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

        private Builder() {
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
         * Builds the log and binds every provider to its report sink.
         *
         * @return the log
         */
        public SentMessageLog build() {
            return new SentMessageLog(this);
        }
    }
}
