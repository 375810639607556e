package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** J2: a malformed file fails with one error naming the JSON path of the first bad field. */
class MalformedMessageTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private final MessageJson json = MessageJson.inZone(ZoneId.of("America/Chicago"));

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken("unknown channel", d -> device(d, 1).put("channel", "FAX"),
                        "recipients[0].devices[1].channel", "\"FAX\" is not one of INBOX, EMAIL, VOICE, TEXT"),
                broken("channel as a number", d -> device(d, 1).put("channel", 1),
                        "recipients[0].devices[1].channel", "INBOX, EMAIL, VOICE, TEXT"),
                broken("channel empty", d -> device(d, 0).put("channel", ""),
                        "recipients[0].devices[0].channel", "is not one of INBOX, EMAIL, VOICE, TEXT"),
                broken("wrong format", d -> d.put("format", "sentlog-message/2"),
                        "format", "must be \"sentlog-message/1\" but was \"sentlog-message/2\""),
                broken("missing format", d -> d.remove("format"),
                        "format", "must be \"sentlog-message/1\" but was missing"),
                broken("missing id", d -> d.remove("id"), "id", "is required but missing or null"),
                broken("blank id", d -> d.put("id", "  "), "id", "must not be blank"),
                broken("id as a number", d -> d.put("id", 1001), "id", "expected a string but found the number 1001"),
                broken("unknown message status", d -> d.put("status", "DONE"),
                        "status", "\"DONE\" is not one of CANCELED, CANCELED_IP, SENT, ERROR, FAILED, IN_PROGRESS,"
                                + " WAITING"),
                broken("lower-case kind", d -> d.put("messageTypeKind", "messenger"),
                        "messageTypeKind", "\"messenger\" is not one of MESSENGER, RECIPIENT_SELECTOR, NON_MESSENGER"),
                broken("time without offset", d -> d.put("createdAt", "2019-12-02T08:55:00"),
                        "createdAt", "\"2019-12-02T08:55:00\" is not an ISO-8601 time with offset"),
                broken("time not a time", d -> d.put("startedAt", "yesterday"),
                        "startedAt", "\"yesterday\" is not an ISO-8601 time with offset"),
                broken("time as a number", d -> d.put("scheduledAt", 1575298500),
                        "scheduledAt", "expected an ISO-8601 time with offset, e.g. \"2019-12-02T08:55:00-06:00\" but"
                                + " found a number"),
                broken("no delivery modes", d -> d.putArray("deliveryModes"),
                        "deliveryModes", "must name at least one channel"),
                broken("delivery modes as a string", d -> d.put("deliveryModes", "EMAIL"),
                        "deliveryModes", "expected an array but found a string"),
                broken("null delivery mode", d -> ((ArrayNode) d.get("deliveryModes")).addNull(),
                        "deliveryModes[4]", "must not be null"),
                broken("unknown delivery mode", d -> ((ArrayNode) d.get("deliveryModes")).add("PIGEON"),
                        "deliveryModes[4]", "\"PIGEON\" is not one of INBOX, EMAIL, VOICE, TEXT"),
                broken("flag as a string", d -> d.put("textMessagingEnabled", "yes"),
                        "textMessagingEnabled", "expected true or false but found the string \"yes\""),
                broken("flag missing", d -> d.remove("textMessagingEnabled"),
                        "textMessagingEnabled", "is required but missing or null"),
                broken("sender without id", d -> ((ObjectNode) d.get("sender")).remove("id"),
                        "sender.id", "is required but missing or null"),
                broken("sender as an array", d -> d.putArray("sender"),
                        "sender", "expected an object but found an array"),
                broken("unknown top-level field", d -> d.put("subjct", "x"),
                        "subjct", "is not a field of this object"),
                broken("unknown device field", d -> device(d, 0).put("chanel", "INBOX"),
                        "recipients[0].devices[0].chanel", "is not a field of this object"),
                broken("person name as a number", d -> ((ObjectNode) d.at("/recipients/0/person")).put("name", 42),
                        "recipients[0].person.name", "expected a string but found a number"),
                broken("person without id", d -> ((ObjectNode) d.at("/recipients/0/person")).remove("id"),
                        "recipients[0].person.id", "is required but missing or null"),
                broken("student id blank", d -> ((ObjectNode) d.at("/recipients/0/student")).put("id", ""),
                        "recipients[0].student.id", "must not be blank"),
                broken("fractional call status", d -> device(d, 2).put("callStatus", 5.5),
                        "recipients[0].devices[2].callStatus", "expected a whole number but found the number 5.5"),
                broken("quoted call status", d -> device(d, 2).put("callStatus", "5"),
                        "recipients[0].devices[2].callStatus", "expected a whole number but found the string \"5\""),
                broken("call status on an email device", d -> device(d, 1).put("callStatus", 3),
                        "recipients[0].devices[1].callStatus", "is only for VOICE and TEXT devices, not EMAIL"),
                broken("confirmed on an inbox device", d -> device(d, 0).put("confirmed", true),
                        "recipients[0].devices[0].confirmed", "is only for VOICE and TEXT devices, not INBOX"),
                broken("opted out on a voice device", d -> device(d, 2).put("status", "OPTED_OUT").remove("callStatus"),
                        "recipients[0].devices[2].status", "OPTED_OUT is only for TEXT devices, not VOICE"),
                broken("neither status nor call status", d -> device(d, 3).remove("status"),
                        "recipients[0].devices[3].status", "is required (or a callStatus) for a TEXT device"),
                broken("email without status", d -> device(d, 1).remove("status"),
                        "recipients[0].devices[1].status", "is required but missing or null"),
                broken("device without address", d -> device(d, 1).remove("address"),
                        "recipients[0].devices[1].address", "is required but missing or null"),
                broken("device status unknown", d -> device(d, 1).put("status", "BOUNCED"),
                        "recipients[0].devices[1].status", "\"BOUNCED\" is not one of PENDING, IN_PROGRESS, SENT,"
                                + " FAILED, CANCELED, OPTED_OUT"),
                broken("null device", d -> ((ArrayNode) d.at("/recipients/0/devices")).addNull(),
                        "recipients[0].devices[4]", "must not be null"),
                broken("devices as an object", d -> ((ObjectNode) d.at("/recipients/0")).putObject("devices"),
                        "recipients[0].devices", "expected an array but found an object"),
                broken("recipients missing", d -> d.remove("recipients"),
                        "recipients", "is required but missing or null"),
                broken("criterion with value and table",
                        d -> ((ObjectNode) d.at("/filterCriteria/1")).put("value", "x"),
                        "filterCriteria[1]", "must have a value or a table, not both"),
                broken("criterion with neither", d -> ((ObjectNode) d.at("/filterCriteria/0")).remove("value"),
                        "filterCriteria[0]", "must have a value or a table, not neither"),
                broken("ragged criterion table",
                        d -> ((ArrayNode) d.at("/filterCriteria/1/table/rows/0")).remove(2),
                        "filterCriteria[1].table", "row 0 has 2 cells but there are 3 columns"),
                broken("attachment without uri", d -> ((ObjectNode) d.get("emailAttachment")).remove("uri"),
                        "emailAttachment.uri", "is required but missing or null"),
                broken("cancellation without time", d -> d.putObject("cancellation").putObject("by")
                                .put("id", "u-2").put("name", "Principal, Pat"),
                        "cancellation.at", "is required but missing or null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    @DisplayName("J2: a bad field fails with its JSON path and what is wrong")
    void badFieldNamesItsPath(String name, Consumer<ObjectNode> breakIt, String path, String problem) throws Exception {
        ObjectNode doc = spec();
        breakIt.accept(doc);

        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class,
                () -> json.read(PLAIN.writeValueAsString(doc)));

        assertThat(e).as("reading must fail").isNotNull();
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).isEqualTo(path + ": " + e.problem()).doesNotContain("\n");
    }

    @Test
    @DisplayName("J2: the SPEC's own example of an error message, word for word")
    void specWording() throws Exception {
        ObjectNode doc = spec();
        ArrayNode recipients = (ArrayNode) doc.get("recipients");
        for (int i = 0; i < 3; i++) {
            recipients.add(recipients.get(0).deepCopy());
        }
        ((ObjectNode) doc.at("/recipients/3/devices/1")).put("channel", "FAX");

        assertThatThrownBy(() -> json.read(PLAIN.writeValueAsString(doc)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("recipients[3].devices[1].channel: \"FAX\" is not one of INBOX, EMAIL, VOICE, TEXT");
    }

    @Test
    @DisplayName("J2: with several bad fields, the first in document order is named")
    void firstBadFieldWins() throws Exception {
        ObjectNode doc = spec();
        device(doc, 3).put("status", "LOST");
        device(doc, 1).put("channel", "PAGER");

        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class,
                () -> json.read(PLAIN.writeValueAsString(doc)));

        assertThat(e.jsonPath()).isEqualTo("recipients[0].devices[1].channel");
    }

    static Stream<Arguments> personalValues() {
        return Stream.of(
                broken("a phone number as a number", d -> device(d, 2).put("address", 5551234567L),
                        "recipients[0].devices[2].address", "5551234567"),
                broken("an email as an array", d -> device(d, 1).putArray("address").add("heather@nomail.com"),
                        "recipients[0].devices[1].address", "heather@nomail.com"),
                broken("a name as a number", d -> ((ObjectNode) d.at("/recipients/0/person")).put("name", 5551234567L),
                        "recipients[0].person.name", "5551234567"),
                broken("a body as a number", d -> d.put("body", 5551234567L), "body", "5551234567"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalValues")
    @DisplayName("J2/logging: an error about an address, a name or a message text names the path but never the value")
    void personalValuesAreNotQuoted(String name, Consumer<ObjectNode> breakIt, String path, String value)
            throws Exception {
        ObjectNode doc = spec();
        breakIt.accept(doc);
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class,
                () -> json.read(PLAIN.writeValueAsString(doc)));
        assertThat(e).as("reading must fail").isNotNull();
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.getMessage()).doesNotContain(value);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("J2/logging: a syntax error never quotes the unreadable token, which may be part of an address")
    void syntaxErrorsDoNotQuoteTokens() {
        String spec = SpecExample.text().replace("\"heather@nomail.com\"", "heather@nomail.com");
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class, () -> json.read(spec));
        assertThat(e).as("reading must fail").isNotNull();
        assertThat(e.getMessage()).contains("malformed JSON at line").doesNotContain("heather");
    }

    static Stream<Arguments> brokenDocuments() {
        String spec = SpecExample.text();
        return Stream.of(
                Arguments.of("empty file", "", "(top level)", "the file is empty"),
                Arguments.of("an array, not an object", "[]", "(top level)", "expected an object but found an array"),
                Arguments.of("the literal null, not an object", "null", "(top level)", "expected an object but found null"),
                Arguments.of("cut short", spec.substring(0, spec.indexOf("\"devices\"") + 20),
                        "recipients[0].devices", "malformed JSON at line"),
                Arguments.of("a missing comma", spec.replace("\"id\": \"m-1001\",", "\"id\": \"m-1001\""),
                        "id", "malformed JSON at line 4, column 3: Unexpected character"),
                Arguments.of("a duplicate key", spec.replace("\"id\": \"m-1001\",", "\"id\": \"m-1001\", \"id\": \"m-2\","),
                        "id", "Duplicate field 'id'"),
                Arguments.of("trailing content", spec + "\n{}", "(top level)", "unexpected content after the message object"),
                Arguments.of("not JSON at all", "format: sentlog-message/1", "(top level)",
                        "malformed JSON at line 1, column"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    @DisplayName("J2: a document that is not JSON, or not one object, fails with a position")
    void badDocument(String name, String text, String path, String problem) {
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class, () -> json.read(text));

        assertThat(e).as("reading must fail").isNotNull();
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String path, String problem) {
        return Arguments.of(name, breakIt, path, problem);
    }

    private static ObjectNode device(ObjectNode doc, int index) {
        return (ObjectNode) doc.at("/recipients/0/devices/" + index);
    }

    private static ObjectNode spec() throws Exception {
        JsonNode node = PLAIN.readTree(SpecExample.text());
        return (ObjectNode) node;
    }
}
