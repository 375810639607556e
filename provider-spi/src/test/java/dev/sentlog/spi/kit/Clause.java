package dev.sentlog.spi.kit;

import java.util.Locale;
import org.junit.jupiter.api.Assertions;

/**
 * The clauses of the {@link dev.sentlog.spi.DeliveryProvider} contract, as the kit names them in
 * failure messages: {@code [DP-C2 cancel never un-sends] device … }.
 */
enum Clause {
    I1("name() is the same non-blank string on every call"),
    I2("channels() is a non-empty set, equal on every call"),
    I3("spiVersion() is between 1 and SPI_VERSION"),
    S1("submit answers a non-blank job id"),
    S2("job ids are unique among the provider's jobs"),
    S3("submit attempts nothing before time moves on"),
    S4("a batch on a channel not served is refused with a ProviderException"),
    S5("an unreachable provider's submit throws a ProviderException naming it, and it recovers"),
    S6("a batch key already accepted answers the same job and delivers nothing again"),
    C1("cancel stops every delivery not yet attempted"),
    C2("cancel never un-sends"),
    C3("a canceled device is reported CANCELED from then on"),
    C4("a device the cancel did not name had been attempted or stopped"),
    C5("canceling twice is harmless"),
    C6("canceling a settled job changes nothing"),
    C7("concurrent cancels name each device at most once"),
    P1("poll answers at most one report per device"),
    P2("poll is idempotent"),
    P3("reports name only devices of the job"),
    P4("an event id is non-blank and names one report"),
    P5("a device's reports never go backwards"),
    P6("a final outcome is never followed by a non-final one"),
    P7("outcomes fit the channel"),
    P8("a report's time lies between submission and the poll"),
    P9("every device has a final outcome once the job settles"),
    P10("a confirmation stops the person's phone deliveries not yet attempted"),
    F1("an unknown job id is refused with a ProviderException"),
    F2("a provider throws ProviderExceptions without addresses"),
    T1("submit, cancel and poll are safe from several threads"),
    B1("pushed reports obey the same rules"),
    E1("feedback names Email and Text devices of the job, in the past, the same when asked again");

    private final String sentence;

    Clause(String sentence) {
        this.sentence = sentence;
    }

    /** The clause id as the SPI Javadoc writes it, e.g. {@code DP-C2}. */
    String id() {
        return "DP-" + name();
    }

    /** Fails the current test with a message naming this clause, unless the condition holds. */
    void check(boolean condition, String format, Object... args) {
        if (!condition) {
            fail(format, args);
        }
    }

    /** Fails the current test with a message naming this clause. */
    void fail(String format, Object... args) {
        Assertions.fail("[" + id() + " " + sentence + "] " + String.format(Locale.ROOT, format, args));
    }
}
