package dev.sentlog.core.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Household reach and the Delivery Summary agree on who was reached (SPEC H4, D4): for a phone-only
 * message in which each person has the same devices on each of their entries, a student is listed as
 * unreached exactly when no person of the student's entries is counted as contacted successfully by
 * phone.
 */
class ReachAgreesWithSummaryPropertiesTest {

    @Property(tries = 500)
    @Label("H4, D3, D4: the unreached students are exactly those whose entries' persons are all 'not contacted by "
            + "phone' in the Delivery Summary")
    void reachAgreesWithContactedByPhone(@ForAll("phoneMessages") Message message) {
        DeliveryAnalysis analysis = DeliveryAnalysis.of(message);
        Set<String> reachedBySummary = new HashSet<>();
        Set<String> students = new HashSet<>();
        for (int e = 0; e < message.recipients().size(); e++) {
            String student = message.recipients().get(e).student().orElseThrow().id();
            students.add(student);
            if (analysis.isContactedByPhone(e)) {
                reachedBySummary.add(student);
            }
        }

        HouseholdReach reach = HouseholdReach.of(List.of(message), OutcomeClassifier.standard());

        Set<String> unreached = new HashSet<>();
        reach.schools().forEach(s -> s.students().forEach(u -> unreached.add(u.student().id())));
        Set<String> expected = new HashSet<>(students);
        expected.removeAll(reachedBySummary);
        assertThat(unreached).isEqualTo(expected);
        assertThat(reach.studentsConsidered()).isEqualTo(students.size());
    }

    @Provide
    Arbitrary<Message> phoneMessages() {
        Arbitrary<List<List<Device>>> personDevices = Arbitraries.oneOf(
                MessageArbitraries.device(Channel.VOICE), MessageArbitraries.device(Channel.TEXT))
                .list().ofMaxSize(3).list().ofSize(6);
        Arbitrary<List<int[]>> pairs = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 7)).as((p, s) -> new int[] {p, s}).list().ofMinSize(1).ofMaxSize(15);
        Arbitrary<Set<Channel>> modes = Arbitraries.of(EnumSet.of(Channel.VOICE), EnumSet.of(Channel.TEXT),
                EnumSet.of(Channel.VOICE, Channel.TEXT));
        return Combinators.combine(personDevices, pairs, modes).as((devices, list, m) -> {
            List<RecipientEntry> entries = new ArrayList<>();
            for (int[] pair : list) {
                entries.add(RecipientEntry.of(Person.of("p-" + pair[0], "Parent, " + pair[0]),
                        Person.of("s-" + pair[1], "Student, " + pair[1]), devices.get(pair[0])));
            }
            return MessageArbitraries.sampleBuilder("m-1").status(MessageStatus.SENT).deliveryModes(m)
                    .recipients(entries).build();
        });
    }
}
