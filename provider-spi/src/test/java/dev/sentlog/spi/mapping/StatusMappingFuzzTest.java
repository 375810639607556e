package dev.sentlog.spi.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.fuzzing.FuzzTries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Fuzzing of the status mappings with arbitrary payload fields (any strings, nulls where a field
 * may be absent, huge and negative error codes, unknown statuses, mixed case, white space). Every
 * case answers an outcome, a feedback or "unrecognized", or the documented NullPointerException for
 * a missing status; an outcome always makes a report that fits its channel (SPEC K1, R2; DP-P7).
 * Tries: 10,000 per target, more with {@code -Dsentlog.fuzz.tries=N} ({@link FuzzTries}).
 */
@AddLifecycleHook(FuzzTries.class)
class StatusMappingFuzzTest {

    private static final Instant AT = Instant.parse("2026-01-05T13:00:00Z");
    private static final List<String> KNOWN = List.of("accepted", "scheduled", "queued", "sending", "sent",
            "delivered", "undelivered", "failed", "canceled", "read", "receiving", "received", "initiated", "ringing",
            "in-progress", "in_progress", "completed", "busy", "no-answer", "no_answer", "rejected", "opened", "clicked",
            "unsubscribed", "complained", "stored", "processed", "deferred", "bounce", "dropped", "open", "click",
            "unsubscribe", "group_unsubscribe", "group-unsubscribe", "spamreport", "temporary", "permanent", "human",
            "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown");

    @Property(tries = 10_000)
    @Label("K1, K3-K5: any Twilio message status and error code maps to a Text outcome, feedback or unrecognized")
    void twilioMessage(@ForAll("fields") String status, @ForAll("errorCodes") int errorCode) {
        MappedStatus mapped = TwilioStatuses.message(status, errorCode);

        assertFits(mapped, Channel.TEXT, status);
        if (mapped instanceof MappedStatus.Outcome o && o.reasonText() != null) {
            assertThat(o.reasonText()).isEqualTo("Twilio error " + errorCode);
        }
    }

    @Property(tries = 10_000)
    @Label("K1, K3: any Twilio call status and AnsweredBy (or none) maps to a Voice outcome or unrecognized")
    void twilioCall(@ForAll("fields") String status, @ForAll("optionalFields") String answeredBy) {
        assertFits(TwilioStatuses.call(status, answeredBy), Channel.VOICE, status);
    }

    @Property(tries = 10_000)
    @Label("K1, K6: any Mailgun event, severity and reason (or none) maps to an Email outcome, feedback or unrecognized")
    void mailgun(@ForAll("fields") String event, @ForAll("optionalFields") String severity,
                 @ForAll("optionalFields") String reason) {
        assertFits(MailgunEvents.event(event, severity, reason), Channel.EMAIL, event);
    }

    @Property(tries = 10_000)
    @Label("K1, K6: any SendGrid event and reason (or none) maps to an Email outcome, feedback or unrecognized")
    void sendGrid(@ForAll("fields") String event, @ForAll("optionalFields") String reason) {
        assertFits(SendGridEvents.event(event, reason), Channel.EMAIL, event);
    }

    @Example
    @Label("K6: an absent (null) severity, reason or AnsweredBy is read as blank (found by fuzzing)")
    void nullOptionalFieldsAreAbsent() {
        assertThat(MailgunEvents.event("failed", null, null)).isEqualTo(MailgunEvents.event("failed", "", ""));
        assertThat(MailgunEvents.event("failed", null, "x")).isEqualTo(MailgunEvents.event("failed", "permanent", "x"));
        assertThat(SendGridEvents.event("bounce", null)).isEqualTo(SendGridEvents.event("bounce", ""));
        assertThat(TwilioStatuses.call("completed", null)).isEqualTo(TwilioStatuses.call("completed", ""));
    }

    @Example
    @Label("a missing status or event is the documented NullPointerException naming the field")
    void missingStatusIsNamed() {
        assertNamedNull(() -> TwilioStatuses.message(null, 0), "messageStatus");
        assertNamedNull(() -> TwilioStatuses.call(null, "human"), "callStatus");
        assertNamedNull(() -> MailgunEvents.event(null, "", ""), "event");
        assertNamedNull(() -> SendGridEvents.event(null, ""), "event");
    }

