package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cases {@link MessageJsonFuzzTest} found, kept as examples (SPEC J2). */
class FuzzFindingsTest {

    private final MessageJson json = MessageJson.inZone(ZoneId.of("America/Chicago"));

    @Test
    @DisplayName("J2: a string with an unpaired surrogate escape is refused (it read, but could not be written back)")
    void unpairedSurrogate() {
        String doc = SpecExample.text().replace("\"id\": \"m-1001\"", "\"id\": \"m\\uD800\"");

        MalformedMessageException e = read(doc.getBytes(StandardCharsets.UTF_8));

        assertThat(e.jsonPath()).isEqualTo("id");
        assertThat(e.problem()).contains("is not valid Unicode");
    }

    @Test
    @DisplayName("J2: a document that is only null is a malformed file, not a NullPointerException")
    void nullDocument() {
        MalformedMessageException e = read(" null ".getBytes(StandardCharsets.UTF_8));

        assertThat(e.jsonPath()).isEqualTo(MalformedMessageException.TOP_LEVEL);
        assertThat(e.problem()).isEqualTo("expected an object but found null");
    }

    @Test
    @DisplayName("J2: a surrogate pair (an emoji) is still read")
    void surrogatePair() {
        String doc = SpecExample.text().replace("\"id\": \"m-1001\"", "\"id\": \"m\\uD83D\\uDE00\"");

        assertThat(json.read(doc).message().id()).isEqualTo("m\uD83D\uDE00");
    }

    @Test
    @DisplayName("J2/logging: after a lost quote an address read as a key is not shown in the path")
    void addressReadAsAKey() {
        MalformedMessageException e = read(deleted(313, 17));

        assertThat(e.getMessage()).contains("malformed JSON").doesNotContain("nomail").doesNotContain("sysadmin");
        assertThat(e.jsonPath()).isEqualTo(JsonErrors.HIDDEN_KEY);
    }

    @Test
    @DisplayName("J2/logging: after a lost quote a word of the subject read as a key is not shown in the path")
    void subjectReadAsAKey() {
        MalformedMessageException e = read(deleted(191, 18));

        assertThat(e.getMessage()).contains("malformed JSON").doesNotContain("cancelled");
        assertThat(e.jsonPath()).isEqualTo(JsonErrors.HIDDEN_KEY);
    }

    @Test
    @DisplayName("J2: a syntax error's path shows every key of the format (every key of the SPEC example)")
    void formatKeysAreShown() throws Exception {
        List<String> keys = new ArrayList<>();
        collectKeys(new ObjectMapper().readTree(SpecExample.text()), keys);

        assertThat(JsonErrors.FORMAT_KEYS).containsAll(keys);
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
        node.fields().forEachRemaining(e -> {
            keys.add(e.getKey());
            collectKeys(e.getValue(), keys);
        });
        if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }

    @Test
    @DisplayName("J2/logging: an address moved into an enum field is not quoted")
    void addressInAnEnumField() {
        MalformedMessageException e = read(deleted(1534, 20));

        assertThat(e.jsonPath()).isEqualTo("recipients[0].devices[1].channel");
        assertThat(e.problem()).contains("not shown").doesNotContain("heather");
    }

    @Test
    @DisplayName("J2/logging: a name where an object belongs is not quoted")
    void nameWhereAnObjectBelongs() {
        MalformedMessageException e = read(deleted(230, 22));

        assertThat(e.jsonPath()).isEqualTo("sender");
        assertThat(e.problem()).isEqualTo("expected an object but found a string").doesNotContain("Administrator");
    }

    @Test
    @DisplayName("J2: an error quoting a value with control characters is still one line")
    void controlCharactersAreEscaped() {
        String doc = SpecExample.text().replace("\"sentlog-message/1\"", "\"\\t\\n\"");

        MalformedMessageException e = read(doc.getBytes(StandardCharsets.UTF_8));

        assertThat(e.jsonPath()).isEqualTo("format");
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\t").contains("\\t\\n");
    }

    private MalformedMessageException read(byte[] bytes) {
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class,
                () -> json.read(new ByteArrayInputStream(bytes)));
        assertThat(e).as("reading must fail").isNotNull();
        return e;
    }

    /** The SPEC example without {@code n} bytes from byte {@code at}, as the fuzzer made it. */
    private static byte[] deleted(int at, int n) {
        byte[] original = MessageMutants.original();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, at);
        out.write(original, at + n, original.length - at - n);
        return out.toByteArray();
    }
}
