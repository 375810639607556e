package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The straightforward implementation of SPEC D2-D5, written from the rules' text: normalise each
 * address to a string on the fly, keep hash sets and maps of strings. Tests compare
 * {@link DeliveryAnalysis} with it; the benchmark uses it as the baseline.
 */
public final class ReferenceTotals {

    /**
     * The totals, the duplicate marks (entry index → device indexes), the contacted entries, and the
     * first attempt and last final outcome times (D6; null when no device tells).
     */
    public record Result(DeliveryTotals totals, int voiceText, int voiceTextAttempted,
                         Set<List<Integer>> duplicates, Set<Integer> contactedEntries,
                         Instant firstAttempt, Instant lastFinalOutcome) {
    }

    private ReferenceTotals() {
    }

    /**
     * Computes everything the plain way.
     *
     * @param entries    the recipient list
     * @param modes      the delivery modes
     * @param classifier the classification
     * @return the result
     */
    public static Result compute(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        Set<String> persons = new HashSet<>();
        Set<String> personsWithDevice = new HashSet<>();
        Map<String, List<OutcomeClass>> byAddress = new HashMap<>(); // "CHANNEL:normalised" → outcomes
        Set<List<Integer>> duplicates = new HashSet<>();
        List<String[]> phoneOccurrences = new ArrayList<>(); // person id, key
        Instant first = null;
        Instant last = null;
        for (int e = 0; e < entries.size(); e++) {
            RecipientEntry entry = entries.get(e);
            persons.add(entry.person().id());
            for (int d = 0; d < entry.devices().size(); d++) {
                Device device = entry.devices().get(d);
                if (!modes.contains(device.channel())) {
                    continue;
                }
                String normalised = Addresses.normalise(device.channel(), device.address());
                if (normalised.isBlank()) {
                    continue;
                }
                personsWithDevice.add(entry.person().id());
                String key = device.channel() + ":" + normalised;
                if (byAddress.containsKey(key)) {
                    duplicates.add(List.of(e, d));
                }
                OutcomeClass cls = classifier.classify(device.channel(), device.outcome(), device.confirmed());
                byAddress.computeIfAbsent(key, k -> new ArrayList<>()).add(cls);
                Instant t = device.time().orElse(null);
                if (t != null && cls.attempted() && (first == null || t.isBefore(first))) {
                    first = t;
                }
                if (t != null && cls.isFinal() && cls != OutcomeClass.CANCELED && (last == null || t.isAfter(last))) {
                    last = t;
                }
                if (device.channel().isPhone()) {
                    phoneOccurrences.add(new String[] {entry.person().id(), key});
                }
            }
        }
        int inbox = 0;
        int emails = 0;
        int emailsAttempted = 0;
        int voice = 0;
        int voiceAttempted = 0;
        int text = 0;
        int textAttempted = 0;
        Set<String> successful = new HashSet<>();
        Set<String> phoneNumbers = new HashSet<>();
        Set<String> phoneNumbersAttempted = new HashSet<>();
        for (Map.Entry<String, List<OutcomeClass>> a : byAddress.entrySet()) {
            String channel = a.getKey().substring(0, a.getKey().indexOf(':'));
            String number = a.getKey().substring(a.getKey().indexOf(':') + 1);
            boolean attempted = a.getValue().stream().anyMatch(OutcomeClass::attempted);
            boolean success = a.getValue().contains(OutcomeClass.SUCCESS);
            // D3: opting out is read per occurrence; the number counts when one occurrence was
            // attempted and did not opt out
            boolean attemptedNotOptedOut = a.getValue().stream()
                    .anyMatch(c -> c.attempted() && c != OutcomeClass.OPTED_OUT);
            if (success) {
                successful.add(a.getKey());
            }
            switch (Channel.valueOf(channel)) {
                case INBOX:
                    inbox += success ? 1 : 0;
                    break;
                case EMAIL:
                    emails++;
                    emailsAttempted += attempted ? 1 : 0;
                    break;
                case VOICE:
                    voice++;
                    voiceAttempted += attempted ? 1 : 0;
                    phoneNumbers.add(number);
                    if (attempted) {
                        phoneNumbersAttempted.add(number);
                    }
                    break;
                default:
                    text++;
                    textAttempted += attemptedNotOptedOut ? 1 : 0;
                    phoneNumbers.add(number);
                    if (attemptedNotOptedOut) {
                        phoneNumbersAttempted.add(number);
                    }
                    break;
            }
        }
        Set<String> contacted = new HashSet<>();
        for (String[] occurrence : phoneOccurrences) {
            if (successful.contains(occurrence[1])) {
                contacted.add(occurrence[0]);
            }
        }
        Set<Integer> contactedEntries = new HashSet<>();
        for (int e = 0; e < entries.size(); e++) {
            if (contacted.contains(entries.get(e).person().id())) {
                contactedEntries.add(e);
            }
        }
        DeliveryTotals totals = new DeliveryTotals(persons.size(), persons.size() - personsWithDevice.size(), inbox,
                emails, emailsAttempted, voice, voiceAttempted, text, textAttempted, contacted.size(),
                persons.size() - contacted.size());
        return new Result(totals, phoneNumbers.size(), phoneNumbersAttempted.size(), duplicates, contactedEntries,
                first, last);
    }
}
