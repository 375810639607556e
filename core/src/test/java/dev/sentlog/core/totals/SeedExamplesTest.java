package dev.sentlog.core.totals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worked cases of the source document, as example tests. */
class SeedExamplesTest {

    private static final Instant T0 = Instant.parse("2019-12-02T14:54:00Z");

    private static Device voice(String number, int code) {
        return new Device(Channel.VOICE, number, DeviceOutcome.call(code), false, T0);
    }

    /** Two guardians of one student sharing one phone number, spelled two ways, both reached. */
    private static Message sharedPhoneMessage() {
        return MessageArbitraries.sampleBuilder("m-1").status(MessageStatus.SENT)
                .deliveryModes(Channel.VOICE)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-1", "Student, Calvin"),
                                List.of(voice("(555) 123-4567", 5))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Tad"), Person.of("s-1", "Student, Calvin"),
                                List.of(voice("555.123.4567", 5)))))
                .build();
    }

    /** A text number opted out on one occurrence and delivered on another; one opted out on both. */
    private static Message optOutPerOccurrenceMessage() {
        return MessageArbitraries.sampleBuilder("m-6b").status(MessageStatus.SENT)
                .deliveryModes(Channel.VOICE, Channel.TEXT).textMessagingEnabled(true)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "A"), null, List.of(
                                Device.of(Channel.TEXT, "555-123-4567", DeviceStatus.OPTED_OUT))),
                        RecipientEntry.of(Person.of("p-2", "B"), null, List.of(
                                new Device(Channel.TEXT, "(555) 123-4567", DeviceOutcome.call(-28), false, null))),
                        RecipientEntry.of(Person.of("p-3", "C"), null, List.of(
                                new Device(Channel.TEXT, "555-000-1111", DeviceOutcome.call(-33), false, null),
                                new Device(Channel.TEXT, "555-000-1111", DeviceOutcome.of(DeviceStatus.OPTED_OUT),
                                        false, null)))))
                .build();
    }

    /** One person with a number on both Voice and Text, an opted-out text number and a pending call. */
    private static Message combinedVoiceTextMessage() {
        return MessageArbitraries.sampleBuilder("m-7").status(MessageStatus.SENT)
                .deliveryModes(Channel.VOICE, Channel.TEXT).textMessagingEnabled(true)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "A"), null, List.of(
                        voice("555-123-4567", 5),
                        new Device(Channel.TEXT, "(555) 123-4567", DeviceOutcome.call(-27), false, null),
                        new Device(Channel.TEXT, "555-000-1111", DeviceOutcome.of(DeviceStatus.OPTED_OUT), false, null),
                        Device.of(Channel.VOICE, "555-222-3333", DeviceStatus.PENDING)))))
                .build();
    }

    @Test
    @DisplayName("D3/D4: two guardians sharing one phone count once in Total Voice and both as contacted")
    void sharedPhone() {
        Message m = sharedPhoneMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().totalVoice()).isEqualTo(1);
        assertThat(a.totals().totalVoiceAttempted()).isEqualTo(1);
        assertThat(a.totals().totalRecipients()).isEqualTo(2);
        assertThat(a.totals().contactedByPhone()).isEqualTo(2);
        assertThat(a.totals().notContactedByPhone()).isZero();
        assertThat(a.isDuplicate(0, 0)).isFalse();
        assertThat(a.isDuplicate(1, 0)).isTrue();
    }

    @Test
    @DisplayName("D3: the shared number's outcome is the address's: a pending duplicate of a reached number counts as contacted")
    void sharedOutcome() {
        Message m = MessageArbitraries.sampleBuilder("m-2").status(MessageStatus.IN_PROGRESS)
                .deliveryModes(Channel.VOICE)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null,
                                List.of(Device.of(Channel.VOICE, "555-123-4567", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Tad"), null, List.of(voice("5551234567", 6)))))
                .build();
        DeliveryTotals t = DeliveryTotals.of(m);
        assertThat(t.totalVoice()).isEqualTo(1);
        assertThat(t.totalVoiceAttempted()).isEqualTo(1);
        assertThat(t.contactedByPhone()).isEqualTo(2);
    }

    @Test
    @DisplayName("D2: a guardian with three students: one email counted once, the other two marked duplicate")
    void guardianWithThreeStudents() {
        List<RecipientEntry> entries = new ArrayList<>();
        for (String student : List.of("Calvin", "Karen", "Lauren")) {
            entries.add(RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-" + student, "Student, " + student),
                    List.of(Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.SENT))));
        }
        Message m = MessageArbitraries.sampleBuilder("m-3").status(MessageStatus.SENT)
                .deliveryModes(Channel.EMAIL).recipients(entries).build();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().totalRecipients()).isEqualTo(1);
        assertThat(a.totals().totalEmails()).isEqualTo(1);
        assertThat(a.totals().totalEmailsAttempted()).isEqualTo(1);
        assertThat(a.isDuplicate(0, 0)).isFalse();
        assertThat(a.isDuplicate(1, 0)).isTrue();
        assertThat(a.isDuplicate(2, 0)).isTrue();
    }

    @Test
    @DisplayName("D4: the seed's printed report: 127 recipients, 34 without a device, 93 inboxes, 3 emails, nobody contacted by phone")
    void seedPrintedReport() {
        List<RecipientEntry> entries = new ArrayList<>();
        String[] withEmail = {"heather@nomail.com", "tad@nomail.com", "kris@nomail.com"};
        for (int i = 0; i < 93; i++) {
            List<Device> devices = new ArrayList<>();
            devices.add(new Device(Channel.INBOX, "portal-" + i, DeviceOutcome.of(DeviceStatus.SENT), false, T0));
            if (i < withEmail.length) {
                devices.add(Device.of(Channel.EMAIL, withEmail[i], DeviceStatus.IN_PROGRESS));
            }
            entries.add(RecipientEntry.of(Person.of("p-" + i, "Parent, " + i), Person.of("s-" + i, "Student, " + i), devices));
        }
        for (int i = 93; i < 127; i++) {
            entries.add(RecipientEntry.of(Person.of("p-" + i, "Parent, " + i), null, List.of()));
        }
        Message m = MessageArbitraries.sampleBuilder("m-4").status(MessageStatus.IN_PROGRESS)
                .deliveryModes(Channel.INBOX, Channel.EMAIL).startedAt(T0).recipients(entries).build();
        DeliverySummary s = DeliverySummary.of(m);
        assertThat(s.totals()).isEqualTo(new DeliveryTotals(127, 34, 93, 3, 3, 0, 0, 0, 0, 0, 127));
        assertThat(s.startedAt()).contains(T0);
        assertThat(s.endedAt()).contains(T0);
        assertThat(s.durationMinutes()).hasValue(0);
    }

    @Test
    @DisplayName("D4: the on-screen Delivery Summary example: 6 recipients, 4 without a device, 2 inboxes, 2 emails attempted")
    void seedScreenSummary() {
        List<RecipientEntry> entries = new ArrayList<>();
        entries.add(RecipientEntry.of(Person.of("a", "A, A"), null, List.of(
                Device.of(Channel.INBOX, "a.portal", DeviceStatus.SENT),
                Device.of(Channel.EMAIL, "a@nomail.com", DeviceStatus.SENT))));
        entries.add(RecipientEntry.of(Person.of("b", "B, B"), null, List.of(
                Device.of(Channel.INBOX, "b.portal", DeviceStatus.SENT),
                Device.of(Channel.EMAIL, "b@nomail.com", DeviceStatus.FAILED),
                Device.of(Channel.VOICE, "555-000-1111", DeviceStatus.SENT)))); // Voice is not a mode: ignored
        for (String id : List.of("c", "d", "e", "f")) {
            entries.add(RecipientEntry.of(Person.of(id, id), null, List.of(Device.of(Channel.EMAIL, " ", DeviceStatus.PENDING))));
        }
        DeliveryTotals t = DeliveryAnalysis.of(entries, java.util.EnumSet.of(Channel.INBOX, Channel.EMAIL),
                dev.sentlog.spi.OutcomeClassifier.standard()).totals();
        assertThat(t.totalRecipients()).isEqualTo(6);
        assertThat(t.totalNoDevice()).isEqualTo(4);
        assertThat(t.totalInbox()).isEqualTo(2);
        assertThat(t.totalEmails()).isEqualTo(2);
        assertThat(t.totalEmailsAttempted()).isEqualTo(2);
        assertThat(t.totalVoice()).isZero();
    }

    @Test
    @DisplayName("K3/R3: a recipient who confirms by pressing 0 is contacted, whatever the call's code; canceled follow-ups are not attempted")
    void pressedZero() {
        Message m = MessageArbitraries.sampleBuilder("m-5").status(MessageStatus.SENT)
                .deliveryModes(Channel.VOICE, Channel.TEXT)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null, List.of(
                        new Device(Channel.VOICE, "555-123-4567", DeviceOutcome.call(0), true, T0),
                        Device.of(Channel.VOICE, "555-987-6543", DeviceStatus.CANCELED),
                        Device.of(Channel.TEXT, "555-123-4567", DeviceStatus.CANCELED)))))
                .build();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().contactedByPhone()).isEqualTo(1);
        assertThat(a.totals().totalVoice()).isEqualTo(2);
        assertThat(a.totals().totalVoiceAttempted()).isEqualTo(1);
        assertThat(a.totals().totalText()).isEqualTo(1);
        assertThat(a.totals().totalTextAttempted()).isZero();
        assertThat(a.isContactedByPhone(0)).isTrue();
    }

    @Test
    @DisplayName("D4/K5: opt-outs count in Total Text but not in Total Text Messages Attempted")
    void optOuts() {
        Message m = MessageArbitraries.sampleBuilder("m-6").status(MessageStatus.SENT)
                .deliveryModes(Channel.TEXT).textMessagingEnabled(true)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "A"), null, List.of(Device.of(Channel.TEXT, "555-123-4567", DeviceStatus.OPTED_OUT))),
                        RecipientEntry.of(Person.of("p-2", "B"), null, List.of(new Device(Channel.TEXT, "555-000-1111", DeviceOutcome.call(-33), false, null))),
                        RecipientEntry.of(Person.of("p-3", "C"), null, List.of(new Device(Channel.TEXT, "555-222-3333", DeviceOutcome.call(-28), false, null)))))
                .build();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().totalText()).isEqualTo(3);
        assertThat(a.totals().totalTextAttempted()).isEqualTo(1);
        assertThat(a.totals().contactedByPhone()).isEqualTo(1);
        assertThat(a.totals().notContactedByPhone()).isEqualTo(2);
    }

    @Test
    @DisplayName("D3/D4: a text number opted out on one occurrence and delivered on another counts as attempted")
    void d3OptOutIsReadPerOccurrence() {
        Message m = optOutPerOccurrenceMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().totalText()).isEqualTo(2);
        assertThat(a.totals().totalTextAttempted())
                .as("555-123-4567 counts (one occurrence delivered); 555-000-1111 is opted out on every occurrence")
                .isEqualTo(1);
        assertThat(a.totalVoiceText()).isEqualTo(2);
        assertThat(a.totalVoiceTextAttempted()).as("D5 reads D3 the same way").isEqualTo(1);
        assertThat(a.totals().contactedByPhone()).isEqualTo(2);
        assertThat(a.isDuplicate(1, 0)).isTrue();
    }

    @Test
    @DisplayName("D5: the combined Voice/Text figures count distinct numbers over both channels")
    void combinedVoiceText() {
        Message m = combinedVoiceTextMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        assertThat(a.totals().totalVoice()).isEqualTo(2);
        assertThat(a.totals().totalText()).isEqualTo(2);
        assertThat(a.totalVoiceText()).isEqualTo(3);
        assertThat(a.totalVoiceTextAttempted()).isEqualTo(1);
        assertThat(a.isDuplicate(0, 1)).as("D2: Voice and Text are separate channels").isFalse();
    }

    @Test
    @DisplayName("D6: start is the first attempt, end the last final outcome, duration in whole minutes")
    void d6Times() {
        Instant t1 = Instant.parse("2020-01-07T13:30:00Z");
        Message m = MessageArbitraries.sampleBuilder("m-8").status(MessageStatus.SENT)
                .deliveryModes(Channel.EMAIL, Channel.VOICE)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "A"), null, List.of(
                        new Device(Channel.EMAIL, "a@x.org", DeviceOutcome.of(DeviceStatus.SENT), false, t1.plusSeconds(30)),
                        new Device(Channel.VOICE, "555-123-4567", DeviceOutcome.call(17), false, t1),
                        new Device(Channel.VOICE, "555-000-1111", DeviceOutcome.call(1), false, t1.plusSeconds(719)),
                        new Device(Channel.VOICE, "555-999-1111", DeviceOutcome.of(DeviceStatus.CANCELED), false, t1.plusSeconds(3600))))))
                .build();
        DeliverySummary s = DeliverySummary.of(m);
        assertThat(s.startedAt()).contains(t1);
        assertThat(s.endedAt()).contains(t1.plusSeconds(719));
        assertThat(s.durationMinutes()).hasValue(11);
        Message notStarted = m.toBuilder().recipients(List.of(RecipientEntry.of(Person.of("p", "P"), null,
                List.of(Device.of(Channel.EMAIL, "a@x.org", DeviceStatus.PENDING))))).build();
        assertThat(DeliverySummary.of(notStarted).durationMinutes()).isEmpty();
    }

    // ---- E1: the same worked cases, explained figure by figure ----

    private static List<String> addresses(FigureExplanation x) {
        return x.items().stream().map(i -> ((CountedItem.Address) i).address()).toList();
    }

    private static List<String> personIds(FigureExplanation x) {
        return x.items().stream().map(i -> ((CountedItem.Recipient) i).person().id()).toList();
    }

    @Test
    @DisplayName("E1/D2: Total Voice of the shared phone is one number with both guardians' devices, the second marked duplicate")
    void e1SharedPhoneExplained() {
        Message m = sharedPhoneMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        FigureExplanation voice = a.explain(Figure.TOTAL_VOICE);
        assertThat(voice.count()).isEqualTo(1);
        CountedItem.Address number = (CountedItem.Address) voice.items().get(0);
        assertThat(number.address()).isEqualTo("5551234567");
        assertThat(number.channels()).containsExactly(Channel.VOICE);
        assertThat(number.devices()).extracting(DeviceRef::entryIndex, d -> d.person().id(), DeviceRef::duplicate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "p-1", false),
                        org.assertj.core.groups.Tuple.tuple(1, "p-2", true));
        assertThat(number.devices().get(1).device().address()).isEqualTo("555.123.4567");
        assertThat(number.devices()).extracting(DeviceRef::outcomeClass)
                .containsOnly(dev.sentlog.spi.OutcomeClass.SUCCESS);
        assertThat(personIds(a.explain(Figure.CONTACTED_BY_PHONE))).containsExactly("p-1", "p-2");
        assertThat(a.explain(Figure.NOT_CONTACTED_BY_PHONE).items()).isEmpty();
    }

    @Test
    @DisplayName("E1: the seed's printed report: the 34 persons without a device, 93 inboxes, and all 127 not contacted by phone")
    void e1SeedPrintedReportExplained() {
        List<RecipientEntry> entries = new ArrayList<>();
        for (int i = 0; i < 127; i++) {
            List<Device> devices = i < 93 ? List.of(Device.of(Channel.INBOX, "portal-" + i, DeviceStatus.SENT))
                    : List.of();
            entries.add(RecipientEntry.of(Person.of("p-" + i, "Parent, " + i), null, devices));
        }
        Message m = MessageArbitraries.sampleBuilder("m-4").status(MessageStatus.IN_PROGRESS)
                .deliveryModes(Channel.INBOX, Channel.EMAIL).recipients(entries).build();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        FigureExplanation noDevice = a.explain(Figure.TOTAL_NO_DEVICE);
        assertThat(noDevice.count()).isEqualTo(34);
        assertThat(personIds(noDevice)).first().isEqualTo("p-93");
        assertThat(personIds(noDevice)).last().isEqualTo("p-126");
        assertThat(noDevice.items()).allMatch(i -> i.devices().isEmpty());
        assertThat(addresses(a.explain(Figure.TOTAL_INBOX))).hasSize(93).startsWith("portal-0", "portal-1");
        FigureExplanation notContacted = a.explain(Figure.NOT_CONTACTED_BY_PHONE);
        assertThat(notContacted.count()).isEqualTo(127);
        assertThat(notContacted.items()).as("no phone devices to show").allMatch(i -> i.devices().isEmpty());
        assertThat(a.explain(Figure.TOTAL_VOICE).items()).isEmpty();
    }

    @Test
    @DisplayName("E1/D3: Total Text Messages Attempted lists the number delivered on one occurrence, with its opted-out occurrence")
    void e1OptOutPerOccurrenceExplained() {
        Message m = optOutPerOccurrenceMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        FigureExplanation attempted = a.explain(Figure.TOTAL_TEXT_ATTEMPTED);
        assertThat(addresses(attempted)).containsExactly("5551234567");
        assertThat(attempted.items().get(0).devices()).extracting(DeviceRef::outcomeClass, DeviceRef::duplicate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dev.sentlog.spi.OutcomeClass.OPTED_OUT, false),
                        org.assertj.core.groups.Tuple.tuple(dev.sentlog.spi.OutcomeClass.SUCCESS, true));
        assertThat(addresses(a.explain(Figure.TOTAL_TEXT))).containsExactly("5551234567", "5550001111");
        assertThat(a.explain(Figure.TOTAL_TEXT).items().get(1).devices())
                .extracting(DeviceRef::entryIndex, DeviceRef::deviceIndex, DeviceRef::duplicate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0, false),
                        org.assertj.core.groups.Tuple.tuple(2, 1, true));
        assertThat(personIds(a.explain(Figure.CONTACTED_BY_PHONE))).containsExactly("p-1", "p-2");
        assertThat(personIds(a.explain(Figure.NOT_CONTACTED_BY_PHONE))).containsExactly("p-3");
        assertThat(a.explain(Figure.NOT_CONTACTED_BY_PHONE).items().get(0).devices())
                .extracting(d -> d.device().address()).containsExactly("555-000-1111", "555-000-1111");
    }

    @Test
    @DisplayName("E1/D5: Total Voice/Text lists a number used on both channels once, its Voice and Text devices neither a duplicate")
    void e1CombinedVoiceTextExplained() {
        Message m = combinedVoiceTextMessage();
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        FigureExplanation all = a.explain(Figure.TOTAL_VOICE_TEXT);
        assertThat(addresses(all)).containsExactly("5551234567", "5550001111", "5552223333");
        CountedItem.Address shared = (CountedItem.Address) all.items().get(0);
        assertThat(shared.channels()).containsExactlyInAnyOrder(Channel.VOICE, Channel.TEXT);
        assertThat(shared.devices()).extracting(DeviceRef::deviceIndex, DeviceRef::duplicate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, false), org.assertj.core.groups.Tuple.tuple(1, false));
        assertThat(addresses(a.explain(Figure.TOTAL_VOICE_TEXT_ATTEMPTED))).containsExactly("5551234567");
        assertThat(Figure.TOTAL_VOICE_TEXT_ATTEMPTED.label()).isEqualTo("Total Voice/Text Attempted");
    }
}
