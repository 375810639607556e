package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.retention.RetentionSettings;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import java.io.ByteArrayOutputStream;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Sent Message Report of a redacted message (SPEC X2): the Summary prints the figures and outcome
 * chart kept at redaction; a report with detail is refused, saying the message was redacted.
 */
class RedactedReportTest {

    private static final Caller ADMIN = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class),
            Set.of()).inAdministrationLog();

    private final Message original = ReportFixtures.district();
    private final ManualClock clock = new ManualClock(original.createdAt().plus(java.time.Duration.ofDays(800)));

    /** The original's report model and the redacted message, printed by the same writer. */
    private Message redacted(SentMessageLog log) {
        log.retention(RetentionSettings.of(Period.ofYears(5), Period.ofYears(1))).redact();
        return log.printable(ADMIN, original.id());
    }

    private SentMessageLog log() {
        MessageStore store = MessageStore.inMemory();
        store.insert(original, MessageState.initial(MessageStatus.SENT));
        return SentMessageLog.builder().store(store).clock(clock).zone(ZoneId.of("America/Chicago")).build();
    }

    @Test
    @DisplayName("X2 the Summary report of a redacted message prints the same header, Delivery Summary and outcome "
            + "chart as before the redaction, in every format")
    void summaryPrintsTheKeptFigures() {
        try (SentMessageLog log = log()) {
            SentMessageReport reports = SentMessageReport.forLog(log);
            ReportOptions summary = ReportFixtures.applicable(original, ReportDetail.SUMMARY, ReportFormat.CSV);
            var before = reports.model(log.printable(ADMIN, original.id()), summary);

            Message redacted = redacted(log);
            var after = reports.model(redacted, summary);

            assertThat(redacted.recipients()).as("X2 the recipients are erased").isEmpty();
            assertThat(after.summary()).as("X2 the Delivery Summary lines").isEqualTo(before.summary());
            assertThat(after.outcomeChart()).as("X2 the outcome chart").isEqualTo(before.outcomeChart());
            assertThat(after.header()).as("X2 the header").isEqualTo(before.header());
            for (ReportFormat format : ReportFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                reports.write(redacted, summary.withFormat(format), out);
                assertThat(out.size()).as("X2 the %s Summary report prints", format).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ReportDetail.class, names = {"ALL", "FAILED_DELIVERY"})
    @DisplayName("X2 a report with detail of a redacted message is refused, saying it was redacted, and writes "
            + "nothing")
    void detailIsRefused(ReportDetail detail) {
        try (SentMessageLog log = log()) {
            SentMessageReport reports = SentMessageReport.forLog(log);
            Message redacted = redacted(log);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThatThrownBy(() -> reports.write(redacted, ReportFixtures.applicable(original, detail,
                    ReportFormat.PDF), out))
                    .isInstanceOf(InvalidReportOptionsException.class)
                    .hasMessageContaining("message " + original.id() + " was redacted on")
                    .hasMessageContaining("a Summary report can")
                    .satisfies(e -> assertThat(((InvalidReportOptionsException) e).refusedDetail()).contains(detail));
            assertThat(out.size()).as("X2 nothing written").isZero();
        }
    }
}
