package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-over of a Waiting message to its providers (SPEC M3, M5, C3, DP-S6): the claim, the
 * batches per provider with their batch keys, the submits, the jobs stored, and the status the
 * message takes once every batch was offered.
 */
final class HandOver {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);

    private final MessageStore store;
    private final Clock clock;
    private final Duration reportingWindow;
    private final DeliveryOptions deliveryOptions;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final EarlyReports early;
    private final StatusDerivation status;
    private final ReportIntake intake;
    private final CancelRequests cancels;
    private final HandOverMarks handingOver;
    /** Guards the check that a job id is new and its storing (DP-S2). */
    private final Object jobClaims = new Object();

    HandOver(MessageStore store, Clock clock, Duration reportingWindow, DeliveryOptions deliveryOptions,
             ProviderRegistry providers, ProviderCalls calls, EarlyReports early, StatusDerivation status,
             ReportIntake intake, CancelRequests cancels, HandOverMarks handingOver) {
        this.store = store;
        this.clock = clock;
        this.reportingWindow = reportingWindow;
        this.deliveryOptions = deliveryOptions;
        this.providers = providers;
        this.calls = calls;
        this.early = early;
        this.status = status;
        this.intake = intake;
        this.cancels = cancels;
        this.handingOver = handingOver;
    }

    static boolean isDue(Instant scheduledAt, Instant now) {
        return scheduledAt == null || !scheduledAt.isAfter(now);
    }

    private record Plan(Map<DeliveryProvider, List<DeliveryRequest>> requests,
                        Map<DeliveryProvider, List<Integer>> rows, List<Integer> unserved, int deliverable) {
    }

    /** Hands a Waiting message to its providers (SPEC M3, M5, C3). */
    void dispatch(String id) {
        Instant now = clock.instant();
        // marked before the claim, so that no derive sees the message In-Progress with nothing handed over
        if (!handingOver.mark(id)) {
            return; // another thread is handing it over
        }
        boolean failed;
        try {
            // the claim (a start time on a Waiting message) keeps the message Waiting until a provider
            // takes a batch, so that a cancel meanwhile can still end it Canceled (C3)
            Optional<MessageHeader> won = status.tryUpdate(id, s -> isClaimable(s, now) ? s.withStartedAt(now) : null);
            if (won.isEmpty()) {
                return;
            }
            failed = handOver(id, won.get(), now);
        } finally {
            // removed before the cancellation is read below: a cancel recorded meanwhile is seen either
            // here or by the cancel itself, which then stops through the providers (C2)
            handingOver.unmark(id);
        }
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
        if (after.state().status() == MessageStatus.CANCELED) {
            return;
        }
        if (failed) {
            // a cancel that arrives after the hand-over gave up finds the failure already decided (M5)
            status.update(id, s -> s.status() == MessageStatus.IN_PROGRESS && s.jobs().isEmpty()
                    ? s.withStatus(s.status().moveTo(id, MessageStatus.FAILED)).withEndedAt(now) : null);
            LOG.warn("message {} failed: no device could be handed to a provider", id);
            return;
        }
        if (after.state().cancellation().isPresent()) {
            cancels.stopThroughProviders(id);
        }
        status.derive(id);
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
            if (status.header(id).state().cancellation().isPresent()) {
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
                    intake.apply(id, new ProviderJob(p.name(), jobId.orElseThrow(), channelsOf(e.getValue()), false),
                            held, false);
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
            status.update(id, s -> {
                MessageState added = s.withJobsAdded(List.of(job));
                return s.status() == MessageStatus.WAITING
                        ? added.withStatus(s.status().moveTo(id, MessageStatus.IN_PROGRESS)) : added;
            });
            return true;
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
}
