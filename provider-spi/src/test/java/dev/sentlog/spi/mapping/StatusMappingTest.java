package dev.sentlog.spi.mapping;

import dev.sentlog.spi.FeedbackKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test row per row of the mapping tables in the Javadoc of {@link TwilioStatuses},
 * {@link MailgunEvents} and {@link SendGridEvents}. The expected column is the report's Status text
 * (SPEC P5) and the class the standard classifier gives it (SPEC K3-K6), or the feedback kind.
 */
class StatusMappingTest {

    private static final Instant AT = Instant.parse("2026-01-05T13:00:00Z");

    private static final List<Function<String, MappedStatus>> FUNCTIONS = List.of(
            TwilioStatuses::message, s -> TwilioStatuses.call(s, "human"), MailgunEvents::event, SendGridEvents::event);

    @ParameterizedTest(name = "Twilio message {0} (error {1}) -> {2}")
    @DisplayName("K3-K5: Twilio message statuses map onto Text outcomes")
    @CsvSource(delimiter = '|', textBlock = """
            accepted    | 0     | -39 SMS Queued          | IN_FLIGHT
            scheduled   | 0     | -39 SMS Queued          | IN_FLIGHT
            queued      | 0     | -39 SMS Queued          | IN_FLIGHT
            sending     | 0     | In-Progress             | IN_FLIGHT
            sent        | 0     | -27 SMS Sent            | SUCCESS
            delivered   | 0     | -28 SMS Delivered       | SUCCESS
            undelivered | 30003 | -40 Undelivered         | FAILURE
            failed      | 30008 | -30 Text Message Failed | FAILURE
            undelivered | 21610 | -33 SMS Opt Out         | OPTED_OUT
            failed      | 21610 | -33 SMS Opt Out         | OPTED_OUT
            failed      | 21211 | -2 Invalid Phone #      | FAILURE
            canceled    | 0     | Canceled                | CANCELED
            read        | 0     | feedback OPENED         | -
            received    | 0     | unrecognized            | -
            """)
    void twilioMessages(String status, int errorCode, String display, String outcomeClass) {
        assertMapping(TwilioStatuses.message(status, errorCode), Channel.TEXT, display, outcomeClass);
    }

    @ParameterizedTest(name = "Twilio call {0} answered by ''{1}'' -> {2}")
    @DisplayName("K3: Twilio call statuses and AnsweredBy map onto Voice outcomes")
    @CsvSource(delimiter = '|', textBlock = """
            queued      |                     | In-Progress          | IN_FLIGHT
            initiated   |                     | In-Progress          | IN_FLIGHT
            ringing     |                     | In-Progress          | IN_FLIGHT
            in-progress | human               | In-Progress          | IN_FLIGHT
            completed   | human               | 5 Live Person        | SUCCESS
            completed   | machine_start       | 6 Answering Machine  | SUCCESS
            completed   | machine_end_beep    | 6 Answering Machine  | SUCCESS
            completed   | machine_end_silence | 6 Answering Machine  | SUCCESS
            completed   | machine_end_other   | 6 Answering Machine  | SUCCESS
            completed   | fax                 | 7 Fax                | FAILURE
            completed   | unknown             | 5 Live Person        | SUCCESS
            completed   |                     | 5 Live Person        | SUCCESS
            busy        |                     | 1 Busy               | FAILURE
            no-answer   |                     | 0 No answer          | FAILURE
            failed      |                     | 10 Failed            | FAILURE
            canceled    |                     | Canceled             | CANCELED
            paused      |                     | unrecognized         | -
            """)
    void twilioCalls(String status, String answeredBy, String display, String outcomeClass) {
        assertMapping(TwilioStatuses.call(status, answeredBy == null ? "" : answeredBy), Channel.VOICE, display,
                outcomeClass);
    }

    @ParameterizedTest(name = "Mailgun {0} ({1}) -> {2}")
    @DisplayName("K6: Mailgun events map onto Email outcomes, feedback kept apart")
    @CsvSource(delimiter = '|', textBlock = """
            accepted     |           | In-Progress          | IN_FLIGHT
            delivered    |           | Sent                 | SUCCESS
            failed       | temporary | In-Progress          | IN_FLIGHT
            failed       | permanent | Failed               | FAILURE
            failed       |           | Failed               | FAILURE
            rejected     |           | Failed               | FAILURE
            opened       |           | feedback OPENED      | -
            clicked      |           | feedback CLICKED     | -
            unsubscribed |           | feedback UNSUBSCRIBED | -
            complained   |           | feedback COMPLAINED  | -
            stored       |           | unrecognized         | -
            """)
    void mailgun(String event, String severity, String display, String outcomeClass) {
        assertMapping(MailgunEvents.event(event, severity == null ? "" : severity, "550 5.1.1 mailbox unavailable"),
                Channel.EMAIL, display, outcomeClass);
    }

