package dev.sentlog.report;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.fixtures.privacy.PersonalData;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Messages and settings shared by the report tests. */
public final class ReportFixtures {

    /** The district's zone of every test. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** 08:56 AM in the district on 12/02/2019. */
    public static final Instant T = Instant.parse("2019-12-02T14:56:00Z");
    /** The clock of "Generated on": 12/02/2019 09:30:15 AM in the district. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2019-12-02T15:30:15Z"), ZoneOffset.UTC);
    /** Every device choice. */
    public static final Set<DeviceChoice> ALL_DEVICES = EnumSet.allOf(DeviceChoice.class);

    static {
        // the privacy check: everything personal the district messages hold
        PersonalData.message(district());
    }

    private ReportFixtures() {
    }

    /** A report writer in {@link #ZONE} at {@link #CLOCK}. */
    public static SentMessageReport reports() {
        return SentMessageReport.builder().zone(ZONE).clock(CLOCK).build();
    }

    /** Options with every device. */
    public static ReportOptions options(ReportDetail detail, ReportFormat format) {
        return new ReportOptions(ALL_DEVICES, detail, format);
    }

    /** Options with every device choice that applies to the message (SPEC P1). */
    public static ReportOptions applicable(Message m, ReportDetail detail, ReportFormat format) {
        return new ReportOptions(ApplicableReportOptions.of(m).devices(), detail, format);
    }

    private static Device dev(Channel c, String address, DeviceOutcome o, boolean confirmed, Instant at) {
        return new Device(c, address, o, confirmed, at);
    }

    private static DeviceOutcome s(DeviceStatus status) {
        return DeviceOutcome.of(status);
    }

    /**
     * A Sent message over all four channels: a guardian with two students (her second entry repeats
     * every device: duplicates), a recipient whose every phone attempt failed, one with no device, a
     * staff member reached by answering machine, and a recipient whose only call was canceled.
     */
    public static Message district() {
        Person heather = Person.of("p-1", "Parent, Heather");
        Person tad = Person.of("p-2", "Parent, Tad");
        Person kris = Person.of("p-3", "Parent, Kris");
        Person dana = Person.of("p-4", "Staff, Dana");
        Person omar = Person.of("p-5", "Parent, Omar");
        Person calvin = Person.of("s-1", "Student, Calvin");
        Person karen = Person.of("s-2", "Student, Karen");
        Person lauren = Person.of("s-3", "Student, Lauren");
        List<Device> heatherDevices = List.of(
                dev(Channel.INBOX, "heather.portal", s(DeviceStatus.SENT), false, T),
                dev(Channel.EMAIL, "heather@nomail.com", s(DeviceStatus.SENT), false, T),
                dev(Channel.VOICE, "(555) 123-4567", DeviceOutcome.call(5), true, T),
                dev(Channel.TEXT, "555-123-4567", s(DeviceStatus.OPTED_OUT), false, null));
        List<RecipientEntry> entries = List.of(
                RecipientEntry.of(heather, calvin, heatherDevices),
                RecipientEntry.of(heather, karen, heatherDevices),
                RecipientEntry.of(tad, karen, List.of(
                        dev(Channel.EMAIL, "tad@nomail.com", s(DeviceStatus.FAILED), false, T),
                        dev(Channel.VOICE, "555-987-6543", DeviceOutcome.call(1), false, T),
                        dev(Channel.TEXT, "555-987-6543", DeviceOutcome.call(-30), false, T))),
                RecipientEntry.of(kris, lauren, List.of()),
                RecipientEntry.of(dana, null, List.of(
                        dev(Channel.EMAIL, "dana@x.org", s(DeviceStatus.SENT), false, T),
                        dev(Channel.VOICE, "555-000-1111", DeviceOutcome.call(6), false, T),
                        dev(Channel.TEXT, "555-000-1111", s(DeviceStatus.CANCELED), false, null))),
                RecipientEntry.of(omar, lauren, List.of(
                        dev(Channel.VOICE, "555-222-3333", s(DeviceStatus.CANCELED), false, null),
                        dev(Channel.EMAIL, "omar@x.org", s(DeviceStatus.SENT), false, T))));
        List<FilterCriterion> criteria = new ArrayList<>();
        criteria.add(FilterCriterion.of("Filter Operation", "Union"));
        criteria.add(FilterCriterion.of("Behavior Events", new FilterTable(
                List.of("Grade", "Event Type", "Involvement Role"),
                List.of(List.of("All Grades", "Car: Parking Violation", "Offender")))));
        return MessageArbitraries.sampleBuilder("m-1001")
                .status(MessageStatus.SENT)
                .deliveryModes(Channel.INBOX, Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .textMessagingEnabled(true)
                .callerId("(987)999-9876")
                .scheduleId("48213")
                .text("School is cancelled today.")
                .filterCriteria(criteria)
                .startedAt(Instant.parse("2019-12-02T14:54:00Z"))
                .endedAt(Instant.parse("2019-12-02T15:20:30Z"))
                .recipients(entries)
                .build();
    }

    /** {@link #district()} canceled by a user after delivery started. */
    public static Message canceledDistrict() {
        return district().toBuilder()
                .status(MessageStatus.CANCELED_IP)
                .cancellation(new Cancellation(Person.of("u-9", "Principal, Pat"), Instant.parse("2019-12-02T15:00:00Z")))
                .build();
    }

    /**
     * A large Sent message: {@code devices} devices over Email, Voice and Text, four per entry, one
     * person per two entries, numbers shared every few entries (duplicates), a mix of outcomes, times spread over
     * a few hours.
     */
    public static Message large(int devices) {
        int entries = devices / 4;
        List<RecipientEntry> list = new ArrayList<>(entries);
        DeviceOutcome[] voice = {DeviceOutcome.call(5), DeviceOutcome.call(6), DeviceOutcome.call(0),
            DeviceOutcome.call(1), DeviceOutcome.call(-2)};
        DeviceOutcome sent = DeviceOutcome.of(DeviceStatus.SENT);
        DeviceOutcome failed = DeviceOutcome.of(DeviceStatus.FAILED);
        DeviceOutcome sms = DeviceOutcome.call(-27);
        Person person = null;
        for (int i = 0; i < entries; i++) {
            if (i % 2 == 0) {
                person = Person.of("p-" + (i / 2), "Guardian-" + (i / 2) + ", Alexandra Catherine");
            }
            Person student = Person.of("s-" + i, "Student-" + i + ", Maximilian");
            String phone = String.format("555%07d", (i / 3) % 10_000_000);
            Instant at = T.plusSeconds(i / 2);
            list.add(RecipientEntry.of(person, student, List.of(
                    new Device(Channel.EMAIL, "guardian" + (i / 2) + "@example.org", i % 17 == 0 ? failed : sent,
                            false, at),
                    new Device(Channel.VOICE, phone, voice[i % voice.length], false, at),
                    new Device(Channel.TEXT, phone, sms, false, at),
                    new Device(Channel.EMAIL, "student" + i + "@example.org", sent, false, at))));
        }
        return MessageArbitraries.sampleBuilder("m-large-" + devices)
                .status(MessageStatus.SENT)
                .deliveryModes(Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .recipients(list)
                .build();
    }
}
