package dev.sentlog.report.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report prints times. Package-private; the formatters are immutable and shared. */
final class ReportTexts {

    /** Dates and times as the log shows them (SPEC S4): {@code 05/01/2022 8:30 AM}. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US);
    /** The generated-on stamp, to the second: {@code 12/02/2019 08:55:18 AM}. */
    static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    private ReportTexts() {
    }

    static String minute(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTE.format(t.atZone(zone));
    }

    static String second(Instant t, ZoneId zone) {
        return SECOND.format(t.atZone(zone));
    }

    /**
     * Formats device times to the minute, reusing the last text while times fall in the same minute
     * (delivery rows arrive in bursts: most consecutive rows share it). One per row pass; not
     * thread-safe.
     */
    static final class MinuteCache {
        private final ZoneId zone;
        private long minute = Long.MIN_VALUE;
        private String text;

        MinuteCache(ZoneId zone) {
            this.zone = zone;
        }

        String format(Instant t) {
            if (t == null) {
                return "";
            }
            long m = Math.floorDiv(t.getEpochSecond(), 60);
            if (m != minute || text == null) {
                ZonedDateTime z = t.atZone(zone);
                text = MINUTE.format(z);
                // zones with second offsets (before standard time) cannot share a minute's text
                minute = z.getOffset().getTotalSeconds() % 60 == 0 ? m : Long.MIN_VALUE;
            }
            return text;
        }
    }

    static String minutes(long m) {
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
