package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final MessageJson json = MessageJson.inZone(CHICAGO);

    @Test
    @DisplayName("J0, J1: the SPEC's example message reads, with every field where the SPEC puts it")
    void specExampleReads() {
        ImportedMessage imported = json.read(SpecExample.text());
        Message m = imported.message();

        assertThat(imported.createdAtOffset()).isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(m.id()).isEqualTo("m-1001");
        assertThat(m.messageType()).isEqualTo("Message Builder - General Notification");
        assertThat(m.messageTypeKind()).isEqualTo(MessageTypeKind.MESSENGER);
        assertThat(m.districtOrSchool()).isEqualTo("Harrison High");
        assertThat(m.sender().name()).isEqualTo("Administrator, System");
        assertThat(m.sender().email()).isEqualTo("sysadmin@nomail.com");
        assertThat(m.callerId()).isEqualTo("(987)999-9876");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2019-12-02T14:55:00Z"));
        assertThat(m.scheduleId()).isEqualTo("48213");
        assertThat(m.scheduleName()).isEmpty();
        assertThat(m.status()).isEqualTo(MessageStatus.IN_PROGRESS);
        assertThat(m.deliveryModes()).containsExactly(Channel.INBOX, Channel.EMAIL, Channel.VOICE, Channel.TEXT);
        assertThat(m.textMessagingEnabled()).isTrue();
        assertThat(m.emailAttachment().orElseThrow().uri()).isEqualTo("cdr://attachments/9912");
        assertThat(m.audioFile().orElseThrow().name()).isEqualTo("closure.wav");
        assertThat(m.filterCriteria()).hasSize(2);
        assertThat(m.filterCriteria().get(0).value()).contains("Union");
        assertThat(m.filterCriteria().get(1).table()).contains(new FilterTable(
                List.of("Grade", "Event Type", "Involvement Role"),
                List.of(List.of("All Grades", "Car: Parking Violation", "Offender"))));
        assertThat(m.startedAt()).contains(Instant.parse("2019-12-02T14:54:00Z"));
        assertThat(m.endedAt()).isEmpty();
        assertThat(m.cancellation()).isEmpty();

        RecipientEntry entry = m.recipients().get(0);
        assertThat(entry.person()).isEqualTo(Person.of("p-1", "Parent, Heather"));
        assertThat(entry.student()).contains(Person.of("s-1", "Student, Calvin"));
        assertThat(entry.devices()).containsExactly(
                new Device(Channel.INBOX, "heather.portal", DeviceOutcome.of(DeviceStatus.SENT), false,
                        Instant.parse("2019-12-02T14:54:10Z")),
                new Device(Channel.EMAIL, "heather@nomail.com", DeviceOutcome.of(DeviceStatus.IN_PROGRESS), false,
                        null),
                new Device(Channel.VOICE, "(555) 123-4567", DeviceOutcome.call(5), true,
                        Instant.parse("2019-12-02T14:56:00Z")),
                new Device(Channel.TEXT, "555-123-4567", DeviceOutcome.of(DeviceStatus.OPTED_OUT), false, null));
    }

    @Test
    @DisplayName("J3: totals of the SPEC's example are the object with exactly the eleven J3 keys")
    void specExampleTotals() throws Exception {
        Message m = json.read(SpecExample.text()).message();

        JsonNode totals = PLAIN.readTree(json.writeTotals(DeliveryTotals.of(m)));

        List<String> keys = new ArrayList<>();
        totals.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("totalRecipients", "totalNoDevice", "totalInbox", "totalEmails",
                "totalEmailsAttempted", "totalVoice", "totalVoiceAttempted", "totalText", "totalTextAttempted",
                "contactedByPhone", "notContactedByPhone");
        // one person; inbox SENT; email IN_PROGRESS (attempted); voice 5 Live Person (attempted, success);
        // text OPTED_OUT (counted in Total Text, not attempted-and-not-opted-out)
        assertThat(PLAIN.convertValue(totals, Map.class)).isEqualTo(Map.ofEntries(
                Map.entry("totalRecipients", 1), Map.entry("totalNoDevice", 0), Map.entry("totalInbox", 1),
                Map.entry("totalEmails", 1), Map.entry("totalEmailsAttempted", 1), Map.entry("totalVoice", 1),
                Map.entry("totalVoiceAttempted", 1), Map.entry("totalText", 1), Map.entry("totalTextAttempted", 0),
                Map.entry("contactedByPhone", 1), Map.entry("notContactedByPhone", 0)));
    }

    @Test
    @DisplayName("J0: writing the SPEC's example gives the SPEC's JSON, with absent optional fields left out")
    void specExampleWritesTheSpecShape() throws Exception {
        Message m = json.read(SpecExample.text()).message();

        JsonNode written = PLAIN.readTree(json.write(m));

        JsonNode expected = withoutNulls(PLAIN.readTree(SpecExample.text()));
        assertThat(written).isEqualTo(expected);
        List<String> order = new ArrayList<>();
        written.fieldNames().forEachRemaining(order::add);
        assertThat(order.get(0)).isEqualTo("format");
        assertThat(order.get(order.size() - 1)).isEqualTo("recipients");
    }

    @Test
    @DisplayName("J0: times are written as ISO-8601 with the offset of the district zone")
    void timesInDistrictZone() throws Exception {
        Message m = json.read(SpecExample.text()).message();

        JsonNode tokyo = PLAIN.readTree(MessageJson.inZone(ZoneId.of("Asia/Tokyo")).write(m));
        JsonNode chicagoSummer = PLAIN.readTree(json.write(m.toBuilder()
                .createdAt(Instant.parse("2020-07-01T13:30:00Z")).build()));

        assertThat(tokyo.get("createdAt").asText()).isEqualTo("2019-12-02T23:55:00+09:00");
        assertThat(tokyo.get("recipients").get(0).get("devices").get(0).get("time").asText())
                .isEqualTo("2019-12-02T23:54:10+09:00");
        assertThat(chicagoSummer.get("createdAt").asText()).isEqualTo("2020-07-01T08:30:00-05:00");
    }

    @Test
    @DisplayName("J1: callStatus wins over status when both are present; confirmed defaults to false")
    void callStatusWins() throws Exception {
        ObjectNode doc = (ObjectNode) PLAIN.readTree(SpecExample.text());
        ObjectNode text = (ObjectNode) doc.at("/recipients/0/devices/3");
        text.put("callStatus", -28);
        ObjectNode voice = (ObjectNode) doc.at("/recipients/0/devices/2");
        voice.remove("confirmed");

        Message m = json.read(PLAIN.writeValueAsString(doc)).message();

        Device textDevice = m.recipients().get(0).devices().get(3);
        assertThat(textDevice.outcome()).isEqualTo(DeviceOutcome.call(-28));
        assertThat(m.recipients().get(0).devices().get(2).confirmed()).isFalse();
        JsonNode written = PLAIN.readTree(json.write(m)).at("/recipients/0/devices/3");
        assertThat(written.has("status")).isFalse();
        assertThat(written.get("callStatus").asInt()).isEqualTo(-28);
    }

    @Test
    @DisplayName("J0: optional fields may be absent or null; unknown call status codes are kept (K2)")
    void optionalFieldsAbsentOrNull() throws Exception {
        ObjectNode doc = (ObjectNode) PLAIN.readTree(SpecExample.text());
        for (String f : List.of("scheduleId", "scheduledAt", "emailAttachment", "audioFile", "body", "text",
                "callerId", "replyToEmail", "startedAt", "filterCriteria")) {
            doc.remove(f);
        }
        doc.putNull("endedAt");
        doc.putNull("audioFile");
        ObjectNode entry = (ObjectNode) doc.at("/recipients/0");
        entry.remove("student");
        ((ObjectNode) doc.at("/recipients/0/devices/2")).put("callStatus", 42).remove("time");

        Message m = json.read(PLAIN.writeValueAsString(doc)).message();

        assertThat(m.scheduleId()).isEmpty();
        assertThat(m.scheduledAt()).isEmpty();
        assertThat(m.emailAttachment()).isEmpty();
        assertThat(m.audioFile()).isEmpty();
        assertThat(m.body()).isEmpty();
        assertThat(m.filterCriteria()).isEmpty();
        assertThat(m.recipients().get(0).student()).isEmpty();
        Device voice = m.recipients().get(0).devices().get(2);
        assertThat(voice.outcome().display()).isEqualTo("Unknown (42)");
        assertThat(voice.time()).isEmpty();
        assertThat(json.read(json.write(m)).message()).isEqualTo(m);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = PLAIN.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = PLAIN.createArrayNode();
            node.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }
}
