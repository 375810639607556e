package dev.sentlog.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.spi.Channel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    @ParameterizedTest(name = "D1: phone ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "(555) 123-4567|5551234567",
        "555.123.4567|5551234567",
        "+1 555 123 4567|5551234567",
        "15551234567|5551234567",
        "1-555-123-4567|5551234567",
        "555-123-4567 x12|5551234567x12",
        "555-123-4567 ext. 12|5551234567x12",
        "(555) 123-4567 extension 0012|5551234567x0012",
        "25551234567|25551234567",
        "+44 20 7946 0958|442079460958",
        "555-1234|5551234",
        "'   '|''",
        "ext. 12|''",
        "n/a|''"
    })
    @DisplayName("D1: phone numbers normalise to their digits, a leading 1 of 11 digits dropped, extension kept")
    void d1Phone(String raw, String expected) {
        assertThat(Addresses.normalise(Channel.VOICE, raw)).isEqualTo(expected);
        assertThat(Addresses.normalise(Channel.TEXT, raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "D1: email ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "Heather@NoMail.com|heather@nomail.com",
        "'  heather@nomail.com\t'|heather@nomail.com",
        "HEATHER@NOMAIL.COM|heather@nomail.com",
        "'\u2003J\u00D6RG@Example.de '|j\u00F6rg@example.de",
        "' '|''"
    })
    @DisplayName("D1: emails are trimmed and lower-cased as a whole")
    void d1Email(String raw, String expected) {
        assertThat(Addresses.normalise(Channel.EMAIL, raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "D1: inbox ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {"heather.portal|heather.portal", "' Heather.Portal '|Heather.Portal", "' '|''"})
    @DisplayName("D1: an inbox is its portal account id")
    void d1Inbox(String raw, String expected) {
        assertThat(Addresses.normalise(Channel.INBOX, raw)).isEqualTo(expected);
    }

    @Property
    @Label("D1: normalisation is idempotent on every channel")
    void d1Idempotent(@ForAll Channel channel, @ForAll("anyAddress") String raw) {
        String once = Addresses.normalise(channel, raw);
        assertThat(Addresses.normalise(channel, once)).isEqualTo(once);
    }

    @Property
    @Label("D1: phone normalisation is blind to formatting")
    void d1PhoneFormattingBlind(@ForAll("tenDigits") String digits, @ForAll @IntRange(min = 0, max = 6) int f1,
                                @ForAll @IntRange(min = 0, max = 6) int f2) {
        assertThat(Addresses.phone(MessageArbitraries.formatPhone(digits, f1, "")))
                .isEqualTo(Addresses.phone(MessageArbitraries.formatPhone(digits, f2, "")))
                .isEqualTo(digits);
        assertThat(Addresses.phone(MessageArbitraries.formatPhone(digits, f1, " ext. 7")))
                .isEqualTo(Addresses.phone(MessageArbitraries.formatPhone(digits, f2, "x7")));
    }

    @Property
    @Label("D1: email normalisation is blind to case and surrounding blanks")
    void d1EmailFormattingBlind(@ForAll("asciiAddress") String raw) {
        assertThat(Addresses.email("  " + raw.toUpperCase(java.util.Locale.ROOT) + "\t"))
                .isEqualTo(Addresses.email(raw.toLowerCase(java.util.Locale.ROOT)));
    }

    @Property
    @Label("logs: a masked email or phone never contains the full address")
    void maskHidesAddresses(@ForAll("tenDigits") String digits) {
        String phone = MessageArbitraries.formatPhone(digits, 0, "");
        assertThat(Addresses.mask(Channel.VOICE, phone)).doesNotContain(digits).endsWith(digits.substring(8));
        String email = "parent" + digits + "@nomail.com";
        assertThat(Addresses.mask(Channel.EMAIL, email)).doesNotContain("parent" + digits).endsWith("@nomail.com");
    }

    @Provide
    Arbitrary<String> tenDigits() {
        return Arbitraries.strings().numeric().ofLength(10).filter(s -> s.charAt(0) != '1');
    }

    @Provide
    Arbitrary<String> asciiAddress() {
        return Arbitraries.oneOf(MessageArbitraries.emailAddress(), Arbitraries.strings().ascii().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> anyAddress() {
        return Arbitraries.oneOf(MessageArbitraries.phoneAddress(), MessageArbitraries.emailAddress(),
                Arbitraries.strings().all().ofMaxLength(12));
    }
}
