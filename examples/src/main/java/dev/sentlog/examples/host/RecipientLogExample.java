package dev.sentlog.examples.host;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.examples.provider.simulated.SimulatedProvider;
import dev.sentlog.report.reach.HouseholdReachCsv;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a host answers questions about people (SPEC H1, H2, H4): two days of messages to the same
 * families, Tad's email bouncing both times; then a school secretary's Recipient Log of Tad, of his
 * address, and the students nobody reached, written as CSV.
 */
public final class RecipientLogExample {

    /** What the example saw, for its test. */
    public record Result(RecipientLog tad, RecipientLog tadsAddress, HouseholdReach reach) {
    }

    private RecipientLogExample() {
    }

    /**
     * Runs the example.
     *
     * @param csv where the household reach CSV goes
     * @return the logs and the household reach
     */
    public static Result run(OutputStream csv) {
        ZoneId district = ZoneId.of("America/Chicago");
        Instant monday = Instant.parse("2026-01-12T13:55:00Z");
        ManualClock clock = new ManualClock(monday);
        SimulatedProvider relay = SimulatedProvider.builder().name("relay").channels(Channel.EMAIL).clock(clock)
                .emailFailureRate(0).fixedOutcome(Channel.EMAIL, "tad@nomail.com", DeviceOutcome.of(DeviceStatus.FAILED))
                .build();
        // the secretary of one school, with the Recipient Log's own right (H2) and nothing else
        Caller secretary = Caller.of("u-9", "Secretary, Sue", EnumSet.of(ToolRight.RECIPIENT_LOG),
                Set.of("Harrison High"));
        try (SentMessageLog log = SentMessageLog.builder().provider(relay).clock(clock).zone(district).build()) {
            log.record(message("m-1", monday));
            clock.set(monday.plus(Duration.ofDays(1)));
            log.record(message("m-2", clock.instant()));
            clock.advance(Duration.ofMinutes(30));
            log.refresh(admin(), "m-1");
            log.refresh(admin(), "m-2");

            LocalDate from = LocalDate.of(2026, 1, 12);
            LocalDate to = LocalDate.of(2026, 1, 13);
            RecipientLog tad = log.recipientLog(secretary, RecipientQuery.person("p-2", from, to));
            RecipientLog tadsAddress = log.recipientLog(secretary,
                    RecipientQuery.address(Channel.EMAIL, " TAD@nomail.com", from, to));
            HouseholdReach reach = log.householdReach(secretary, ReachQuery.messengerMessages(from, to));
            try {
                HouseholdReachCsv.write(reach, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Result(tad, tadsAddress, reach);
        }
    }

    private static Caller admin() {
        return Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
    }

    private static Message message(String id, Instant created) {
        return Message.builder().id(id).messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER).districtOrSchool("Harrison High")
                .subject("School news " + id).sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(created).scheduledAt(created).status(MessageStatus.WAITING).deliveryModes(Channel.EMAIL)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-1", "Student, Calvin"),
                                List.of(Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Tad"), Person.of("s-2", "Student, Hobbes"),
                                List.of(Device.of(Channel.EMAIL, "tad@nomail.com", DeviceStatus.PENDING)))))
                .build();
    }
}
