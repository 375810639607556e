package dev.sentlog.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The contact ledger kept as reports arrive equals a from-scratch recomputation over the stored
 * history (SPEC H3), after any sequence of reports on messages sharing addresses, in any order and
 * with any times.
 */
class ContactsLedgerPropertiesTest {

    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();
    /** A small pool of addresses, written differently, so that messages share them (D1). */
    private static final List<Device> POOL = List.of(
            Device.of(Channel.VOICE, "555-000-0001", DeviceStatus.PENDING),
            Device.of(Channel.VOICE, "(555) 000-0001", DeviceStatus.PENDING),
            Device.of(Channel.VOICE, "555 000 0002", DeviceStatus.PENDING),
            Device.of(Channel.TEXT, "5550000001", DeviceStatus.PENDING),
            Device.of(Channel.TEXT, "1-555-000-0003", DeviceStatus.PENDING),
            Device.of(Channel.EMAIL, "ann@nomail.com", DeviceStatus.PENDING),
            Device.of(Channel.EMAIL, " ANN@nomail.com", DeviceStatus.PENDING),
            Device.of(Channel.EMAIL, "bob@nomail.com", DeviceStatus.PENDING));
    private static final List<DeviceOutcome> PHONE = List.of(DeviceOutcome.call(3), DeviceOutcome.call(-2),
            DeviceOutcome.call(-7), DeviceOutcome.call(7), DeviceOutcome.call(-23), DeviceOutcome.call(5), DeviceOutcome.call(-3),
            DeviceOutcome.call(1), DeviceOutcome.call(0), DeviceOutcome.call(-3), DeviceOutcome.call(17),
            DeviceOutcome.of(DeviceStatus.IN_PROGRESS), DeviceOutcome.call(3), DeviceOutcome.call(-2));
    private static final List<DeviceOutcome> TEXT_ONLY = List.of(DeviceOutcome.call(-33), DeviceOutcome.call(-28),
            DeviceOutcome.call(-30), DeviceOutcome.of(DeviceStatus.OPTED_OUT), DeviceOutcome.call(-39));
    private static final List<DeviceOutcome> EMAIL = List.of(DeviceOutcome.of(DeviceStatus.SENT),
            DeviceOutcome.of(DeviceStatus.FAILED), DeviceOutcome.of(DeviceStatus.FAILED),
            DeviceOutcome.of(DeviceStatus.IN_PROGRESS));

    /** One report: message, device and outcome chosen by index, the time's offset, then a clock step. */
    record Step(int message, int device, int outcome, int offsetSeconds, int advanceSeconds) {
    }

