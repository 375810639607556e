package dev.sentlog.core.retention;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.log.MessageNotFoundException;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of one district's log (SPEC X1-X4): the calls a host runs on its own schedule (a nightly
 * job, say) and the legal holds its staff place. Get one from
 * {@link dev.sentlog.core.log.SentMessageLog#retention(RetentionSettings)}, or build one over a store
 * with {@link #over} (a separate maintenance process).
 *
 * <pre>{@code
 * Retention retention = log.retention(RetentionSettings.of(Period.ofYears(7), Period.ofYears(2)));
 * retention.redact();   // personal data of messages older than 2 years erased, figures kept (X2)
 * retention.purge();    // messages older than 7 years removed with everything stored for them (X1)
 * retention.placeHold("m-1001", Person.of("u-7", "Counsel, Dana"), "complaint 2026-114");   // X3
 * }</pre>
 *
 * <h2>Rights</h2>
 * The calls take no caller: retention is district administration, run by the host's scheduler or its
 * administration screens, which decide who may use this object. The Sent Message Log's tool rights
 * (T1-T3) do not apply to it.
 *
 * <h2>What each call keeps</h2>
 * <ul>
 *   <li>{@link #redact()}: a message created before now minus {@code redactAfter} (in the district's
 *       calendar), in a final status (Sent, Failed, Canceled, Canceled IP) and without a hold in force,
 *       keeps its header (type, school, subject, sender, dates, schedule), status, cancellation and
 *       Delivery Summary figures with its outcome chart counts, computed just before the erasure; its
 *       recipients (names, addresses, device outcomes), texts, attachment and audio references and
 *       filter criteria are erased. It stays searchable and its Summary report prints; any other
 *       report is refused, saying it was redacted.</li>
 *   <li>{@link #purge()}: a message created before now minus {@code purgeAfter}, final and without a
 *       hold in force, is first hidden in one short step (no search or view shows it from then on),
 *       then removed batch by batch, each batch a short transaction of at most
 *       {@link RetentionSettings#batchSize()} rows. Killed midway, the next run finishes it first.</li>
 *   <li>Waiting, In-Progress and Error messages are never redacted nor purged: they may still change.</li>
 * </ul>
 *
 * <h2>Logging (X4)</h2>
 * Each run logs one INFO line of counts (messages, devices, rows, batches, skipped, the cut-off);
 * never a message id, name, address or text.
 *
 * <p>Thread-safe; runs may overlap (on one node or several): the store's locks make each message
 * purged or redacted once.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** How many candidates one store call answers. */
    private static final int CANDIDATES = 200;

    private final MessageStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final OutcomeClassifier classifier;
    private final RetentionSettings settings;

    private Retention(MessageStore store, Clock clock, ZoneId zone, OutcomeClassifier classifier,
                      RetentionSettings settings) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.classifier = classifier;
        this.settings = settings;
    }

    /**
     * Retention over a store, for a host that runs it apart from a log (give it the log's clock, zone
     * and classification, so the kept figures are those the log shows).
     *
     * @param store      the store
     * @param clock      the clock (cut-offs and hold times)
     * @param zone       the district's zone: periods count in its calendar
     * @param classifier the outcome classification of the figures kept at redaction (K3)
     * @param settings   the district's settings
     * @return the retention
     * @throws NullPointerException when an argument is null, naming it
     */
    public static Retention over(MessageStore store, Clock clock, ZoneId zone, OutcomeClassifier classifier,
                                 RetentionSettings settings) {
        return new Retention(Checks.requireNonNull(store, "store"), Checks.requireNonNull(clock, "clock"),
                Checks.requireNonNull(zone, "zone"), Checks.requireNonNull(classifier, "classifier"),
                Checks.requireNonNull(settings, "settings"));
    }

    /**
     * The settings in use.
     *
     * @return the settings
     */
    public RetentionSettings settings() {
        return settings;
    }

    private Instant cutOff(Period age) {
        return clock.instant().atZone(zone).minus(age).toInstant();
    }

    /**
     * Purges the messages created before now minus {@code purgeAfter} (SPEC X1), finishing first any
     * purge an earlier run left unfinished.
     *
     * @return the counts
     * @throws dev.sentlog.core.store.StoreUnavailableException when the store fails; what was committed
     *                                                          stays, and the next run goes on from there
     */
    public RetentionResult purge() {
        Instant cut = cutOff(settings.purgeAfter());
        Run run = new Run();
        Set<String> tried = new HashSet<>();
        for (List<String> ids = fresh(store.purgeCandidates(cut, CANDIDATES), tried); !ids.isEmpty();
                ids = fresh(store.purgeCandidates(cut, CANDIDATES), tried)) {
            for (String id : ids) {
                Optional<MessageHeader> h = store.header(id);
                if (!store.markForPurge(id)) {
                    run.skipped++;
                    continue;
                }
                run.messages++;
                run.devices += h.map(MessageHeader::deviceCount).orElse(0);
                run.erase(id);
            }
        }
        RetentionResult result = run.result(cut);
        LOG.info("purge: {} messages, {} devices, {} rows removed in {} batches, {} skipped (held or not final); "
                + "cut-off {}", result.messages(), result.devices(), result.rows(), result.batches(), result.skipped(),
                cut);
        return result;
    }

    /**
     * Redacts the messages created before now minus {@code redactAfter} (SPEC X2), finishing first the
     * erasure of any message an earlier run redacted without erasing all its rows.
     *
     * @return the counts
     * @throws dev.sentlog.core.store.StoreUnavailableException when the store fails; what was committed
     *                                                          stays, and the next run goes on from there
     */
    public RetentionResult redact() {
        Instant cut = cutOff(settings.redactAfter());
        Instant now = clock.instant();
        Run run = new Run();
        Set<String> tried = new HashSet<>();
        for (List<String> ids = fresh(store.redactionCandidates(cut, CANDIDATES), tried); !ids.isEmpty();
                ids = fresh(store.redactionCandidates(cut, CANDIDATES), tried)) {
            for (String id : ids) {
                int[] devices = {0};
                Optional<Redaction> done = store.redact(id, m -> {
                    devices[0] = m.deviceCount();
                    return figures(m, now);
                });
                long erased = run.erase(id);
                if (done.isPresent()) {
                    run.messages++;
                    run.devices += devices[0];
                } else if (erased == 0) {
                    run.skipped++; // a hold was placed or its status changed since it was listed
                }
            }
        }
        RetentionResult result = run.result(cut);
        LOG.info("redaction: {} messages, {} devices, {} rows erased in {} batches, {} skipped (held or not final); "
                + "cut-off {}", result.messages(), result.devices(), result.rows(), result.batches(), result.skipped(),
                cut);
        return result;
    }

    /** The candidates not taken on yet by this run: a candidate skipped once is not tried again. */
    private static List<String> fresh(List<String> candidates, Set<String> tried) {
        List<String> out = new ArrayList<>(candidates.size());
        for (String id : candidates) {
            if (tried.add(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The figures a message keeps at redaction: its Delivery Summary and outcome counts as shown now. */
    private Redaction figures(Message m, Instant at) {
        DeliveryAnalysis analysis = DeliveryAnalysis.of(m, classifier);
        DeliverySummary summary = DeliverySummary.of(m, analysis);
        Map<Channel, Map<OutcomeClass, Integer>> outcomes = new EnumMap<>(Channel.class);
        for (RecipientEntry e : m.recipients()) {
            for (Device d : e.devices()) {
                if (m.deliveryModes().contains(d.channel()) && !d.isBlank()) {
                    OutcomeClass cls = classifier.classify(d.channel(), d.outcome(), d.confirmed());
                    outcomes.computeIfAbsent(d.channel(), k -> new EnumMap<>(OutcomeClass.class)).merge(cls, 1,
                            Integer::sum);
                }
            }
        }
        return new Redaction(at, summary, outcomes);
    }

    /**
     * Places a legal hold on a message (SPEC X3): from now on (the log's clock) it is neither purged
     * nor redacted until the hold is lifted. When a hold is in force already, that one stays and is
     * answered.
     *
     * @param messageId the message
     * @param who       who places it
     * @param why       why (not blank)
     * @return the hold in force
     * @throws MessageNotFoundException when no such message is stored (or it is being purged)
     * @throws IllegalArgumentException when the reason is blank
     */
    public LegalHold placeHold(String messageId, Person who, String why) {
        Checks.requireNonNull(messageId, "messageId");
        LegalHold hold = LegalHold.placed(who, clock.instant(), why);
        LegalHold inForce = store.placeHold(messageId, hold).orElseThrow(() -> new MessageNotFoundException(messageId));
        LOG.info("legal hold {} on a message", inForce.equals(hold) ? "placed" : "already in force");
        return inForce;
    }

    /**
     * Lifts the legal hold in force on a message (SPEC X3); it stays readable with who lifted it, when
     * (the log's clock) and why.
     *
     * @param messageId the message
     * @param who       who lifts it
     * @param why       why (not blank)
     * @return the lifted hold; empty when the message has no hold in force
     * @throws MessageNotFoundException when no such message is stored (or it is being purged)
     * @throws IllegalArgumentException when the reason is blank
     */
    public Optional<LegalHold> liftHold(String messageId, Person who, String why) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(who, "who");
        Checks.requireNonBlank(why, "why");
        Optional<LegalHold> lifted = store.liftHold(messageId, who, clock.instant(), why);
        if (lifted.isEmpty() && store.header(messageId).isEmpty()) {
            throw new MessageNotFoundException(messageId);
        }
        lifted.ifPresent(h -> LOG.info("legal hold lifted from a message"));
        return lifted;
    }

    /**
     * Every legal hold placed on a message, oldest first, lifted ones with who lifted them, when and why.
     *
     * @param messageId the message
     * @return the holds, empty when none
     * @throws MessageNotFoundException when no such message is stored (or it is being purged)
     */
    public List<LegalHold> holds(String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        if (store.header(messageId).isEmpty()) {
            throw new MessageNotFoundException(messageId);
        }
        return store.holds(messageId);
    }

    /** The counts of one run, and its batching. */
    private final class Run {
        int messages;
        long devices;
        long rows;
        int batches;
        int skipped;
        int batchSize = settings.batchSize();

        /** Erases a marked or redacted message's rows batch by batch; a slow batch halves the size. */
        long erase(String id) {
            long erased = 0;
            while (true) {
                long start = System.nanoTime();
                int n = store.eraseBatch(id, batchSize);
                long took = System.nanoTime() - start;
                if (n == 0) {
                    return erased;
                }
                batches++;
                rows += n;
                erased += n;
                if (took > settings.maxTimePerBatch().toNanos() && batchSize > 1) {
                    batchSize = Math.max(1, batchSize / 2);
                    LOG.info("a retention batch took {} ms, over the {} ms allowed; batch size now {} rows",
                            took / 1_000_000, settings.maxTimePerBatch().toMillis(), batchSize);
                }
            }
        }

        RetentionResult result(Instant cut) {
            return new RetentionResult(cut, messages, devices, rows, batches, skipped);
        }
    }
}
