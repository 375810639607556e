package dev.sentlog.core.log;

import dev.sentlog.core.fixtures.privacy.PersonalData;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Messages and callers for the log's tests. */
final class TestMessages {

    static final Instant T0 = Instant.parse("2019-12-02T14:55:00Z");
    static final Sender ADMIN = Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com");
    static final Sender TEACHER = Sender.of("u-2", "Teacher, Tina", "tina@nomail.com");
    static final String HARRISON = "Harrison High";
    static final String LINCOLN = "Lincoln Elementary";
    static final LocalDate DAY = LocalDate.of(2019, 12, 2);

    static final Set<ToolRight> ALL_RIGHTS = EnumSet.allOf(ToolRight.class);

    static {
        // the privacy check: everything personal these messages hold
        PersonalData.message(message("m-0").build());
        PersonalData.words(TEACHER.name());
        PersonalData.email(TEACHER.email());
    }

    private TestMessages() {
    }

    /** Caller u-1 with every right, whole district, in the administration log. */
    static Caller admin() {
        return Caller.of("u-1", "Administrator, System", ALL_RIGHTS, Set.of()).inAdministrationLog();
    }

    /**
     * The seed-like recipient list: Heather (two students, shared phone), Tom (blank email and a
     * phone), Ann without any device.
     * Rows: 0.0 INBOX, 0.1 EMAIL, 0.2 VOICE, 0.3 TEXT, 1.0 VOICE (same number), 2.0 EMAIL blank,
     * 2.1 VOICE, 2.2 TEXT.
     */
    static List<RecipientEntry> recipients() {
        Person heather = Person.of("p-1", "Parent, Heather");
        Person tom = Person.of("p-2", "Parent, Tom");
        Person ann = Person.of("p-3", "Parent, Ann");
        return List.of(
                RecipientEntry.of(heather, Person.of("s-1", "Student, Calvin"), List.of(
                        Device.of(Channel.INBOX, "heather.portal", DeviceStatus.PENDING),
                        Device.of(Channel.EMAIL, " Heather@NoMail.com ", DeviceStatus.PENDING),
                        Device.of(Channel.VOICE, "(555) 123-4567", DeviceStatus.PENDING),
                        Device.of(Channel.TEXT, "555-123-4567", DeviceStatus.PENDING))),
                RecipientEntry.of(heather, Person.of("s-2", "Student, Hobbes"), List.of(
                        Device.of(Channel.VOICE, "555.123.4567", DeviceStatus.PENDING))),
                RecipientEntry.of(tom, null, List.of(
                        Device.of(Channel.EMAIL, "   ", DeviceStatus.PENDING),
                        Device.of(Channel.VOICE, "1-555-999-0000 x12", DeviceStatus.PENDING),
                        Device.of(Channel.TEXT, "555-999-0000", DeviceStatus.PENDING))),
                RecipientEntry.of(ann, null, List.of()));
    }

    /** A Waiting message created at T0, all four modes, sent by u-1 to Harrison High. */
    static Message.Builder message(String id) {
        return Message.builder()
                .id(id)
                .messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool(HARRISON)
                .subject("School is cancelled")
                .sender(ADMIN)
                .replyToEmail("sysadmin@nomail.com")
                .callerId("(987)999-9876")
                .createdAt(T0)
                .scheduledAt(T0)
                .scheduleId("48213")
                .deliveryModes(EnumSet.allOf(Channel.class))
                .textMessagingEnabled(true)
                .body("School is cancelled due to weather.")
                .text("School is cancelled today.")
                .emailAttachment(new FileRef("closure-notice.pdf", "cdr://attachments/9912"))
                .audioFile(new FileRef("closure.wav", "cdr://audio/311"))
                .filterCriteria(List.of(FilterCriterion.of("Filter Operation", "Union")))
                .recipients(recipients());
    }
}
