package dev.sentlog.examples.host;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.ReportsApplied;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.examples.provider.simulated.SimulatedProvider;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a host embeds Sentlog: build the log with a provider, record a message, feed the reports the
 * provider sends back, search, cancel, and print the Sent Message Report.
 *
 * <p>The simulated provider stands in for a real email relay or dialer; a host registers its own
 * {@link dev.sentlog.spi.DeliveryProvider} the same way.
 */
public final class EmbeddingExample {

    /** What the example saw, for its test. */
    public record Result(ReportsApplied applied, SearchResult found, MessageView sent, MessageStatus canceled) {
    }

    private EmbeddingExample() {
    }

    /**
     * Runs the example and writes a CSV report of the sent message.
     *
     * @param report where the report goes
     * @return what the host saw at each step
     */
    public static Result run(OutputStream report) {
        ZoneId district = ZoneId.of("America/Chicago");
        Instant morning = Instant.parse("2026-01-12T13:55:00Z");
        ManualClock clock = new ManualClock(morning); // a host passes Clock.systemUTC()

        // 1. The log: the district's zone, a clock, and the providers that deliver each channel.
        SimulatedProvider relay = SimulatedProvider.builder().name("relay").channels(Channel.EMAIL)
                .clock(clock).emailFailureRate(0).build();
        Caller admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        try (SentMessageLog log = SentMessageLog.builder().provider(relay).clock(clock).zone(district).build()) {

            // 2. Record a send: every device PENDING. It is due now, so the log hands it to the relay.
            log.record(message("m-1", morning, null, List.of(
                    RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-1", "Student, Calvin"),
                            List.of(Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.PENDING))),
                    RecipientEntry.of(Person.of("p-2", "Parent, Tad"), Person.of("s-2", "Student, Hobbes"),
                            List.of(Device.of(Channel.EMAIL, "tad@nomail.com", DeviceStatus.PENDING))))));

            clock.advance(Duration.ofMinutes(5));
            // 3. The relay calls back (a webhook) with device reports for its job; hand them to the log.
            //    The log applies them idempotently (SPEC R2). Here the relay's first job is "relay-1".
            List<DeviceReport> webhook = relay.poll("relay-1");
            ReportsApplied applied = log.acceptReports(relay.name(), "relay-1", webhook);

            // 4. Search a day's messages and select one: its Delivery Summary and report options.
            LocalDate today = LocalDate.ofInstant(morning, district);
            SearchResult found = log.search(admin, SearchCriteria.createdBetween(today, today));
            MessageView sent = log.select(admin, "m-1");

            // 5. Cancel a message scheduled for the afternoon: it was not started, so it is Canceled.
            log.record(message("m-2", morning, morning.plus(Duration.ofHours(6)), List.of(
                    RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null,
                            List.of(Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.PENDING))))));
            log.cancel(admin, "m-2");
            MessageStatus canceled = log.select(admin, "m-2").row().status();

            // 6. Print the Sent Message Report of the sent message.
            SentMessageReport reports = SentMessageReport.forLog(log); // the log's zone, clock, classifier, files
            reports.write(log.printable(admin, "m-1"),
                    ReportOptions.of(EnumSet.of(DeviceChoice.EMAIL, DeviceChoice.NO_DEVICE), ReportDetail.ALL,
                            ReportFormat.CSV), report);
            return new Result(applied, found, sent, canceled);
        }
    }

    private static Message message(String id, Instant created, Instant scheduled, List<RecipientEntry> to) {
        return Message.builder()
                .id(id)
                .messageType("Message Builder - General Notification")
                .districtOrSchool("Harrison High")
                .subject("School is cancelled")
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(created)
                .scheduledAt(scheduled)
                .deliveryModes(Channel.EMAIL)
                .recipients(to)
                .build();
    }
}
