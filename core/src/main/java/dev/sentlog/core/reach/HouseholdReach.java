package dev.sentlog.core.reach;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.totals.SharedOutcomes;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Household reach (SPEC H4): the students for whom nobody was reached in a set of messages: no entry
 * concerning the student had a successful device (K3) in any of them, an address's success counting
 * for every occurrence of it (D3) and only devices on each message's delivery modes counting. Entries
 * without a student are not about a household and are left out. Grouped by school (the district or
 * school of the newest message concerning the student), students by name.
 *
 * @param schools            the schools with unreached students, by name
 * @param messagesConsidered how many messages were looked at
 * @param studentsConsidered how many distinct students those messages concerned
 */
public record HouseholdReach(List<SchoolReach> schools, int messagesConsidered, int studentsConsidered) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or a school is null
     */
    public HouseholdReach {
        schools = Checks.copyWithoutNulls(schools, "schools");
    }

    /** The number of unreached students over every school. */
    public int unreachedCount() {
        return schools.stream().mapToInt(s -> s.students().size()).sum();
    }

    /**
     * Reads the messages of the query from a store and computes household reach.
     *
     * @param store      the store
     * @param query      the range and kinds
     * @param schools    the schools the caller may see (T3); empty for all
     * @param zone       the district's zone, in which days begin
     * @param now        the instant scheduler-created messages are visible at (V2)
     * @param classifier the outcome classification
     * @return the household reach
     */
    public static HouseholdReach read(MessageStore store, ReachQuery query, Set<String> schools, ZoneId zone,
                                      Instant now, OutcomeClassifier classifier) {
        Checks.requireNonNull(store, "store");
        Checks.requireNonNull(query, "query");
        StoreQuery q = new StoreQuery(query.created().start(zone), query.created().endExclusive(zone), null, schools,
                now, Integer.MAX_VALUE);
        List<Message> messages = new ArrayList<>();
        for (MessageHeader h : store.search(q).newestFirst()) {
            if (query.kinds().contains(h.messageTypeKind())) {
                store.snapshot(h.id()).ifPresent(messages::add);
            }
        }
        return of(messages, classifier);
    }

    /**
     * Computes household reach over plain messages.
     *
     * @param messages   the messages, in any order
     * @param classifier the outcome classification (K3)
     * @return the household reach
     */
    public static HouseholdReach of(List<Message> messages, OutcomeClassifier classifier) {
        Checks.requireNonNull(messages, "messages");
        Checks.requireNonNull(classifier, "classifier");
        List<Message> newestFirst = new ArrayList<>(messages);
        newestFirst.sort(Comparator.comparing(Message::createdAt).reversed());
        Set<String> reached = new HashSet<>();
        Map<String, Candidate> students = new LinkedHashMap<>();
        for (Message m : newestFirst) {
            List<RecipientEntry> entries = m.recipients();
            SharedOutcomes shared = SharedOutcomes.of(entries, m.deliveryModes(), classifier);
            for (int e = 0; e < entries.size(); e++) {
                RecipientEntry entry = entries.get(e);
                if (entry.student().isEmpty()) {
                    continue;
                }
                Person student = entry.student().get();
                Candidate c = students.computeIfAbsent(student.id(), k -> new Candidate(student, m.districtOrSchool()));
                c.messages.add(m.id());
                c.add(entry, e, shared);
                if (shared.entryReached(e)) {
                    reached.add(student.id());
                }
            }
        }
        Map<String, List<UnreachedStudent>> bySchool = new TreeMap<>();
        for (Candidate c : students.values()) {
            if (!reached.contains(c.student.id())) {
                bySchool.computeIfAbsent(c.school, k -> new ArrayList<>()).add(c.toStudent());
            }
        }
        List<SchoolReach> schools = new ArrayList<>();
        bySchool.forEach((school, list) -> {
            list.sort(Comparator.comparing((UnreachedStudent u) -> u.student().name())
                    .thenComparing(u -> u.student().id()));
            schools.add(new SchoolReach(school, list));
        });
        return new HouseholdReach(schools, newestFirst.size(), students.size());
    }

    /** A student seen so far, with the persons and devices of their entries (newest message first). */
    private static final class Candidate {
        final Person student;
        final String school;
        final Set<String> messages = new LinkedHashSet<>();
        final Map<String, Person> persons = new LinkedHashMap<>();
        final Map<String, Map<String, Device>> devices = new LinkedHashMap<>();

        Candidate(Person student, String school) {
            this.student = student;
            this.school = school;
        }

        /** Adds an entry's person and devices, each device with the outcome its address shares (D3). */
        void add(RecipientEntry entry, int index, SharedOutcomes shared) {
            Person p = entry.person();
            persons.putIfAbsent(p.id(), p);
            Map<String, Device> own = devices.computeIfAbsent(p.id(), k -> new LinkedHashMap<>());
            for (int i = 0; i < entry.devices().size(); i++) {
                Device d = entry.devices().get(i);
                String key = Addresses.normalise(d.channel(), d.address());
                if (!key.isBlank() && !own.containsKey(d.channel() + " " + key)) {
                    Device shown = shared.shown(index, i);
                    own.put(d.channel() + " " + key, new Device(d.channel(), d.address(), shown.outcome(),
                            shown.confirmed(), shown.time().orElse(null)));
                }
            }
        }

        UnreachedStudent toStudent() {
            List<ReachContact> contacts = new ArrayList<>();
            persons.forEach((id, p) -> contacts.add(new ReachContact(p, new ArrayList<>(devices.get(id).values()))));
            return new UnreachedStudent(student, contacts, new ArrayList<>(messages));
        }
    }
}
