package dev.sentlog.examples.web;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.search.DateText;
import dev.sentlog.report.SentMessageReport;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the pages work on: the log and its report printer.
 *
 * @param log     the log
 * @param reports the Sent Message Report with the log's settings
 */
record Site(SentMessageLog log, SentMessageReport reports) {

    /** Today in the district's zone, by the log's clock. */
    LocalDate today() {
        return LocalDate.now(log.settings().clock().withZone(log.zone()));
    }

    /** A time as the grid shows it, {@code MM/dd/yyyy h:mm a} in the district's zone (S4). */
    String shown(Instant t) {
        return DateText.format(t, log.zone());
    }
}
