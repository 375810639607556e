package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    void S6_selectingGivesTheDeliverySummaryTheReportOptionsTheFilterCriteriaAndTheMessageDetail() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("0.2", DeviceOutcome.call(5));

            MessageView v = h.log.select(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.IN_PROGRESS);
            DeliveryTotals t = v.summary().totals();
            assertThat(t.totalRecipients()).isEqualTo(3);
            assertThat(t.totalNoDevice()).as("Ann").isEqualTo(1);
            assertThat(t.totalInbox()).isEqualTo(1);
            assertThat(t.totalEmails()).as("Tom's blank email is no device").isEqualTo(1);
            assertThat(t.totalVoice()).isEqualTo(2);
            assertThat(t.totalText()).isEqualTo(2);
            assertThat(t.contactedByPhone()).isEqualTo(1);
            assertThat(v.summary().startedAt()).contains(T0);
            assertThat(v.reportOptions().devices()).containsExactlyInAnyOrder(DeviceChoice.values());
            assertThat(v.reportOptions().details()).as("P2: no Failed Delivery while In-Progress")
                    .containsExactlyInAnyOrder(ReportDetail.ALL, ReportDetail.SUMMARY);
            assertThat(v.filterCriteria()).contains(List.of(FilterCriterion.of("Filter Operation", "Union")));
            MessageDetail d = v.detail();
            assertThat(d.scheduleName()).isEmpty();
            assertThat(d.messageType()).isEqualTo("Message Builder - General Notification");
            assertThat(d.callerId()).isEqualTo("(987)999-9876");
            assertThat(d.senderEmail()).isEqualTo("sysadmin@nomail.com");
            assertThat(d.body()).isEqualTo("School is cancelled due to weather.");
            assertThat(d.emailAttachment()).contains(new FileRef("closure-notice.pdf", "cdr://attachments/9912"));
        }
    }

    @Test
    void S7_thereIsNoFilterCriteriaDetailForRecipientSelectorAndNonMessengerTools() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("class").messageType("Class Messages")
                    .messageTypeKind(MessageTypeKind.RECIPIENT_SELECTOR).build());
            h.log.record(message("referral").messageType("Behavior Referrals")
                    .messageTypeKind(MessageTypeKind.NON_MESSENGER).build());
            h.log.record(message("staff").messageType("Staff Messenger").filterCriteria(List.of()).build());

            assertThat(h.log.select(admin(), "class").filterCriteria()).isEmpty();
            assertThat(h.log.select(admin(), "referral").filterCriteria()).isEmpty();
            assertThat(h.log.select(admin(), "staff").filterCriteria()).contains(List.of());
        }
    }

    @Test
    void S8_theScheduleNameShowsOnlyForSchedulerSentMessages_andFileLinksOnlyWhileTheFilesExist() {
        FileRef gone = new FileRef("closure-notice.pdf", "cdr://attachments/9912");
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"),
                b -> b.fileAvailability(f -> !f.equals(gone)))) {
            h.log.record(message("sched").messageType("Missing Assignment")
                    .scheduleName("Missing Assignment - Daily").build());

            MessageDetail d = h.log.select(admin(), "sched").detail();

            assertThat(d.scheduleName()).isEqualTo("Missing Assignment - Daily");
            assertThat(d.emailAttachment()).isEmpty();
            assertThat(d.audioFile()).contains(new FileRef("closure.wav", "cdr://audio/311"));
        }
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.fileAvailability(f -> {
            throw new IllegalStateException("file server down");
        }))) {
            h.log.record(message("m-1").build());
            MessageDetail d = h.log.select(admin(), "m-1").detail();
            assertThat(d.emailAttachment()).isEmpty();
            assertThat(d.audioFile()).isEmpty();
        }
    }

    @Test
    void M6_theScheduleIdShowsOnlyWithVoiceOrText() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("mail").deliveryModes(EnumSet.of(dev.sentlog.spi.Channel.EMAIL)).build());
            h.log.record(message("phone").build());
            assertThat(h.log.select(admin(), "mail").row().scheduleId()).isEmpty();
            assertThat(h.log.select(admin(), "phone").row().scheduleId()).isEqualTo("48213");
        }
    }

    @Test
    void S6_P2_aFinishedMessageOffersFailedDelivery() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.clock.advance(Duration.ofHours(2));
            h.log.tick();
            assertThat(h.log.select(admin(), "m-1").reportOptions().details()).contains(ReportDetail.FAILED_DELIVERY);
        }
    }
}