    @ParameterizedTest(name = "SendGrid {0} -> {1}")
    @DisplayName("K6: SendGrid events map onto Email outcomes, feedback kept apart")
    @CsvSource(delimiter = '|', textBlock = """
            processed         | In-Progress           | IN_FLIGHT
            deferred          | In-Progress           | IN_FLIGHT
            delivered         | Sent                  | SUCCESS
            bounce            | Failed                | FAILURE
            dropped           | Failed                | FAILURE
            open              | feedback OPENED       | -
            click             | feedback CLICKED      | -
            unsubscribe       | feedback UNSUBSCRIBED | -
            group_unsubscribe | feedback UNSUBSCRIBED | -
            spamreport        | feedback COMPLAINED   | -
            group_resubscribe | unrecognized          | -
            """)
    void sendGrid(String event, String display, String outcomeClass) {
        assertMapping(SendGridEvents.event(event, "Unsubscribed Address"), Channel.EMAIL, display, outcomeClass);
    }

    @Test
    @DisplayName("R2: a late 'opened' after 'delivered' makes no report, so the device stays Sent")
    void lateOpenNeverOverwritesDelivered() {
        MappedStatus delivered = SendGridEvents.event("delivered");
        MappedStatus opened = SendGridEvents.event("open");

        assertThat(delivered.toReport("d1", "e1", 1, AT)).map(DeviceReport::outcome)
                .contains(DeviceOutcome.of(DeviceStatus.SENT));
        assertThat(opened.toReport("d1", "e2", 2, AT.plusSeconds(60))).isEmpty();
        assertThat(opened.deviceOutcome()).isEmpty();
        assertThat(MailgunEvents.event("opened").toReport("d1", "e3", 3, AT.plusSeconds(90))).isEmpty();
        assertThat(TwilioStatuses.message("read").toReport("d1", "e4", 4, AT.plusSeconds(90))).isEmpty();
    }

    @Test
    @DisplayName("failures carry the service's reason; successes none")
    void reasons() {
        assertThat(MailgunEvents.event("failed", "permanent", "suppress-unsubscribe")
                .toReport("d1", "e1", 0, AT).flatMap(DeviceReport::reason)).contains("suppress-unsubscribe");
        assertThat(TwilioStatuses.message("undelivered", 30003).toReport("d1", "e1", 0, AT)
                .flatMap(DeviceReport::reason)).contains("Twilio error 30003");
        assertThat(SendGridEvents.event("delivered", "250 OK").toReport("d1", "e1", 0, AT)
                .flatMap(DeviceReport::reason)).isEmpty();
        assertThat(FeedbackKind.COMPLAINED.suppresses()).isTrue();
        assertThat(FeedbackKind.OPENED.suppresses()).isFalse();
    }

    @Property(tries = 200)
    @Label("statuses match whatever their case and surrounding white space; feedback never makes a report")
    void caseAndSpaceDoNotMatter(@ForAll("statuses") String status, @ForAll("functions") int function,
                                 @ForAll boolean upper) {
        Function<String, MappedStatus> map = FUNCTIONS.get(function);
        String variant = " " + (upper ? status.toUpperCase(Locale.ROOT) : status) + "\t";
        MappedStatus plain = map.apply(status);
        MappedStatus varied = map.apply(variant);

        assertThat(varied.deviceOutcome()).isEqualTo(plain.deviceOutcome());
        assertThat(varied instanceof MappedStatus.Feedback).isEqualTo(plain instanceof MappedStatus.Feedback);
        assertThat(varied.toReport("d", "e", 0, AT).isPresent()).isEqualTo(varied instanceof MappedStatus.Outcome);
    }

    @Provide
    Arbitrary<Integer> functions() {
        return Arbitraries.integers().between(0, FUNCTIONS.size() - 1);
    }

    @Provide
    Arbitrary<String> statuses() {
        return Arbitraries.of("queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "ringing",
                "in-progress", "in_progress", "completed", "busy", "no-answer", "canceled", "accepted", "rejected",
                "opened", "clicked", "unsubscribed", "complained", "processed", "deferred", "bounce", "dropped",
                "open", "click", "unsubscribe", "group_unsubscribe", "spamreport", "stored", "whatever");
    }

    private static void assertMapping(MappedStatus mapped, Channel channel, String display, String outcomeClass) {
        if (display.equals("unrecognized")) {
            assertThat(mapped).isInstanceOf(MappedStatus.Unrecognized.class);
        } else if (display.startsWith("feedback ")) {
            assertThat(mapped).isEqualTo(new MappedStatus.Feedback(
                    FeedbackKind.valueOf(display.substring("feedback ".length()))));
        } else {
            DeviceOutcome outcome = mapped.deviceOutcome().orElseThrow();
            assertThat(outcome.display()).isEqualTo(display);
            assertThat(OutcomeClassifier.standard().classify(channel, outcome, false).name()).isEqualTo(outcomeClass);
            return;
        }
        assertThat(mapped.deviceOutcome()).isEmpty();
        assertThat(outcomeClass).isEqualTo("-");
    }
}
