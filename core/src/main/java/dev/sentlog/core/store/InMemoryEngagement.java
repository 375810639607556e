package dev.sentlog.core.store;

import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.FeedbackKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory store's engagement (SPEC H5): each message's feedback events, each (entry, device,
 * kind, event id) once, and the "do not contact" facts its unsubscribes and complaints make, indexed by address
 * (H3). One lock: feedback is rare next to device reports, and every call is short.
 */
final class InMemoryEngagement {

    private record EventKey(int entry, int device, FeedbackKind kind, String eventId) {
    }

    private record SuppressionKey(String messageId, int row, FeedbackKind kind) {
    }

    private final Map<String, Map<EventKey, FeedbackEvent>> events = new HashMap<>();
    /** Per address key, the first suppressing fact of each (message, row, kind). */
    private final Map<String, Map<SuppressionKey, ContactFact>> suppressions = new HashMap<>();

    /** Records the events not yet recorded; the caller checked the message and its rows. */
    synchronized int record(String messageId, List<FeedbackRecord> feedback) {
        Map<EventKey, FeedbackEvent> stored = events.computeIfAbsent(messageId, k -> new LinkedHashMap<>());
        int added = 0;
        for (FeedbackRecord r : feedback) {
            FeedbackEvent e = r.event();
            if (stored.putIfAbsent(new EventKey(e.entry(), e.device(), e.kind(), e.eventId()), e) != null) {
                continue;
            }
            added++;
            r.suppression(messageId).ifPresent(f -> suppressions.computeIfAbsent(f.addressKey(), k -> new HashMap<>())
                    .merge(new SuppressionKey(messageId, r.row(), e.kind()), f,
                            (a, b) -> b.at().isBefore(a.at()) ? b : a));
        }
        if (stored.isEmpty()) {
            events.remove(messageId);
        }
        return added;
    }

    synchronized List<FeedbackEvent> events(String messageId) {
        Map<EventKey, FeedbackEvent> stored = events.get(messageId);
        if (stored == null) {
            return List.of();
        }
        List<FeedbackEvent> out = new ArrayList<>(stored.values());
        out.sort(FeedbackEvent.ORDER);
        return out;
    }

    synchronized List<ContactFact> suppressions() {
        List<ContactFact> out = new ArrayList<>();
        for (Map<SuppressionKey, ContactFact> facts : suppressions.values()) {
            out.addAll(facts.values());
        }
        out.sort(ContactFact.ORDER);
        return out;
    }

    synchronized Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        Set<String> out = new HashSet<>();
        for (String a : addresses) {
            if (suppressions.containsKey(ContactFact.key(channel, a))) {
                out.add(a);
            }
        }
        return out;
    }

    /** Forgets a message's feedback and the facts it made (purge, redaction: SPEC X1, X2). */
    synchronized void forget(String messageId) {
        events.remove(messageId);
        suppressions.values().forEach(facts -> facts.keySet().removeIf(k -> k.messageId().equals(messageId)));
        suppressions.values().removeIf(Map::isEmpty);
    }
}
