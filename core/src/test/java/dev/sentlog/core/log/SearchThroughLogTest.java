package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.search.Column;
import dev.sentlog.core.search.ColumnFilter;
import dev.sentlog.core.search.InvalidDateRangeException;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.search.Sort;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchThroughLogTest {

    private static java.time.Instant chicago(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LogHarness.CHICAGO).toInstant();
    }

    @Test
    void S1_aMissingEndOrAStartAfterTheEndIsAClearError() {
        LocalDate d = LocalDate.of(2022, 5, 1);
        assertThatThrownBy(() -> SearchCriteria.createdBetween(d, null)).isInstanceOf(InvalidDateRangeException.class)
                .hasMessage("the created-between range needs an end date (start date is 2022-05-01)");
        assertThatThrownBy(() -> SearchCriteria.createdBetween(null, d)).isInstanceOf(InvalidDateRangeException.class)
                .hasMessageContaining("needs a start date");
        assertThatThrownBy(() -> SearchCriteria.createdBetween(d, d.minusDays(1)))
                .isInstanceOf(InvalidDateRangeException.class)
                .hasMessage("the created-between range starts 2022-05-01, after its end 2022-04-30");
    }

    @Test
    void S1_theRangeIsWholeDaysInTheDistrictsZone_bothEndsInclusive() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("before").createdAt(chicago("2022-04-30T23:59:59")).build());
            h.log.record(message("first").createdAt(chicago("2022-05-01T00:00:00")).build());
            h.log.record(message("last").createdAt(chicago("2022-05-02T23:59:59.999")).build());
            h.log.record(message("after").createdAt(chicago("2022-05-03T00:00:00")).build());

            SearchResult r = h.log.search(admin(), SearchCriteria.createdBetween(LocalDate.of(2022, 5, 1),
                    LocalDate.of(2022, 5, 2)));

            assertThat(r.rows()).extracting(MessageRow::id).containsExactly("last", "first");
        }
    }

    @Test
    void S2_atMostTheCapComesBack_theMostRecentlyCreated_withTheTotalAndTheCutFlag() {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.searchCap(3))) {
            for (int i = 0; i < 5; i++) {
                h.log.record(message("m-" + i).createdAt(chicago("2022-05-01T08:0" + i + ":00")).build());
            }
            SearchResult r = h.log.search(admin(), SearchCriteria.createdBetween(LocalDate.of(2022, 5, 1),
                    LocalDate.of(2022, 5, 1)));

            assertThat(r.rows()).extracting(MessageRow::id).containsExactly("m-4", "m-3", "m-2");
            assertThat(r.totalMatched()).isEqualTo(5);
            assertThat(r.isCut()).isTrue();
            assertThat(r.cap()).isEqualTo(3);
            assertThat(SentMessageLog.DEFAULT_SEARCH_CAP).isEqualTo(4000);
        }
    }

    @Test
    void S3_S4_S5_theGridFiltersByDropdownValuesAndDateText_andSortsStably() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("a").subject("Snow day").createdAt(chicago("2022-05-01T08:30:00"))
                    .scheduledAt(chicago("2022-06-01T08:00:00")).build());
            h.log.record(message("b").subject("Picnic").createdAt(chicago("2022-05-01T20:30:00")).build());
            h.log.record(message("c").subject("snow day").createdAt(chicago("2022-05-02T08:35:00"))
                    .sender(TestMessages.TEACHER).build());
            SearchResult r = h.log.search(admin(), SearchCriteria.createdBetween(LocalDate.of(2022, 5, 1),
                    LocalDate.of(2022, 5, 2)));

            assertThat(r.values(Column.STATUS)).containsExactly("In-Progress", "Waiting");
            assertThat(r.values(Column.SENDER)).containsExactly("Administrator, System", "Teacher, Tina");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.STATUS, "Waiting")), Sort.newestFirst())))
                    .containsExactly("a");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.DATE_CREATED, "8:30 am")), Sort.newestFirst())))
                    .as("20:30 shows as 8:30 PM").containsExactly("a");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.DATE_CREATED, "2022 8:3")), Sort.newestFirst())))
                    .containsExactly("c", "b", "a");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.DATE_CREATED, "05/01"),
                    ColumnFilter.of(Column.SUBJECT, "Picnic")), Sort.newestFirst()))).containsExactly("b");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.DATE_CREATED, "05/01/2022 8:30 AM")),
                    Sort.newestFirst()))).containsExactly("a");
            assertThat(ids(r.view(List.of(ColumnFilter.of(Column.DATE_SCHEDULED, "06/01")), Sort.newestFirst())))
                    .containsExactly("a");
            assertThat(ids(r.view(List.of(), Sort.ascending(Column.SUBJECT)))).containsExactly("b", "a", "c");
            assertThat(ids(r.view(List.of(), Sort.descending(Column.SUBJECT)))).containsExactly("c", "a", "b");
        }
    }

    private static List<String> ids(List<MessageRow> rows) {
        return rows.stream().map(MessageRow::id).toList();
    }
}
