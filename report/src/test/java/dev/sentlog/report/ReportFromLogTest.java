package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.PresentationSettings;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.report.model.LabeledValue;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One source of truth: a report built from a log prints what the log's selection shows (S6, S8, D4, P7). */
class ReportFromLogTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Not the standard classification: no email counts as attempted. */
    private static final OutcomeClassifier EMAILS_NOT_ATTEMPTED = (channel, outcome, confirmed) ->
            channel == Channel.EMAIL ? OutcomeClass.NOT_ATTEMPTED
                    : OutcomeClassifier.standard().classify(channel, outcome, confirmed);
    /** Not the default file check: audio files are gone. */
    private static final FileAvailability NO_AUDIO = f -> !f.uri().startsWith("cdr://audio/");
    private static final Caller ADMIN = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class),
            Set.of()).inAdministrationLog();

    @Test
    @DisplayName("S6, S8, D4: SentMessageReport.forLog prints the log's summary, times and links")
    void reportAgreesWithTheSelection() {
        Message message = ReportFixtures.district().toBuilder()
                .emailAttachment(new FileRef("closure-notice.pdf", "cdr://attachments/9912"))
                .audioFile(new FileRef("closure.wav", "cdr://audio/311")).build();
        MessageStore store = MessageStore.inMemory();
        store.insert(message, MessageState.initial(MessageStatus.SENT));
        ManualClock clock = new ManualClock(Instant.parse("2019-12-03T01:00:00Z"));
        try (SentMessageLog log = SentMessageLog.builder().store(store).zone(TOKYO).clock(clock)
                .classifier(EMAILS_NOT_ATTEMPTED).fileAvailability(NO_AUDIO).build()) {
            MessageView view = log.select(ADMIN, message.id());
            SentMessageReport reports = SentMessageReport.forLog(log);

            ReportModel model = reports.model(log.printable(ADMIN, message.id()),
                    ReportFixtures.applicable(message, ReportDetail.ALL, ReportFormat.CSV));

            Map<String, String> summary = map(model.summary());
            DeliveryTotals shown = view.summary().totals();
            assertThat(shown.totalEmailsAttempted()).as("the classifier is the log's, not the standard one")
                    .isNotEqualTo(DeliveryTotals.of(message).totalEmailsAttempted());
            assertThat(summary).containsEntry("Total Emails Attempted", Integer.toString(shown.totalEmailsAttempted()))
                    .containsEntry("Total Voice Attempted", Integer.toString(shown.totalVoiceAttempted()))
                    .containsEntry("Recipients contacted successfully by phone",
                            Integer.toString(shown.contactedByPhone()))
                    .containsEntry("Start Time", minute(view.summary().startedAt().orElseThrow()));
            Map<String, String> detail = map(model.messageDetail().orElseThrow());
            assertThat(view.detail().emailAttachment()).isPresent();
            assertThat(view.detail().audioFile()).as("the log's file check hides the audio file").isEmpty();
            assertThat(detail).containsEntry("Email Attachment", "closure-notice.pdf").doesNotContainKey("Audio File");
            assertThat(model.generatedOn()).contains("12/03/2019");
        }
    }

    @Test
    @DisplayName("one source of truth: the report writer keeps the log's settings")
    void settingsAreTheLogs() {
        try (SentMessageLog log = SentMessageLog.builder().zone(TOKYO).classifier(EMAILS_NOT_ATTEMPTED)
                .fileAvailability(NO_AUDIO).build()) {
            assertThat(SentMessageReport.forLog(log).settings()).isEqualTo(log.settings());
            assertThat(log.settings().zone()).isEqualTo(TOKYO);
        }
    }

    @Test
    @DisplayName("builders: the report's defaults are the log's, and a null is refused at the setter, named")
    void sameDefaultsAndChecks() {
        try (SentMessageLog log = SentMessageLog.inMemory()) {
            PresentationSettings report = SentMessageReport.builder().build().settings();
            assertThat(report.zone()).isEqualTo(log.settings().zone()).isEqualTo(PresentationSettings.DEFAULT_ZONE);
            assertThat(report.clock().getZone()).isEqualTo(log.settings().clock().getZone());
            assertThat(report.classifier()).isEqualTo(log.settings().classifier());
        }
        SentMessageReport.Builder builder = SentMessageReport.builder();
        assertThatNullPointerException().isThrownBy(() -> builder.zone(null)).withMessageContaining("zone");
        assertThatNullPointerException().isThrownBy(() -> builder.clock((Clock) null)).withMessageContaining("clock");
        assertThatNullPointerException().isThrownBy(() -> builder.classifier(null))
                .withMessageContaining("classifier");
        assertThatNullPointerException().isThrownBy(() -> builder.fileAvailability(null))
                .withMessageContaining("fileAvailability");
        assertThatNullPointerException().isThrownBy(() -> SentMessageLog.builder().fileAvailability(null))
                .withMessageContaining("fileAvailability");
        assertThatNullPointerException().isThrownBy(() -> builder.settings(null)).withMessageContaining("settings");
    }

    private static String minute(Instant t) {
        return DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US).format(t.atZone(TOKYO));
    }

    private static Map<String, String> map(List<LabeledValue> values) {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach(v -> m.put(v.label(), v.value()));
        return m;
    }
}
