package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The resource limits of the reader: each one at its value and one over it (SPEC J2). */
class ReadLimitsTest {

    private static final int MB50 = 50 * 1024 * 1024;
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private final MessageJson json = MessageJson.inZone(ZoneId.of("America/Chicago"));
    private final String spec = SpecExample.text();

    @Test
    @DisplayName("the defaults are the documented ones, and MessageJson reads within them")
    void defaults() {
        assertThat(ReadLimits.defaults()).isEqualTo(new ReadLimits(268_435_456L, 500_000, 320, 1_048_576));
        assertThat(json.limits()).isEqualTo(ReadLimits.defaults());
        ReadLimits lower = ReadLimits.defaults().withMaxRecipients(10);
        assertThat(json.withLimits(lower).limits()).isEqualTo(lower);
        assertThat(json.limits()).as("withLimits makes a new codec").isEqualTo(ReadLimits.defaults());
    }

    @Test
    @DisplayName("a limit below 1 is refused, naming it")
    void limitsArePositive() {
        assertThatThrownBy(() -> ReadLimits.defaults().withMaxTextLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("read limit maxTextLength must be at least 1 but was 0");
        assertThatThrownBy(() -> ReadLimits.defaults().withMaxFileBytes(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFileBytes");
    }

    @Test
    @DisplayName("J2: a file of exactly maxFileBytes is read; one byte less is refused at the top level")
    void fileBytes() {
        byte[] bytes = spec.getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, ReadLimits.defaults().withMaxFileBytes(bytes.length)).message().id()).isEqualTo("m-1001");

        ReadLimitExceededException e = refused(new ByteArrayInputStream(bytes),
                ReadLimits.defaults().withMaxFileBytes(bytes.length - 1));

        assertLimit(e, MalformedMessageException.TOP_LEVEL, "maxFileBytes", bytes.length - 1);
    }

    @Test
    @DisplayName("J2: an endless stream stops at maxFileBytes instead of hanging")
    void endlessStream() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };

        ReadLimitExceededException e = refused(endless, ReadLimits.defaults().withMaxFileBytes(1_000_000));

