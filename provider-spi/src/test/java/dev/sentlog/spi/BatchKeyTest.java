package dev.sentlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The batch key of DP-S6: validation and its stable text form. */
class BatchKeyTest {

    @Test
    @DisplayName("DP-S6 a key's text form is <messageId>/<providerName>/<n>, '/' and '%' inside an id escaped")
    void textForm() {
        assertThat(new BatchKey("m-1", "simulated", 1)).hasToString("m-1/simulated/1");
        assertThat(new BatchKey("a/b", "50%", 12)).hasToString("a%2Fb/50%25/12");
        assertThat(BatchKey.parse("a%2Fb/50%25/12")).isEqualTo(new BatchKey("a/b", "50%", 12));
    }

    @Test
    @DisplayName("DP-S6 a key names the message and the provider, and numbers batches from 1; the error says which")
    void validation() {
        assertThatThrownBy(() -> new BatchKey(" ", "smtp", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch key needs a message id; it was blank");
        assertThatThrownBy(() -> new BatchKey("m-1", "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the batch key of message m-1 needs a provider name; it was blank");
        assertThatThrownBy(() -> new BatchKey("m-1", "smtp", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the batch key of message m-1 to provider smtp has batch number 0; batches are numbered"
                        + " from 1");
        assertThatThrownBy(() -> new BatchKey(null, "smtp", 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("messageId");
    }

    @Test
    @DisplayName("DP-S6 text that is no key's text form is refused, naming what is wrong")
    void parseRefusesOtherText() {
        assertThatThrownBy(() -> BatchKey.parse("m-1/smtp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'m-1/smtp' has 2 part(s)");
        assertThatThrownBy(() -> BatchKey.parse("m-1/smtp/one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number: 'one'");
        assertThatThrownBy(() -> BatchKey.parse("m-1/smtp/+1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain form: '+1'");
        assertThatThrownBy(() -> BatchKey.parse("m%41/smtp/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts neither %25 nor %2F");
        assertThatThrownBy(() -> BatchKey.parse("m-1/smtp/0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batches are numbered from 1");
    }

    @Property
    @Label("DP-S6 the text form is stable and one-to-one: parse(toString(k)) is k, and different keys read differently")
    void textFormRoundTrips(@ForAll("keys") BatchKey a, @ForAll("keys") BatchKey b) {
        assertThat(BatchKey.parse(a.toString())).isEqualTo(a);
        assertThat(a.toString().equals(b.toString())).isEqualTo(a.equals(b));
    }

    @Provide
    Arbitrary<BatchKey> keys() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("ab/%2F5").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.isBlank());
        return Combinators.combine(ids, ids, Arbitraries.integers().between(1, 3)).as(BatchKey::new);
    }
}
