package dev.sentlog.core.recipients;

import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.totals.SharedOutcomes;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Recipient Logs from a store (SPEC H1): one indexed store read
 * ({@link MessageStore#recipientMessages}), then the rows. A row lists the devices on the message's
 * delivery modes only (the others were never delivered, D4). The caller's rights are the log's to check;
 * the reader applies the school scope (T3) it is given, so that a person or address outside it answers
 * exactly as one with no messages (H2, T4). Thread-safe.
 */
public final class RecipientLogReader {

    private final MessageStore store;
    private final OutcomeClassifier classifier;
    private final ZoneId zone;
    private final int cap;

    /**
     * Creates the reader.
     *
     * @param store      the store
     * @param classifier the outcome classification (K3)
     * @param zone       the district's zone, in which days begin (S1)
     * @param cap        the most rows answered (S2), at least 1
     */
    public RecipientLogReader(MessageStore store, OutcomeClassifier classifier, ZoneId zone, int cap) {
        this.store = Checks.requireNonNull(store, "store");
        this.classifier = Checks.requireNonNull(classifier, "classifier");
        this.zone = Checks.requireNonNull(zone, "zone");
        Checks.requireArgument(cap >= 1, "the cap must be at least 1, was %d", cap);
        this.cap = cap;
    }

    /**
     * Reads a Recipient Log.
     *
     * @param query   the person or address and the created-date range
     * @param schools the schools the caller may see; empty for all
     * @param now     the instant scheduler-created messages are visible at (V2)
     * @return the log
     */
    public RecipientLog read(RecipientQuery query, Set<String> schools, Instant now) {
        Checks.requireNonNull(query, "query");
        StoreQuery q = new StoreQuery(query.created().start(zone), query.created().endExclusive(zone), null, schools,
                now, cap);
        RecipientPage page = store.recipientMessages(query.key(), q);
        List<RecipientLogRow> rows = new ArrayList<>(page.newestFirst().size());
        List<String> ids = new ArrayList<>(page.newestFirst().size());
        for (RecipientHit hit : page.newestFirst()) {
            ids.add(hit.header().id());
        }
        Map<String, List<FeedbackEvent>> feedback = ids.isEmpty() ? Map.of() : store.feedback(ids);
        for (RecipientHit hit : page.newestFirst()) {
            rows.add(row(query, hit, MessageEngagement.of(feedback.getOrDefault(hit.header().id(), List.of()))));
        }
        return new RecipientLog(rows, page.totalMatched(), cap);
    }

    private RecipientLogRow row(RecipientQuery query, RecipientHit hit, MessageEngagement engagement) {
        MessageHeader h = hit.header();
        List<RecipientEntry> entries = hit.entries().stream().map(RecipientHit.IndexedEntry::entry).toList();
        SharedOutcomes shared = SharedOutcomes.of(entries, h.deliveryModes(), classifier);
        List<RecipientDevice> devices = new ArrayList<>();
        boolean reached = false;
        for (int e = 0; e < entries.size(); e++) {
            RecipientEntry entry = entries.get(e);
            if (!query.key().holds(entry)) {
                continue;
            }
            for (int d = 0; d < entry.devices().size(); d++) {
                Device own = entry.devices().get(d);
                if (!query.key().holds(entry, own) || !h.deliveryModes().contains(own.channel())) {
                    continue;
                }
                Device shown = shared.shown(e, d);
                OutcomeClass c = shared.sharedClass(e, d);
                reached |= c == OutcomeClass.SUCCESS;
                devices.add(new RecipientDevice(entry.person(), entry.student().orElse(null), own.channel(),
                        own.address(), shown.outcome(), shown.confirmed(), shown.time().orElse(null), c,
                        shared.isDuplicate(e, d), engagement.device(hit.entries().get(e).index(), d).orElse(null)));
            }
        }
        return new RecipientLogRow(h.id(), h.messageType(), h.subject(), h.sender(), h.createdAt(),
                h.state().status(), devices, reached);
    }
}