    private static void assertNamedNull(Supplier<MappedStatus> call, String field) {
        assertThatThrownBy(call::get).isInstanceOf(NullPointerException.class).hasMessage(field);
    }

    /** The mapped status is one of the three kinds; an outcome makes a report that fits the channel (DP-P7). */
    private static void assertFits(MappedStatus mapped, Channel channel, String received) {
        assertThat(mapped).isNotNull();
        if (mapped instanceof MappedStatus.Outcome o) {
            DeviceOutcome outcome = o.outcome();
            assertThat(outcome).isNotEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));
            if (outcome instanceof DeviceOutcome.Call) {
                assertThat(channel.isPhone()).as("a call status code on %s", channel).isTrue();
            }
            if (outcome.equals(DeviceOutcome.of(DeviceStatus.OPTED_OUT))) {
                assertThat(channel).isEqualTo(Channel.TEXT);
            }
            if (o.reasonText() != null) {
                assertThat(o.reasonText()).isNotBlank().isEqualTo(o.reasonText().strip());
            }
            DeviceReport report = mapped.toReport("d-1", "e-1", 0, AT).orElseThrow();
            assertThat(report.outcome()).isEqualTo(outcome);
            assertThat(report.confirmed()).isFalse();
            assertThat(report.reason()).isEqualTo(Optional.ofNullable(o.reasonText()));
        } else if (mapped instanceof MappedStatus.Unrecognized u) {
            assertThat(u.status()).isEqualTo(received);
            assertThat(mapped.toReport("d-1", "e-1", 0, AT)).isEmpty();
        } else {
            assertThat(((MappedStatus.Feedback) mapped).kind()).isNotNull();
            assertThat(mapped.toReport("d-1", "e-1", 0, AT)).isEmpty();
        }
    }

    /** A payload field: a known value in any case, spacing and separator, or any text at all. */
    @Provide
    Arbitrary<String> fields() {
        Arbitrary<String> known = Combinators.combine(Arbitraries.of(KNOWN), Arbitraries.of(Case.values()),
                Arbitraries.of("", " ", "\t", "\n", "\u00A0", "\u2003", " \r\n "),
                Arbitraries.of("", " ", "\t", "\n", "\u00A0", "\u3000", "\u0000"), Arbitraries.of(false, true))
                .as((value, c, before, after, swap) -> before
                        + c.apply(swap ? value.replace('-', '#').replace('_', '-').replace('#', '_') : value) + after);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(20);
        Arbitrary<String> huge = Arbitraries.strings().withChars("aDé_- \u0130\uD83D\uDE00").ofMinLength(500)
                .ofMaxLength(4_000);
        return Arbitraries.frequencyOf(
                Tuple.of(6, known), Tuple.of(3, any), Tuple.of(2, ascii),
                Tuple.of(1, huge));
    }

    /** A field that may be absent: null, blank, or any payload field. */
    @Provide
    Arbitrary<String> optionalFields() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("", " ", "\t")), Tuple.of(6, fields()));
    }

    /** Twilio's ErrorCode: none, the two it names, any other, huge or negative. */
    @Provide
    Arbitrary<Integer> errorCodes() {
        return Arbitraries.oneOf(Arbitraries.of(0, 21610, 21211, 30003, -21610, Integer.MAX_VALUE, Integer.MIN_VALUE,
                -1), Arbitraries.integers());
    }

    /** How a value's letters are cased. */
    private enum Case {
        LOWER, UPPER, TITLE, MIXED;

        String apply(String s) {
            return switch (this) {
                case LOWER -> s;
                case UPPER -> s.toUpperCase(Locale.ROOT);
                case TITLE -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
                case MIXED -> {
                    StringBuilder sb = new StringBuilder(s);
                    for (int i = 0; i < sb.length(); i += 2) {
                        sb.setCharAt(i, Character.toUpperCase(sb.charAt(i)));
                    }
                    yield sb.toString();
                }
            };
        }
    }
}
