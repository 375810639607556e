package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.totals.DeliveryTotals;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trip of the interchange format over generated messages (SPEC J0, J1). */
class RoundTripPropertiesTest {

    private static final Instant BASE = Instant.parse("2019-12-02T14:55:00Z");

    @Property(tries = 150)
    @Label("J0/J1: write then read gives an equal message, in any district zone")
    void writeThenReadIsIdentity(@ForAll("messages") Message message, @ForAll("zones") ZoneId zone) {
        MessageJson json = MessageJson.inZone(zone);

        ImportedMessage back = json.read(json.write(message));

        assertThat(back.message()).isEqualTo(message);
        assertThat(back.createdAtOffset()).isEqualTo(zone.getRules().getOffset(message.createdAt()));
    }

    @Property(tries = 100)
    @Label("J3: totals of the read-back message equal the totals of the original")
    void totalsSurviveTheRoundTrip(@ForAll("messages") Message message) {
        MessageJson json = MessageJson.inZone(ZoneId.of("America/Chicago"));

        assertThat(DeliveryTotals.of(json.read(json.write(message)).message()))
                .isEqualTo(DeliveryTotals.of(message));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("America/Chicago", "America/New_York", "America/Phoenix", "Pacific/Honolulu",
                "Asia/Kolkata", "UTC", "Europe/Kyiv").map(ZoneId::of);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Instant> time = Arbitraries.longs().between(-86_400L * 400, 86_400L * 400)
                .map(BASE::plusSeconds);
        Arbitrary<Instant> optionalTime = Arbitraries.oneOf(Arbitraries.just((Instant) null), time,
                Arbitraries.integers().between(1, 999_999_999).map(BASE::plusNanos));
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange(' ', '\u024F').withChars("ẠẬĐдлωλ\"\\\n\t€").ofMaxLength(20));
        Arbitrary<FileRef> file = Arbitraries.oneOf(Arbitraries.just((FileRef) null),
                text.map(n -> new FileRef(n + ".pdf", "cdr://files/" + n.length())));
        Arbitrary<Cancellation> cancellation = Arbitraries.oneOf(Arbitraries.just((Cancellation) null),
                time.map(at -> new Cancellation(Person.of("u-9", "Principal, Pat"), at)));
        Arbitrary<List<FilterCriterion>> criteria = Arbitraries.oneOf(
                Arbitraries.just(List.<FilterCriterion>of()),
                text.map(v -> List.of(FilterCriterion.of("Filter Operation", v),
                        FilterCriterion.of("Behavior Events", new FilterTable(List.of("Grade", "Event Type"),
                                List.of(List.of("All Grades", v), List.of("9", "Tardy")))))));
        Arbitrary<Message.Builder> extras = Combinators.combine(MessageArbitraries.message(), time, optionalTime,
                optionalTime, optionalTime, file, file, cancellation)
                .as((m, created, scheduled, started, ended, attachment, audio, cancel) -> m.toBuilder()
                        .createdAt(created).scheduledAt(scheduled).startedAt(started).endedAt(ended)
                        .emailAttachment(attachment).audioFile(audio).cancellation(cancel));
        return Combinators.combine(extras, text, text, text, criteria)
                .as((b, t1, t2, t3, c) -> b.scheduleName(t1).callerId(t2).text(t3).scheduleId(t3)
                        .subject(t1 + t2).filterCriteria(c).build());
    }
}
