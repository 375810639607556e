package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryContent;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-over of a Waiting message to its providers (SPEC M3, M5, C3, DP-S6): the claim, the
 * batches per provider with their batch keys, the submits, the jobs stored, and the status the
 * message takes once every batch was offered.
 */
final class HandOver {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);
    /** Hand-overs whose lease ran out that one tick resumes at most. */
    private static final int RESUMED_PER_TICK = 100;

    private final MessageStore store;
    private final Clock clock;
    private final String nodeId;
    private final Duration lease;
    private final DeliveryOptions deliveryOptions;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final EarlyReports early;
    private final StatusDerivation status;
    private final ReportIntake intake;
    private final CancelRequests cancels;
    /** Guards the check that a job id is new and its storing (DP-S2). */
    private final Object jobClaims = new Object();
    /** The hand-overs running in this process: alive whatever their lease says, never taken over from here. */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    HandOver(MessageStore store, Clock clock, String nodeId, Duration lease, DeliveryOptions deliveryOptions,
             ProviderRegistry providers, ProviderCalls calls, EarlyReports early, StatusDerivation status,
             ReportIntake intake, CancelRequests cancels) {
        this.store = store;
        this.clock = clock;
        this.nodeId = nodeId;
        this.lease = lease;
        this.deliveryOptions = deliveryOptions;
        this.providers = providers;
        this.calls = calls;
        this.early = early;
        this.status = status;
        this.intake = intake;
        this.cancels = cancels;
    }

    static boolean isDue(Instant scheduledAt, Instant now) {
        return scheduledAt == null || !scheduledAt.isAfter(now);
    }

    private record Plan(List<PlannedBatch> batches, List<Integer> unserved, int deliverable) {
    }

    /**
     * Hands a Waiting message that nobody claimed yet to its providers (SPEC M3, M5, C3, N2): the
     * claim (a start time on the Waiting message) and the planned batches with their keys are
     * stored in one store step with a lease owned by this node; the batches are then submitted.
     */
    void dispatch(String id) {
        Instant now = clock.instant();
        MessageHeader h = status.header(id);
        // the claim keeps the message Waiting until a provider takes a batch, so that a cancel
        // meanwhile can still end it Canceled (C3)
        if (h.state().status() != MessageStatus.WAITING || h.state().startedAt().isPresent()) {
            return;
        }
        Plan plan = store.withDevices(id, t -> plan(id, t, h.deliveryModes()))
                .orElseThrow(() -> new MessageNotFoundException(id));
        Optional<HandOverLease> won = store.beginHandOver(id, h.state().version(), h.state().withStartedAt(now),
                nodeId, now.plus(lease), plan.deliverable(), plan.batches());
        if (won.isEmpty()) {
            return; // another thread or node claimed it, or a cancel came first
        }
        if (!plan.unserved().isEmpty()) {
            String example = store.withDevices(id, t -> Addresses.mask(t.channel(plan.unserved().get(0)),
                    t.address(plan.unserved().get(0)))).orElse("");
            LOG.warn("message {}: no delivery provider for {} device(s), e.g. {}; they stay pending", id,
                    plan.unserved().size(), example);
        }
        run(won.get(), h);
    }

    /**
     * Resumes the hand-overs whose lease ran out (their node crashed or stalled; SPEC N2): takes
     * each over and submits its batches not handed over yet, under the same batch keys.
     *
     * @return how many hand-overs this node took over
     */
    int resumeInterrupted() {
        Instant now = clock.instant();
        int resumed = 0;
        for (HandOverLease expired : store.expiredHandOvers(now, RESUMED_PER_TICK)) {
            if (runningHere.contains(expired.messageId())) {
                continue; // slow, not dead: its thread renews the lease before its next batch
            }
            Optional<HandOverLease> taken = store.takeOverHandOver(expired.messageId(), expired.version(), nodeId, now,
                    now.plus(lease));
            if (taken.isPresent()) {
                LOG.warn("message {}: resuming the hand-over node {} left unfinished (lease ran out at {})",
                        expired.messageId(), expired.owner(), expired.leaseUntil());
                resumed++;
                run(taken.get(), status.header(expired.messageId()));
            }
        }
        return resumed;
    }

    /**
     * Submits the lease's batches not handed over yet, provider by provider, then decides what the
     * hand-over made of the message and ends it. Before each batch the lease is renewed (the
     * heartbeat) and the cancel request read: a lease taken over by another node stops this run,
     * a cancel stops what is not handed over yet (C2, on any node). A failure (a store failure, the
     * process dying) leaves the lease for a resume.
     */
    private void run(HandOverLease held, MessageHeader claimed) {
        String id = held.messageId();
        if (!runningHere.add(id)) {
            return; // another thread of this process runs it
        }
        try {
            submitAll(held, claimed);
        } finally {
            runningHere.remove(id);
        }
    }

    private void submitAll(HandOverLease held, MessageHeader claimed) {
        String id = held.messageId();
        DeliveryContent content = new DeliveryContent(claimed.subject(), id, claimed.callerId(),
                claimed.replyToEmail());
        HandOverLease current = held;
        boolean fresh = true; // the lease was just begun or taken over: no renewal before the first batch
        for (PlannedBatch planned : held.batches()) {
            if (status.header(id).state().cancellation().isPresent()) {
                break; // C2: what is not handed over yet is never handed over
            }
            // null when every row was handed over before an interruption
            List<DeliveryRequest> requests = store.withDevices(id, t -> requests(t, planned.rows()))
                    .orElse(null);
            if (requests == null) {
                continue;
            }
            if (!fresh) {
                Optional<HandOverLease> renewed = store.renewHandOver(id, current.version(), nodeId,
                        clock.instant().plus(lease));
                if (renewed.isEmpty()) {
                    LOG.warn("message {}: the hand-over lease of node {} was taken over; this node stops", id,
                            nodeId);
                    return;
                }
                current = renewed.get();
            }
            fresh = false;
            submit(id, planned, requests, content);
        }
        finish(id, current);
    }

    /** Submits one planned batch and stores the job the provider answers. */
    private void submit(String id, PlannedBatch planned, List<DeliveryRequest> requests, DeliveryContent content) {
        DeliveryProvider p = providers.named(planned.key().providerName());
        if (p == null) {
            LOG.warn("message {}: provider {} of batch {} is not registered here; its {} device(s) stay pending", id,
                    planned.key().providerName(), planned.key().batchNumber(), planned.rows().size());
            return;
        }
        DeliveryBatch batch = new DeliveryBatch(planned.key(), requests, content, deliveryOptions);
        early.submitting(p.name());
        Optional<String> jobId = Optional.empty();
        boolean stored = false;
        try {
            jobId = calls.call(p, "submit", id, () -> p.submit(batch)).filter(j -> !j.isBlank());
            if (jobId.isEmpty()) {
                LOG.warn("message {}: provider {} did not take {} device(s), e.g. {}; they stay pending", id,
                        p.name(), requests.size(), Addresses.mask(requests.get(0).channel(), requests.get(0).address()));
                return;
            }
            ProviderJob job = new ProviderJob(p.name(), jobId.get(), channelsOf(requests), false);
            stored = storeJob(id, job, planned.rows(), clock.instant());
        } finally {
            List<DeviceReport> held = early.submitted(p.name(), stored ? jobId.orElse(null) : null);
            if (!held.isEmpty()) {
                intake.apply(id, new ProviderJob(p.name(), jobId.orElseThrow(), channelsOf(requests), false), held,
                        false);
            }
        }
    }

    /**
     * Once every batch was offered: a message no provider took a batch of becomes In-Progress (and
     * then Failed when it had deliverable devices, M5) or Canceled when a cancel came (C3); then the
     * lease is removed, and only then are a cancel's stops and the status derivation run (they
     * wait for a stored hand-over). Each step is safe to repeat, so a resume after a crash anywhere
     * here ends the message the same way.
     */
    private void finish(String id, HandOverLease held) {
        Instant now = clock.instant();
        MessageHeader after = status.update(id, s -> {
            if (s.status() != MessageStatus.WAITING) {
                return null; // a provider took a batch: In-Progress already
            }
            if (s.cancellation().isPresent()) {
                return s.withStatus(s.status().moveTo(id, MessageStatus.CANCELED)).withStartedAt(null)
                        .withEndedAt(now);
            }
            return s.withStatus(s.status().moveTo(id, MessageStatus.IN_PROGRESS));
        });
        boolean failed = after.state().status() == MessageStatus.IN_PROGRESS && after.state().jobs().isEmpty()
                && held.deliverable() > 0;
        if (failed) {
            // a cancel that arrives after the hand-over gave up finds the failure already decided (M5)
            status.update(id, s -> s.status() == MessageStatus.IN_PROGRESS && s.jobs().isEmpty()
                    ? s.withStatus(s.status().moveTo(id, MessageStatus.FAILED)).withEndedAt(now) : null);
            LOG.warn("message {} failed: no device could be handed to a provider", id);
        }
        store.endHandOver(id, held.version());
        if (failed || after.state().status() == MessageStatus.CANCELED) {
            return;
        }
        // read after the lease is gone: a cancel recorded meanwhile is seen either here or by the
        // cancel itself, which then finds no hand-over and stops through the providers (C2)
        if (status.header(id).state().cancellation().isPresent()) {
            cancels.stopThroughProviders(id);
        }
        status.derive(id);
    }

    /**
     * The requests of a batch's rows, as the provider gets them (normalised addresses, D1), or null
     * when every row is handed over already.
     */
    private static List<DeliveryRequest> requests(DeviceTable t, List<Integer> rows) {
        if (rows.stream().allMatch(t::submitted)) {
            return null;
        }
        List<DeliveryRequest> requests = new ArrayList<>(rows.size());
        for (int row : rows) {
            Channel c = t.channel(row);
            requests.add(new DeliveryRequest(DeviceIds.of(t.entryIndex(row), t.deviceIndex(row)), c,
                    Addresses.normalise(c, t.address(row)), t.personId(row)));
        }
        return requests;
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
            if (holder.isPresent() && holder.get().equals(id)) {
                return true; // a resumed batch the provider had taken before the interruption (DP-S6)
            }
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
            status.update(id, s -> {
                MessageState added = s.withJobsAdded(List.of(job));
                return s.status() == MessageStatus.WAITING
                        ? added.withStatus(s.status().moveTo(id, MessageStatus.IN_PROGRESS)) : added;
            });
            return true;
        }
    }

    /** One batch per provider, numbered 1 (DP-S6), its rows in recipient-list order. */
    private Plan plan(String id, DeviceTable t, Set<Channel> modes) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        List<Integer> unserved = new ArrayList<>();
        int deliverable = 0;
        for (int row = 0; row < t.size(); row++) {
            Channel c = t.channel(row);
            if (!StatusDerivation.isDeliverable(t, row, modes) || t.isFinal(row)) {
                continue;
            }
            deliverable++;
            DeliveryProvider p = providers.forChannel(c);
            if (p == null) {
                unserved.add(row);
            } else {
                rows.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(row);
            }
        }
        List<PlannedBatch> batches = new ArrayList<>(rows.size());
        rows.forEach((provider, r) -> batches.add(new PlannedBatch(new BatchKey(id, provider, 1), r)));
        return new Plan(batches, unserved, deliverable);
    }
}
