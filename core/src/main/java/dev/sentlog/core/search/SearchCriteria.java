package dev.sentlog.core.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a search asks for: messages created between two dates, whole days in the district's time
 * zone, both ends inclusive (SPEC S1).
 *
 * @param createdFrom the first day
 * @param createdTo   the last day
 */
public record SearchCriteria(LocalDate createdFrom, LocalDate createdTo) {

    /**
     * Validates the range.
     *
     * @throws InvalidDateRangeException when a date is missing or the start is after the end
     */
    public SearchCriteria {
        if (createdFrom == null || createdTo == null || createdFrom.isAfter(createdTo)) {
            throw new InvalidDateRangeException(createdFrom, createdTo);
        }
    }

    /**
     * Criteria for a range of days.
     *
     * @param from the first day
     * @param to   the last day
     * @return the criteria
     * @throws InvalidDateRangeException when a date is missing or the start is after the end
     */
    public static SearchCriteria createdBetween(LocalDate from, LocalDate to) {
        return new SearchCriteria(from, to);
    }

    /**
     * Returns the first instant of the range.
     *
     * @param zone the district's zone
     * @return the first instant of the range
     */
    public Instant start(ZoneId zone) {
        return createdFrom.atStartOfDay(zone).toInstant();
    }

    /**
     * Returns the first instant after the range.
     *
     * @param zone the district's zone
     * @return the first instant after the range
     */
    public Instant endExclusive(ZoneId zone) {
        return createdTo.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
