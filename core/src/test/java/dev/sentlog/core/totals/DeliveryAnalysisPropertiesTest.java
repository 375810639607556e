package dev.sentlog.core.totals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the Delivery Summary (SPEC D2-D7) over generated recipient lists. */
class DeliveryAnalysisPropertiesTest {

    private static final OutcomeClassifier K = OutcomeClassifier.standard();

    @Property
    @Label("D2-D6: the fast analysis agrees with the straightforward reference on totals, duplicates, contacts and times")
    void agreesWithReference(@ForAll("entries") List<RecipientEntry> entries, @ForAll("modes") Set<Channel> modes) {
        agreesWithReference(entries, modes, K);
    }

    @Property
    @Label("K3-K6, D2-D6: a host's classification, over known and unknown call status codes, is applied as the reference applies it")
    void hostClassificationAgreesWithReference(@ForAll("entries") List<RecipientEntry> entries,
                                               @ForAll("modes") Set<Channel> modes, @ForAll Random random) {
        // a pure classification unlike the standard one: by the code's remainder, by channel and confirmation
        OutcomeClass[] classes = OutcomeClass.values();
        OutcomeClassifier host = (channel, outcome, confirmed) -> outcome instanceof DeviceOutcome.Call c
                ? classes[Math.floorMod(c.code().code() + channel.ordinal() + (confirmed ? 1 : 0), classes.length)]
                : K.classify(channel, outcome, confirmed);
        List<RecipientEntry> recoded = new ArrayList<>();
        for (RecipientEntry e : entries) {
            List<Device> devices = new ArrayList<>();
            for (Device d : e.devices()) {
                devices.add(d.channel().isPhone() && random.nextBoolean()
                        ? new Device(d.channel(), d.address(), DeviceOutcome.call(random.nextInt(2001) - 1000),
                                d.confirmed(), d.time().orElse(null))
                        : d);
            }
            recoded.add(RecipientEntry.of(e.person(), e.student().orElse(null), devices));
        }
        agreesWithReference(recoded, modes, host);
    }

