package dev.sentlog.core.address;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link Addresses#maskInText}: masking email addresses and phone numbers inside free text. */
class MaskInTextTest {

    @Test
    void masksEveryEmailAddressAndPhoneNumberAndKeepsTheRest() {
        assertThat(Addresses.maskInText("mailbox Heather@NoMail.com full; call (555) 123-4567 or +1 555.999.0000"))
                .isEqualTo("mailbox H***@NoMail.com full; call ***-**67 or ***-**00");
    }

    @Test
    void keepsDeviceIdsJobIdsAndShortNumbers() {
        assertThat(Addresses.maskInText("job sim-job-12 device 0.3 code -39 at 14:55"))
                .isEqualTo("job sim-job-12 device 0.3 code -39 at 14:55");
    }

    @Test
    void nullIsShownAsNull() {
        assertThat(Addresses.maskInText(null)).isEqualTo("(null)");
    }

    @Property(tries = 300)
    void noEmailAddressSurvives(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String local,
                                @ForAll @AlphaChars @StringLength(min = 1, max = 12) String domain,
                                @ForAll @AlphaChars @StringLength(max = 20) String before) {
        String email = local + "@" + domain + ".org";
        String masked = Addresses.maskInText(before + " " + email + " after");
        assertThat(masked).doesNotContain(email).contains(local.charAt(0) + "***@" + domain + ".org")
                .startsWith(before + " ").endsWith(" after");
    }

    @Property(tries = 300)
    void noPhoneNumberSurvives(@ForAll @IntRange(min = 200, max = 999) int area,
                               @ForAll @IntRange(min = 200, max = 999) int exchange,
                               @ForAll @IntRange(min = 0, max = 9999) int line,
                               @ForAll("separators") String sep) {
        String digits = String.format("%03d%03d%04d", area, exchange, line);
        String phone = String.format("%03d%s%03d%s%04d", area, sep, exchange, sep, line);
        String masked = Addresses.maskInText("call " + phone + " now");
        assertThat(masked).isEqualTo("call ***-**" + digits.substring(8) + " now");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", "-", ".", " ", ") ");
    }
}
