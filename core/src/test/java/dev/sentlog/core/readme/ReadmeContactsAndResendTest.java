package dev.sentlog.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.resend.ResendResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Contacts to fix and resend" snippet, kept compiling and correct. */
class ReadmeContactsAndResendTest {

    @Test
    @DisplayName("README: the contacts and resend snippet compiles and gives what the README states (H3, Y1, Y2, Y4)")
    void readmeSnippet() {
        Caller admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        Message message = Message.builder().id("m-1").messageType("Message Builder - General Notification")
                .districtOrSchool("Harrison High").subject("School is cancelled")
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(Instant.parse("2019-12-02T14:55:00Z")).status(MessageStatus.WAITING).deliveryModes(Channel.EMAIL)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null,
                        List.of(Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.PENDING)))))
                .build();
        // --- README snippet start
        SentMessageLog log = SentMessageLog.builder()
                .contactsToFixAfter(2)                  // H3: K permanent failures in a row (default 2)
                .resendsPerOriginal(1)                  // Y2: resends per original (default 1)
                .build();
        // --- README snippet end
        log.record(message); // no provider: nothing can be handed over, so the message is Failed (M5), final
        // --- README snippet start
        ContactLists lists = log.contacts(admin);       // needs ToolRight.CONTACTS; T3 school scope
        for (ContactToFix c : lists.toFix()) {          // channel, normalised address, since when,
            c.evidence();                               // one line per failing message: outcome, date, school
            c.persons();                                // who uses it, to ask the family for a new one
        }
        lists.doNotContact();                           // opt-outs and Do Not Call, listed apart

        ResendPreview preview = log.previewResend(admin, "m-1", ResendAudience.NOT_REACHED);  // Y4
        ResendResult result = log.resend(admin, "m-1", ResendAudience.NOT_REACHED, "m-1-r1"); // Y1-Y3
        log.select(admin, "m-1").detail().resends();    // ["m-1-r1"]; the resend's detail().resendOf() is "m-1"
        // --- README snippet end
        assertThat(lists.toFix()).isEmpty();
        assertThat(preview.deviceCount()).isEqualTo(1);
        assertThat(result.sent()).isEqualTo(preview);
        assertThat(log.select(admin, "m-1").detail().resends()).containsExactly("m-1-r1");
        assertThat(log.select(admin, "m-1-r1").detail().resendOf()).contains("m-1");
        log.close();
    }
}
