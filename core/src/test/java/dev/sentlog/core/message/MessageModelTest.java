package dev.sentlog.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageModelTest {

    @Test
    @DisplayName("M6: Schedule ID is shown blank unless the message includes Voice or Text")
    void m6ScheduleId() {
        Message email = MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL).scheduleId("48213").build();
        assertThat(email.scheduleId()).isEqualTo("48213");
        assertThat(email.displayedScheduleId()).isEmpty();
        assertThat(email.toBuilder().deliveryModes(Channel.EMAIL, Channel.TEXT).build().displayedScheduleId()).isEqualTo("48213");
        assertThat(email.toBuilder().deliveryModes(Channel.VOICE).build().displayedScheduleId()).isEqualTo("48213");
    }

    @Test
    @DisplayName("K1: a call status code or a confirmation belongs to Voice/Text, OPTED_OUT to Text only")
    void k1DeviceValidation() {
        assertThatThrownBy(() -> new Device(Channel.EMAIL, "a@b.c", DeviceOutcome.call(5), false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL").hasMessageContaining("5 Live Person");
        assertThatThrownBy(() -> new Device(Channel.INBOX, "p", DeviceOutcome.of(DeviceStatus.SENT), true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INBOX");
        assertThatThrownBy(() -> Device.of(Channel.VOICE, "555", DeviceStatus.OPTED_OUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPTED_OUT").hasMessageContaining("VOICE");
        assertThat(Device.of(Channel.TEXT, "555", DeviceStatus.OPTED_OUT).outcome().display()).isEmpty();
        assertThat(Device.of(Channel.EMAIL, "  ", DeviceStatus.PENDING).isBlank()).isTrue();
    }

    @Test
    @DisplayName("a missing required field is named in the error, never a bare NullPointerException")
    void requiredFieldsAreNamed() {
        assertThatThrownBy(() -> MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL).sender(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("message.sender");
        assertThatThrownBy(() -> MessageArbitraries.sampleBuilder(" ").deliveryModes(Channel.EMAIL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message.id");
        assertThatThrownBy(() -> MessageArbitraries.sampleBuilder("m-9").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m-9").hasMessageContaining("delivery modes");
        assertThatThrownBy(() -> Person.of(null, "x")).hasMessageContaining("person.id");
        java.util.List<RecipientEntry> withNull = new java.util.ArrayList<>();
        withNull.add(RecipientEntry.of(Person.of("p", "P"), null, List.of()));
        withNull.add(null);
        assertThatThrownBy(() -> MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL)
                .recipients(withNull).build()).hasMessage("message.recipients[1] is null; a list holds no nulls");
        java.util.List<Device> devices = new java.util.ArrayList<>();
        devices.add(null);
        assertThatThrownBy(() -> RecipientEntry.of(Person.of("p", "P"), null, devices))
                .hasMessage("recipient.devices[0] is null; a list holds no nulls");
    }

    @Test
    @DisplayName("J0: a filter criterion has a value or a table, not both and not neither")
    void filterCriterion() {
        FilterTable table = new FilterTable(List.of("Grade", "Event Type"), List.of(List.of("All Grades", "Car: Parking Violation")));
        assertThat(FilterCriterion.of("Behavior Events", table).table()).contains(table);
        assertThat(FilterCriterion.of("Filter Operation", "Union").value()).contains("Union");
        assertThatThrownBy(() -> new FilterCriterion("X", "v", table)).hasMessageContaining("both");
        assertThatThrownBy(() -> new FilterCriterion("X", null, null)).hasMessageContaining("neither");
        assertThatThrownBy(() -> new FilterTable(List.of("A", "B"), List.of(List.of("1"))))
                .hasMessageContaining("row 0 has 1 cells but there are 2 columns");
    }

    @Test
    @DisplayName("S7/S8: filter criteria exist only for Messenger kinds; the schedule name marks a scheduler-sent message")
    void kindsAndScheduler() {
        assertThat(MessageTypeKind.MESSENGER.hasFilterCriteria()).isTrue();
        assertThat(MessageTypeKind.RECIPIENT_SELECTOR.hasFilterCriteria()).isFalse();
        assertThat(MessageTypeKind.NON_MESSENGER.hasFilterCriteria()).isFalse();
        Message m = MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL).build();
        assertThat(m.isSchedulerSent()).isFalse();
        assertThat(m.toBuilder().scheduleName("Missing Assignment - Daily").build().isSchedulerSent()).isTrue();
    }

    @Test
    @DisplayName("a message is an immutable value: equal when built alike, lists copied")
    void immutableValue() {
        java.util.ArrayList<RecipientEntry> entries = new java.util.ArrayList<>();
        entries.add(RecipientEntry.of(Person.of("p", "P"), null, List.of()));
        Message a = MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL).recipients(entries).build();
        entries.clear();
        assertThat(a.recipients()).hasSize(1);
        assertThat(a).isEqualTo(a.toBuilder().build());
        assertThat(a.withStatus(MessageStatus.SENT).status()).isEqualTo(MessageStatus.SENT);
        assertThatThrownBy(() -> a.deliveryModes().add(Channel.VOICE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
