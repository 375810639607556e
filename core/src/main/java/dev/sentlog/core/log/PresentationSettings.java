package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Clock;
import java.time.ZoneId;

/**
 * How a log shows its messages: the settings the log's selection (screen) and the printed Sent
 * Message Report must share, so that both show the same figures, times and links. A log exposes its
 * own through {@link SentMessageLog#settings()}; the report module builds a report writer from them
 * ({@code SentMessageReport.forLog(log)}).
 *
 * @param zone             the district's time zone: searches, times on screen and in the report
 * @param clock            where every time comes from ("now", "Generated on")
 * @param classifier       the outcome classification of totals and marks (SPEC K3-K6)
 * @param fileAvailability whether the host still has an attachment or audio file (SPEC S8)
 */
public record PresentationSettings(ZoneId zone, Clock clock, OutcomeClassifier classifier,
                                   FileAvailability fileAvailability) {

    /** The default zone of every builder: UTC. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /**
     * Checks the components.
     *
     * @param zone             the district's time zone
     * @param clock            where every time comes from
     * @param classifier       the outcome classification
     * @param fileAvailability the host's file check
     * @throws NullPointerException naming the missing setting
     */
    public PresentationSettings {
        Checks.requireNonNull(zone, "zone");
        Checks.requireNonNull(clock, "clock");
        Checks.requireNonNull(classifier, "classifier");
        Checks.requireNonNull(fileAvailability, "fileAvailability");
    }

    /**
     * The defaults every builder starts from: UTC ({@link #DEFAULT_ZONE}), the system UTC clock, the
     * standard classification and "every file exists".
     *
     * @return the default settings
     */
    public static PresentationSettings defaults() {
        return new PresentationSettings(DEFAULT_ZONE, Clock.systemUTC(), OutcomeClassifier.standard(),
                FileAvailability.always());
    }
}