        assertLimit(e, MalformedMessageException.TOP_LEVEL, "maxFileBytes", 1_000_000);
    }

    @Test
    @DisplayName("J2: maxRecipients recipients are read; one more is refused at its path")
    void recipients() {
        String three = spec.replace("\"recipients\": [", "\"recipients\": [{\"person\": {\"id\": \"p-8\", \"name\": \"A\"},"
                + " \"devices\": []}, {\"person\": {\"id\": \"p-9\", \"name\": \"B\"}, \"devices\": []},");
        assertThat(read(three, ReadLimits.defaults().withMaxRecipients(3)).message().recipients()).hasSize(3);

        ReadLimitExceededException e = refused(three, ReadLimits.defaults().withMaxRecipients(2));

        assertLimit(e, "recipients[2]", "maxRecipients", 2);
    }

    @Test
    @DisplayName("J2: addresses up to maxAddressLength are read; a longer one is refused, not quoted")
    void addressLength() {
        assertThat(read(spec, ReadLimits.defaults().withMaxAddressLength(19)).message().id()).isEqualTo("m-1001");

        ReadLimitExceededException e = refused(spec, ReadLimits.defaults().withMaxAddressLength(18));

        assertLimit(e, "sender.email", "maxAddressLength", 18);
        String longPhone = spec.replace("\"(555) 123-4567\"", "\"" + "5".repeat(321) + "\"");
        assertLimit(refused(longPhone, ReadLimits.defaults()), "recipients[0].devices[2].address", "maxAddressLength",
                320);
    }

    @Test
    @DisplayName("J2: subject, body and text up to maxTextLength are read; a longer one is refused at its path")
    void textLength() {
        ReadLimits limits = ReadLimits.defaults().withMaxAddressLength(100);
        assertThat(read(spec, limits.withMaxTextLength(35)).message().body()).hasSize(35);

        ReadLimitExceededException e = refused(spec, limits.withMaxTextLength(34));

        assertLimit(e, "body", "maxTextLength", 34);
    }

    @Test
    @DisplayName("J2: a 50 MB body, address, other string or key is refused quickly, without reading it all")
    void fiftyMegabyteStrings() {
        assertLimit(refused(around("\"body\": \"", 'x', "\"body\": \"School is cancelled due to weather.\""),
                ReadLimits.defaults()), "body", "maxTextLength", 1_048_576);
        assertLimit(refused(around("\"address\": \"", '5', "\"address\": \"heather.portal\""), ReadLimits.defaults()),
                "recipients[0].devices[0].address", "maxAddressLength", 320);
        assertLimit(refused(around("\"messageType\": \"", 'm', "\"messageType\": \"Message Builder - General Notification\""),
                ReadLimits.defaults()), "messageType", "maxTextLength", 1_048_576);
        ReadLimitExceededException key = refused(around("\"", 'k', "\"districtOrSchool\""), ReadLimits.defaults());
        assertThat(key.limit()).isEqualTo("maxNameLength");
    }

    @Test
    @DisplayName("J2: 100,000 nested arrays where a string belongs fail at once, at their path, without a stack overflow")
    void deepNesting() {
        String deep = spec.replace("\"Offender\"", "[".repeat(100_000) + "]".repeat(100_000));

        MalformedMessageException e = assertTimeoutPreemptively(QUICKLY, () -> catchThrowableOfType(
                MalformedMessageException.class, () -> json.read(deep)));

        assertThat(e.jsonPath()).isEqualTo("filterCriteria[1].table.rows[0][2]");
        assertThat(e.problem()).isEqualTo("expected a string but found an array");
    }

    @Test
    @DisplayName("J2: a number longer than the fixed bound is refused; a long but allowed one is out of range")
    void hugeNumbers() {
        ReadLimitExceededException e = refused(spec.replace("\"callStatus\": 5", "\"callStatus\": " + "9".repeat(100)),
                ReadLimits.defaults());
        assertLimit(e, "recipients[0].devices[2].callStatus", "maxNumberLength", ReadLimits.MAX_NUMBER_LENGTH);

        MalformedMessageException range = catchThrowableOfType(MalformedMessageException.class,
                () -> json.read(spec.replace("\"callStatus\": 5", "\"callStatus\": " + "9".repeat(30))));
        assertThat(range).isNotInstanceOf(ReadLimitExceededException.class);
        assertThat(range.jsonPath()).isEqualTo("recipients[0].devices[2].callStatus");
    }

    private ImportedMessage read(String doc, ReadLimits limits) {
        return read(doc.getBytes(StandardCharsets.UTF_8), limits);
    }

    private ImportedMessage read(byte[] doc, ReadLimits limits) {
        return json.withLimits(limits).read(new ByteArrayInputStream(doc));
    }

    private ReadLimitExceededException refused(String doc, ReadLimits limits) {
        return refused(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), limits);
    }

    private ReadLimitExceededException refused(InputStream in, ReadLimits limits) {
        ReadLimitExceededException e = assertTimeoutPreemptively(QUICKLY, () -> catchThrowableOfType(
                ReadLimitExceededException.class, () -> json.withLimits(limits).read(in)));
        assertThat(e).as("reading must fail on a limit").isNotNull();
        return e;
    }

    /**
     * The SPEC example with the value after {@code opening} replaced by 50 MB of {@code fill}, streamed
     * without holding the 50 MB in memory.
     */
    private InputStream around(String opening, char fill, String original) {
        int at = spec.indexOf(original);
        assertThat(at).as("the example holds %s", original).isNotNegative();
        byte[] head = (spec.substring(0, at) + opening).getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\"" + spec.substring(at + original.length())).getBytes(StandardCharsets.UTF_8);
        InputStream middle = new InputStream() {
            private int left = MB50;

            @Override
            public int read() {
                return left-- > 0 ? fill : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) fill);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head), middle,
                new ByteArrayInputStream(tail))));
    }

    private static void assertLimit(ReadLimitExceededException e, String path, String limit, long value) {
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.limit()).isEqualTo(limit);
        assertThat(e.limitValue()).isEqualTo(value);
        assertThat(e.problem()).endsWith("(" + limit + " = " + value + ")");
        assertThat(e.getMessage()).doesNotContain("xxxx").doesNotContain("5555").doesNotContain("mmmm")
                .doesNotContain("eather").doesNotContain("nomail");
    }
}
