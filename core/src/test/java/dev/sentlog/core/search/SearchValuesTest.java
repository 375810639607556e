package dev.sentlog.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.MessageStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SearchValuesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant BASE = Instant.parse("2021-10-30T00:00:00Z");

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 3L * 365 * 24 * 3600).map(BASE::plusSeconds);
    }

    @Test
    void S4_theDisplayedFormIsMonthDayYearHourMinuteAmPmInTheDistrictsZone() {
        assertThat(DateText.format(Instant.parse("2022-05-01T13:30:00Z"), CHICAGO)).isEqualTo("05/01/2022 8:30 AM");
        assertThat(DateText.format(Instant.parse("2022-05-02T01:05:00Z"), CHICAGO)).isEqualTo("05/01/2022 8:05 PM");
        assertThat(DateText.matches("05/01/2022 8:30 AM", "  8:30 am ")).isTrue();
        assertThat(DateText.matches("05/01/2022 8:30 AM", "2022 8:")).isTrue();
        assertThat(DateText.matches("05/01/2022 8:30 AM", "05/01")).isTrue();
        assertThat(DateText.matches("05/01/2022 8:30 AM", "8:30 pm")).isFalse();
        assertThat(DateText.matches("05/01/2022 8:30 AM", "")).isTrue();
    }

    @Property(tries = 200)
    void S4_aFullDisplayedDateMatchesExactlyThatMinute(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
                                                       @ForAll @IntRange(min = 0, max = 59) int secondsLater) {
        String shownA = DateText.format(a, CHICAGO);
        assertThat(DateText.matches(DateText.format(b, CHICAGO), shownA))
                .isEqualTo(DateText.format(b, CHICAGO).equals(shownA));
        Instant sameMinute = a.minusSeconds(a.getEpochSecond() % 60).plusSeconds(secondsLater);
        assertThat(DateText.matches(DateText.format(sameMinute, CHICAGO), shownA)).isTrue();
    }

    @Property(tries = 200)
    void S4_everyPartOfTheDisplayedFormMatchesIgnoringCase(@ForAll("instants") Instant a,
                                                           @ForAll @IntRange(min = 0, max = 20) int from,
                                                           @ForAll @IntRange(min = 0, max = 20) int length) {
        String shown = DateText.format(a, CHICAGO);
        int start = Math.min(from, shown.length());
        String part = shown.substring(start, Math.min(shown.length(), start + length));
        assertThat(DateText.matches(shown, part.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(DateText.matches(shown, part.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Provide
    Arbitrary<List<MessageRow>> rows() {
        Arbitrary<MessageRow> row = Combinators.combine(Arbitraries.of(MessageStatus.class),
                Arbitraries.of("Staff Messenger", "Class Messages", "Behavior Messenger"),
                Arbitraries.of("Harrison High", "Lincoln Elementary"), Arbitraries.of("Snow day", "snow day", "Picnic"),
                Arbitraries.of("Teacher, Tina", "Administrator, System"), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(-1, 3)).as((st, type, school, subject, sender, created, sched) ->
                new MessageRow("x", st, type, school, subject, "u", sender, BASE.plusSeconds(3600L * created),
                        sched < 0 ? null : BASE.plusSeconds(7200L * sched), sched < 0 ? "" : "4" + sched));
        return row.list().ofMaxSize(25).map(list -> {
            List<MessageRow> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                MessageRow r = list.get(i);
                out.add(new MessageRow("m-" + i, r.status(), r.messageType(), r.districtOrSchool(), r.subject(),
                        r.senderId(), r.senderName(), r.createdAt(), r.scheduledAt().orElse(null), r.scheduleId()));
            }
            return out;
        });
    }

    @Property(tries = 200)
    void S5_everySortIsStable_tiesGoByDateCreatedThenId(@ForAll("rows") List<MessageRow> rows,
                                                        @ForAll Column column, @ForAll boolean ascending,
                                                        @ForAll long seed) {
        SearchResult r = new SearchResult(rows, rows.size(), 4000, CHICAGO);
        Sort sort = new Sort(column, ascending);
        List<MessageRow> sorted = r.view(List.of(), sort);
        List<MessageRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(new SearchResult(shuffled, rows.size(), 4000, CHICAGO).view(List.of(), sort))
                .containsExactlyElementsOf(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            MessageRow a = sorted.get(i - 1);
            MessageRow b = sorted.get(i);
            if (new Sort(column, true).comparator().compare(a, b) != 0
                    && primaryEqual(column, a, b)) {
                assertThat(a.createdAt().isBefore(b.createdAt())
                        || a.createdAt().equals(b.createdAt()) && a.id().compareTo(b.id()) < 0).isTrue();
            }
        }
    }

    private static boolean primaryEqual(Column c, MessageRow a, MessageRow b) {
        return a.cell(c, CHICAGO).equals(b.cell(c, CHICAGO));
    }

    @Property(tries = 200)
    void S3_theDropdownHoldsEachDistinctCellOnce_andPickingAValueKeepsExactlyItsRows(
            @ForAll("rows") List<MessageRow> rows) {
        SearchResult r = new SearchResult(rows, rows.size(), 4000, CHICAGO);
        for (Column c : Column.values()) {
            if (!c.isPickList()) {
                continue;
            }
            List<String> values = r.values(c);
            assertThat(values).doesNotHaveDuplicates();
            assertThat(rows).allMatch(row -> values.contains(row.cell(c, CHICAGO)));
            for (String v : values) {
                List<MessageRow> kept = r.view(List.of(ColumnFilter.of(c, v)), Sort.newestFirst());
                assertThat(kept).isNotEmpty().allMatch(row -> row.cell(c, CHICAGO).equals(v));
                assertThat(kept).hasSize((int) rows.stream().filter(row -> row.cell(c, CHICAGO).equals(v)).count());
            }
        }
    }

    @Test
    void S3_dateColumnsHaveNoDropdown_andScheduleIdHasNoFilter() {
        SearchResult r = new SearchResult(List.of(), 0, 4000, CHICAGO);
        assertThatThrownBy(() -> r.values(Column.DATE_CREATED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Date Created");
        assertThatThrownBy(() -> ColumnFilter.of(Column.SCHEDULE_ID, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Schedule ID");
    }

    @Property(tries = 50)
    void S2_S5_aResultAndItsViewsAreImmutable(@ForAll("rows") List<MessageRow> rows) {
        SearchResult r = new SearchResult(new ArrayList<>(rows), rows.size(), 4000, CHICAGO);
        MessageRow extra = new MessageRow("m-x", MessageStatus.SENT, "Class Messages", "Harrison High", "Picnic",
                "u", "Teacher, Tina", BASE, null, "");
        List<MessageRow> view = r.view(List.of(), Sort.newestFirst());
        assertThatThrownBy(() -> view.add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.rows().add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.values(Column.STATUS).add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