    private static void agreesWithReference(List<RecipientEntry> entries, Set<Channel> modes,
                                            OutcomeClassifier classifier) {
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, modes, classifier);
        ReferenceTotals.Result r = ReferenceTotals.compute(entries, modes, classifier);
        assertThat(a.totals()).isEqualTo(r.totals());
        assertThat(a.firstAttempt()).isEqualTo(Optional.ofNullable(r.firstAttempt()));
        assertThat(a.lastFinalOutcome()).isEqualTo(Optional.ofNullable(r.lastFinalOutcome()));
        assertThat(a.totalVoiceText()).isEqualTo(r.voiceText());
        assertThat(a.totalVoiceTextAttempted()).isEqualTo(r.voiceTextAttempted());
        Set<List<Integer>> duplicates = new HashSet<>();
        Set<Integer> contacted = new HashSet<>();
        for (int e = 0; e < entries.size(); e++) {
            for (int d = 0; d < entries.get(e).devices().size(); d++) {
                if (a.isDuplicate(e, d)) {
                    duplicates.add(List.of(e, d));
                }
            }
            if (a.isContactedByPhone(e)) {
                contacted.add(e);
            }
        }
        assertThat(duplicates).isEqualTo(r.duplicates());
        assertThat(contacted).isEqualTo(r.contactedEntries());
    }

    @Property(tries = 60)
    @Label("D2-D5: the fast analysis agrees with the reference on long lists whose tables grow")
    void agreesWithReferenceOnLongLists(@ForAll("longEntries") List<RecipientEntry> entries,
                                        @ForAll("modes") Set<Channel> modes) {
        agreesWithReference(entries, modes);
    }

    @Property(tries = 12)
    @Label("D4: persons listed again far apart, and by other Person objects, are counted once in lists of many thousand entries")
    void agreesWithReferenceOnManyPersons(@ForAll Random random, @ForAll @IntRange(min = 1, max = 20) int spread) {
        // enough runs of entries for the person numbering to partition them, with ids repeated out of order
        List<RecipientEntry> entries = new ArrayList<>();
        List<Device> pool = MessageArbitraries.device().list().ofSize(64).sample();
        int ids = 2_000 + random.nextInt(8_000);
        for (int e = 0; e < 30_000; e++) {
            int id = random.nextInt(ids);
            Person person = Person.of("p-" + id, "Parent, " + id);
            List<Device> devices = new ArrayList<>();
            for (int d = random.nextInt(3); d > 0; d--) {
                devices.add(pool.get((id * spread + random.nextInt(4)) % pool.size()));
            }
            for (int copies = random.nextInt(3); copies >= 0; copies--) {
                entries.add(RecipientEntry.of(person, Person.of("s-" + copies, "Student"), devices));
            }
        }
        agreesWithReference(entries, EnumSet.allOf(Channel.class), K);
    }

    @Property
    @Label("D2-D5: a guardian listed once per student (the same devices repeated in the next entry) agrees with the reference")
    void agreesWithReferenceOnRepeatedEntries(@ForAll("entries") List<RecipientEntry> entries,
                                              @ForAll("modes") Set<Channel> modes, @ForAll Random random) {
        List<RecipientEntry> repeated = new ArrayList<>();
        for (RecipientEntry e : entries) {
            repeated.add(e);
            for (int copies = random.nextInt(3); copies > 0; copies--) {
                List<Device> devices = new ArrayList<>(e.devices());
                if (!devices.isEmpty() && random.nextBoolean()) {
                    // the same addresses as equal, not identical, strings; sometimes a changed outcome
                    int d = random.nextInt(devices.size());
                    Device x = devices.get(d);
                    devices.set(d, new Device(x.channel(), new String(x.address().toCharArray()),
                            random.nextBoolean() ? x.outcome() : MessageArbitraries.outcome(x.channel()).sample(),
                            x.confirmed(), x.time().orElse(null)));
                }
                repeated.add(RecipientEntry.of(e.person(), Person.of("s-" + copies, "Student, " + copies), devices));
            }
        }
        agreesWithReference(repeated, modes);
    }

    @Property
    @Label("D7: every attempted total <= its total; contacted + not contacted = recipients; no device <= recipients")
    void d7Invariants(@ForAll("entries") List<RecipientEntry> entries, @ForAll("modes") Set<Channel> modes) {
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, modes, K);
        DeliveryTotals t = a.totals();
        assertThat(t.totalEmailsAttempted()).isLessThanOrEqualTo(t.totalEmails());
        assertThat(t.totalVoiceAttempted()).isLessThanOrEqualTo(t.totalVoice());
        assertThat(t.totalTextAttempted()).isLessThanOrEqualTo(t.totalText());
        assertThat(a.totalVoiceTextAttempted()).isLessThanOrEqualTo(a.totalVoiceText());
        assertThat(a.totalVoiceText()).isLessThanOrEqualTo(t.totalVoice() + t.totalText());
        assertThat(t.contactedByPhone() + t.notContactedByPhone()).isEqualTo(t.totalRecipients());
        assertThat(t.totalNoDevice()).isBetween(0, t.totalRecipients());
        assertThat(t.contactedByPhone()).isLessThanOrEqualTo(t.totalRecipients() - t.totalNoDevice());
    }

    @Property
    @Label("D7: totals do not depend on the order of recipients; order only decides which occurrence is marked")
    void d7OrderIndependent(@ForAll("entries") List<RecipientEntry> entries, @ForAll("modes") Set<Channel> modes,
                            @ForAll Random random) {
        List<RecipientEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, random);
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, modes, K);
        DeliveryAnalysis b = DeliveryAnalysis.of(shuffled, modes, K);
        assertThat(b.totals()).isEqualTo(a.totals());
        assertThat(b.totalVoiceText()).isEqualTo(a.totalVoiceText());
        assertThat(b.totalVoiceTextAttempted()).isEqualTo(a.totalVoiceTextAttempted());
        assertThat(duplicateCount(b, shuffled)).isEqualTo(duplicateCount(a, entries));
    }

    @Property
    @Label("D7: another occurrence, for a person already listed, of an address already present with the same outcome changes no total")
    void d7RepeatedOccurrenceChangesNothing(@ForAll("entries") List<RecipientEntry> entries,
                                            @ForAll("modes") Set<Channel> modes,
                                            @ForAll @IntRange(min = 0, max = 1000) int pick,
                                            @ForAll @IntRange(min = 0, max = 6) int format,
                                            @ForAll boolean asNewEntry) {
        List<int[]> devices = allDevices(entries);
        if (devices.isEmpty()) {
            return;
        }
        int[] at = devices.get(pick % devices.size());
        RecipientEntry owner = entries.get(at[0]);
        Device original = owner.devices().get(at[1]);
        Device again = new Device(original.channel(), reformat(original), original.outcome(), original.confirmed(),
                original.time().orElse(null));
        List<RecipientEntry> grown = new ArrayList<>(entries);
        if (asNewEntry) {
            grown.add(RecipientEntry.of(owner.person(), Person.of("s-new", "Student, New"), List.of(again)));
        } else {
            List<Device> more = new ArrayList<>(owner.devices());
            more.add(again);
            grown.set(at[0], RecipientEntry.of(owner.person(), owner.student().orElse(null), more));
        }
        assertThat(DeliveryAnalysis.of(grown, modes, K).totals()).isEqualTo(DeliveryAnalysis.of(entries, modes, K).totals());
    }

    @Property
    @Label("D7: a shared address added for a new person changes only recipients, no device and the contacted lines")
    void d7SharedAddressForNewPerson(@ForAll("entries") List<RecipientEntry> entries,
                                     @ForAll("modes") Set<Channel> modes,
                                     @ForAll @IntRange(min = 0, max = 1000) int pick) {
        List<int[]> devices = allDevices(entries);
        if (devices.isEmpty()) {
            return;
        }
        int[] at = devices.get(pick % devices.size());
        Device original = entries.get(at[0]).devices().get(at[1]);
        List<RecipientEntry> grown = new ArrayList<>(entries);
        grown.add(RecipientEntry.of(Person.of("p-new", "Parent, New"), null, List.of(original)));
        DeliveryTotals before = DeliveryAnalysis.of(entries, modes, K).totals();
        DeliveryTotals after = DeliveryAnalysis.of(grown, modes, K).totals();
        assertThat(after.totalInbox()).isEqualTo(before.totalInbox());
        assertThat(after.totalEmails()).isEqualTo(before.totalEmails());
        assertThat(after.totalEmailsAttempted()).isEqualTo(before.totalEmailsAttempted());
        assertThat(after.totalVoice()).isEqualTo(before.totalVoice());
        assertThat(after.totalVoiceAttempted()).isEqualTo(before.totalVoiceAttempted());
        assertThat(after.totalText()).isEqualTo(before.totalText());
        assertThat(after.totalTextAttempted()).isEqualTo(before.totalTextAttempted());
        assertThat(after.totalRecipients()).isEqualTo(before.totalRecipients() + 1);
    }

    @Property
    @Label("D1/D2: two devices on one channel are duplicates exactly when their normalised addresses are equal and not blank")
    void d1FastKeysAgreeWithNormalisation(@ForAll("channel") Channel channel, @ForAll("address") String a,
                                          @ForAll("address") String b) {
        Device first = Device.of(channel, a, DeviceStatus.PENDING);
        Device second = Device.of(channel, b, DeviceStatus.PENDING);
        DeliveryAnalysis analysis = DeliveryAnalysis.of(
                List.of(RecipientEntry.of(Person.of("p", "P"), null, List.of(first, second))), EnumSet.of(channel), K);
        String na = Addresses.normalise(channel, a);
        String nb = Addresses.normalise(channel, b);
        assertThat(analysis.isDuplicate(0, 1)).as("'%s' vs '%s'", a, b).isEqualTo(!na.isBlank() && na.equals(nb));
    }

    @Property
    @Label("D1/D2: an address repeated by the next entry at the same place is a duplicate exactly when it is not blank")
    void d2RepeatedInNextEntry(@ForAll("channel") Channel channel, @ForAll("address") String a,
                               @ForAll("address") String b) {
        // the second entry repeats the first entry's address as an equal, not identical, string
        List<RecipientEntry> entries = List.of(
                RecipientEntry.of(Person.of("p", "P"), null, List.of(Device.of(channel, a, DeviceStatus.SENT),
                        Device.of(channel, b, DeviceStatus.PENDING))),
                RecipientEntry.of(Person.of("p", "P"), null, List.of(
                        Device.of(channel, new String(a.toCharArray()), DeviceStatus.FAILED),
                        Device.of(channel, new String(b.toCharArray()), DeviceStatus.PENDING))));
        DeliveryAnalysis analysis = DeliveryAnalysis.of(entries, EnumSet.of(channel), K);
        assertThat(analysis.isDuplicate(1, 0)).as("'%s'", a).isEqualTo(!Addresses.normalise(channel, a).isBlank());
        assertThat(analysis.isDuplicate(1, 1)).as("'%s'", b).isEqualTo(!Addresses.normalise(channel, b).isBlank());
        assertThat(analysis.totals()).isEqualTo(ReferenceTotals.compute(entries, EnumSet.of(channel), K).totals());
    }

    private static int duplicateCount(DeliveryAnalysis a, List<RecipientEntry> entries) {
        int n = 0;
        for (int e = 0; e < entries.size(); e++) {
            for (int d = 0; d < entries.get(e).devices().size(); d++) {
                n += a.isDuplicate(e, d) ? 1 : 0;
            }
        }
        return n;
    }

    private static List<int[]> allDevices(List<RecipientEntry> entries) {
        List<int[]> all = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (int d = 0; d < entries.get(e).devices().size(); d++) {
                all.add(new int[] {e, d});
            }
        }
        return all;
    }

    private static String reformat(Device d) {
        switch (d.channel()) {
            case EMAIL:
                return " " + d.address().strip().toUpperCase(java.util.Locale.ROOT) + " ";
            case VOICE:
            case TEXT: {
                String n = Addresses.phone(d.address());
                return n.isEmpty() ? d.address() : "+1 " + n.replace("x", " ext. ");
            }
            default:
                return d.address();
        }
    }

    @Provide
    Arbitrary<List<RecipientEntry>> entries() {
        return MessageArbitraries.entries(30);
    }

    @Provide
    Arbitrary<List<RecipientEntry>> longEntries() {
        return MessageArbitraries.wideEntries(600, 800, 12);
    }

    @Provide
    Arbitrary<Set<Channel>> modes() {
        return MessageArbitraries.modes();
    }

    @Provide
    Arbitrary<Channel> channel() {
        return Arbitraries.of(Channel.values());
    }

    @Provide
    Arbitrary<String> address() {
        return Arbitraries.oneOf(
                MessageArbitraries.phoneAddress(),
                MessageArbitraries.emailAddress(),
                MessageArbitraries.inboxAddress(),
                Arbitraries.strings().withChars("aAxX1 0.-@\u0130\u212A\u00C9\u00E9\u2003\t").ofMaxLength(8),
                Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(24),
                // extensions with no main number, or too long to pack
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).map(x -> "x" + x),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).map(x -> "555 123 4567 ext. " + x),
                Arbitraries.strings().all().ofMaxLength(6));
    }
}