    record Scenario(int k, List<List<List<Integer>>> messages, List<String> schools, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Integer>> entry = Arbitraries.integers().between(0, POOL.size() - 1).list().ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<List<List<Integer>>> message = entry.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-600, 600), Arbitraries.integers().between(0, 900)).as(Step::new);
        return Combinators.combine(Arbitraries.integers().between(1, 3), message.list().ofMinSize(1).ofMaxSize(5),
                Arbitraries.of(TestMessages.HARRISON, TestMessages.LINCOLN).list().ofSize(5),
                step.list().ofMaxSize(40)).as(Scenario::new);
    }

    @Property(tries = 200)
    @Label("H3: the contacts to fix and the do-not-contact list kept as reports arrive equal a recomputation from "
            + "the stored messages")
    void ledgerEqualsRecomputation(@ForAll("scenarios") Scenario s) {
        check(s);
        Statistics.label("some contact to fix").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("some do not contact").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    /** Runs a scenario on a harness of {@link LogHarness#stores} and compares. */
    static void check(Scenario s) {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.contactsToFixAfter(s.k()))) {
            List<String> ids = new ArrayList<>();
            Map<String, String> jobs = new HashMap<>();
            for (int m = 0; m < s.messages().size(); m++) {
                String id = "m-" + m;
                List<RecipientEntry> entries = new ArrayList<>();
                int e = 0;
                for (List<Integer> devices : s.messages().get(m)) {
                    List<Device> list = new ArrayList<>();
                    for (int d : devices) {
                        list.add(POOL.get(d));
                    }
                    entries.add(RecipientEntry.of(Person.of("p-" + (e++ % 2), "P, P"), null, list));
                }
                h.log.record(TestMessages.message(id).createdAt(h.clock.instant()).scheduledAt(h.clock.instant())
                        .districtOrSchool(s.schools().get(m)).recipients(entries).build());
                ids.add(id);
                int jobNo = m;
                jobs.put(id, h.provider.submittedJobs.get(jobNo));
            }
            for (Step st : s.steps()) {
                String id = ids.get(st.message() % ids.size());
                String job = jobs.get(id);
                List<String> devices = h.provider.deviceIds(job);
                String deviceId = devices.get(st.device() % devices.size());
                Channel channel = h.provider.batches.get(job).deliveries().get(st.device() % devices.size())
                        .channel();
                List<DeviceOutcome> outcomes = new ArrayList<>(channel == Channel.EMAIL ? EMAIL : PHONE);
                if (channel == Channel.TEXT) {
                    outcomes.addAll(TEXT_ONLY);
                }
                DeviceOutcome o = outcomes.get(st.outcome() % outcomes.size());
                if (channel == Channel.VOICE && o.equals(DeviceOutcome.call(-3)) && st.outcome() % 2 == 0) {
                    o = DeviceOutcome.call(6);
                }
                DeviceReport r = h.provider.reach(job, deviceId, o, false, h.clock.instant()
                        .plusSeconds(st.offsetSeconds()));
                if (r != null) {
                    h.log.acceptReports("sim", job, List.of(r));
                }
                h.clock.advance(Duration.ofSeconds(st.advanceSeconds()));
            }
            List<Message> stored = new ArrayList<>();
            for (String id : ids) {
                stored.add(h.snapshot(id));
            }
            ContactLists lists = h.log.contacts(TestMessages.admin());
            assertThat(describe(lists)).isEqualTo(recompute(stored, s.k()));
            Statistics.label("some contact to fix").collect(!lists.toFix().isEmpty());
            Statistics.label("some do not contact").collect(!lists.doNotContact().isEmpty());
        }
    }

    private static List<String> describe(ContactLists lists) {
        List<String> out = new ArrayList<>();
        for (ContactToFix c : lists.toFix()) {
            List<String> evidence = new ArrayList<>();
            for (Evidence e : c.evidence()) {
                evidence.add(e.messageId() + "@" + e.at());
            }
            out.add("fix " + c.channel() + ":" + c.address() + " since " + c.since() + " " + evidence + " "
                    + c.persons() + " " + c.schools());
        }
        for (DoNotContact d : lists.doNotContact()) {
            out.add("dnc " + d.channel() + ":" + d.address());
        }
        return out;
    }

    private record Fact(String messageId, String kind, Instant at, String person, String school) {
    }

    /** The lists from scratch: every final attempted outcome of every stored device, read again. */
    private static List<String> recompute(List<Message> messages, int k) {
        Map<String, List<Fact>> byAddress = new TreeMap<>();
        for (Message m : messages) {
            for (RecipientEntry e : m.recipients()) {
                for (Device d : e.devices()) {
                    String address = Addresses.normalise(d.channel(), d.address());
                    OutcomeClass c = STANDARD.classify(d.channel(), d.outcome(), d.confirmed());
                    if (address.isBlank() || d.time().isEmpty() || !c.isFinal() || c == OutcomeClass.CANCELED) {
                        continue;
                    }
                    int code = d.outcome() instanceof DeviceOutcome.Call call ? call.code().code() : 999;
                    String kind;
                    if (c == OutcomeClass.OPTED_OUT || code == CallStatusCode.SMS_OPT_OUT || code == -3) {
                        kind = "dnc";
                    } else if (c == OutcomeClass.SUCCESS) {
                        kind = "success";
                    } else if (Set.of(3, -2, -7, 7, -23).contains(code)
                            || d.channel() == Channel.EMAIL && d.outcome().equals(DeviceOutcome.of(DeviceStatus.FAILED))) {
                        kind = "wrong";
                    } else {
                        kind = "other";
                    }
                    // sorted by channel order, then address, as the lists are
                    byAddress.computeIfAbsent(d.channel().ordinal() + " " + d.channel() + ":" + address,
                            x -> new ArrayList<>()).add(new Fact(m.id(), kind, d.time().get(), e.person().id(),
                            m.districtOrSchool()));
                }
            }
        }
        List<String> fix = new ArrayList<>();
        List<String> dnc = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> a : byAddress.entrySet()) {
            String name = a.getKey().substring(a.getKey().indexOf(' ') + 1);
            Map<String, Fact> perMessage = new HashMap<>();
            for (Fact f : a.getValue()) {
                if (f.kind().equals("dnc")) {
                    continue;
                }
                perMessage.merge(f.messageId(), f, (x, y) -> {
                    String kind = x.kind().equals("success") || y.kind().equals("success") ? "success"
                            : x.kind().equals("other") || y.kind().equals("other") ? "other" : "wrong";
                    Instant at = x.at().isAfter(y.at()) ? x.at() : y.at();
                    return new Fact(x.messageId(), kind, at, x.person(), x.school());
                });
            }
            List<Fact> attempts = new ArrayList<>(perMessage.values());
            attempts.sort(Comparator.comparing(Fact::at).thenComparing(Fact::messageId).reversed());
            int streak = 0;
            while (streak < attempts.size() && attempts.get(streak).kind().equals("wrong")) {
                streak++;
            }
            boolean doNotContact = a.getValue().stream().anyMatch(f -> f.kind().equals("dnc"));
            // an address marked "do not contact" is listed apart, never as an error to fix (H3)
            if (streak >= k && !doNotContact) {
                List<String> evidence = new ArrayList<>();
                for (Fact f : attempts.subList(0, streak)) {
                    evidence.add(f.messageId() + "@" + f.at());
                }
                Set<String> persons = new TreeSet<>();
                Set<String> schools = new TreeSet<>();
                for (Fact f : a.getValue()) {
                    persons.add(f.person());
                    schools.add(f.school());
                }
                fix.add("fix " + name + " since " + attempts.get(streak - 1).at() + " " + evidence + " "
                        + new ArrayList<>(persons) + " " + new ArrayList<>(schools));
            }
            if (doNotContact) {
                dnc.add("dnc " + name);
            }
        }
        fix.addAll(dnc);
        return fix;
    }
}
