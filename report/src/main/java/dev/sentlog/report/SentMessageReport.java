package dev.sentlog.report;

import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.log.PresentationSettings;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.report.csv.CsvReportRenderer;
import dev.sentlog.report.docx.DocxReportRenderer;
import dev.sentlog.report.font.FontRegistry;
import dev.sentlog.report.internal.Checks;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.report.model.ReportRenderer;
import dev.sentlog.report.pdf.PdfReportRenderer;
import dev.sentlog.spi.OutcomeClassifier;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Sent Message Report of a message (SPEC section 9) as PDF, CSV or DOCX.
 *
 * <pre>{@code
 * SentMessageReport reports = SentMessageReport.forLog(log);   // prints as log.select() shows
 * // or SentMessageReport.builder().zone(ZoneId.of("America/Chicago")).clock(clock).build()
 * try (OutputStream out = Files.newOutputStream(Path.of("report.pdf"))) {
 *     reports.write(message, new ReportOptions(Set.of(DeviceChoice.EMAIL, DeviceChoice.NO_DEVICE),
 *             ReportDetail.ALL, ReportFormat.PDF), out);
 * }
 * }</pre>
 *
 * <p>Each write validates the options against the message (P1, P2), analyses the message once
 * ({@link DeliveryAnalysis}: totals, duplicate and phone marks), builds one {@link ReportModel} and
 * lets the format's renderer lay it out, streaming the Delivery Detail rows so memory stays bounded
 * for any number of devices.
 *
 * <p>Immutable and thread-safe: one instance may write any number of reports concurrently.
 */
public final class SentMessageReport {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageReport.class);

    private final ZoneId zone;
    private final Clock clock;
    private final FontRegistry fonts;
    private final OutcomeClassifier classifier;
    private final FileAvailability fileAvailability;

    private SentMessageReport(Builder b) {
        this.fileAvailability = b.fileAvailability;
        this.zone = b.zone;
        this.clock = b.clock;
        this.fonts = b.fonts;
        this.classifier = b.classifier;
    }

    /**
     * A builder with the defaults of {@link PresentationSettings#defaults()} and the bundled fonts.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A report writer that prints exactly as the log shows: the log's zone, clock, classifier and
     * file check ({@link SentMessageLog#settings()}), and the bundled fonts.
     *
     * @param log the log whose messages are printed
     * @return the writer
     * @throws NullPointerException when log is null
     */
    public static SentMessageReport forLog(SentMessageLog log) {
        return builder().settings(Checks.requireNonNull(log, "log").settings()).build();
    }

    /**
     * The presentation settings this writer prints with.
     *
     * @return the zone, clock, classifier and file check
     */
    public PresentationSettings settings() {
        return new PresentationSettings(zone, clock, classifier, fileAvailability);
    }

    /**
     * Checks options against a message (SPEC P1, P2): at least one device choice; only the message's
     * delivery modes (and No Device, always); Failed Delivery not for a Waiting or In-Progress message;
     * only the Summary detail for a redacted message (SPEC X2, the error says it was redacted).
     *
     * @param message the message
     * @param options the options
     * @throws InvalidReportOptionsException naming the message, its status and what was refused
     */
    public static void validate(Message message, ReportOptions options) {
        Checks.requireNonNull(message, "message");
        Checks.requireNonNull(options, "options");
        ApplicableReportOptions applicable = ApplicableReportOptions.of(message);
        if (options.devices().isEmpty()) {
            throw new InvalidReportOptionsException(String.format(Locale.ROOT,
                    "no delivery device was picked for the report of message %s; pick at least one of %s",
                    message.id(), applicable.devices()), message.id(), message.status(), Set.of(), null);
        }
        EnumSet<DeviceChoice> refused = EnumSet.copyOf(options.devices());
        refused.removeAll(applicable.devices());
        if (!refused.isEmpty()) {
            throw new InvalidReportOptionsException(String.format(Locale.ROOT,
                    "message %s did not use %s, so the report cannot include it; it can include %s",
                    message.id(), refused, applicable.devices()), message.id(), message.status(), refused, null);
        }
        if (message.redaction().isPresent() && options.detail() != ReportDetail.SUMMARY) {
            throw new InvalidReportOptionsException(String.format(Locale.ROOT,
                    "message %s was redacted on %s: its recipients, addresses and texts are erased, so a %s report "
                            + "cannot print; a Summary report can (SPEC X2)",
                    message.id(), message.redaction().get().redactedAt(), options.detail().label()),
                    message.id(), message.status(), Set.of(), options.detail());
        }
        if (!applicable.details().contains(options.detail())) {
            throw new InvalidReportOptionsException(String.format(Locale.ROOT,
                    "a %s report is not available for message %s while it is %s; pick one of %s",
                    options.detail().label(), message.id(), message.status().label(), applicable.details()),
                    message.id(), message.status(), Set.of(), options.detail());
        }
    }

    /**
     * Builds the format-neutral content of a report (what {@link #write} lays out).
     *
     * @param message the message
     * @param options the options; the format is not used
     * @return the model
     * @throws InvalidReportOptionsException when the options do not apply to the message
     */
    public ReportModel model(Message message, ReportOptions options) {
        return model(message, MessageEngagement.none(), options);
    }

    /**
     * Builds the format-neutral content of a report with the devices' engagement beside their status
     * (SPEC H5).
     *
     * @param message    the message
     * @param engagement the engagement of its devices ({@code SentMessageLog.engagement})
     * @param options    the options; the format is not used
     * @return the model
     * @throws InvalidReportOptionsException when the options do not apply to the message
     */
    public ReportModel model(Message message, MessageEngagement engagement, ReportOptions options) {
        validate(message, options);
        return ReportModel.builder()
                .engagement(Checks.requireNonNull(engagement, "engagement"))
                .message(message)
                .analysis(DeliveryAnalysis.of(message, classifier))
                .classifier(classifier)
                .devices(options.devices())
                .detail(options.detail())
                .zone(zone)
                .generatedAt(clock.instant())
                .fileAvailability(fileAvailability)
                .build();
    }

    /**
     * Writes a report.
     *
     * @param message the message
     * @param options the options
     * @param out     where to write; flushed, not closed
     * @throws InvalidReportOptionsException when the options do not apply to the message (nothing is
     *                                       written then)
     * @throws ReportWriteException          when writing fails with an I/O error (or the PDF library
     *                                       refuses the document); a programming error (a
     *                                       {@code NullPointerException}, {@code IllegalArgumentException}
     *                                       or {@code IllegalStateException}) is not wrapped
     */
    public void write(Message message, ReportOptions options, OutputStream out) {
        write(message, MessageEngagement.none(), options, out);
    }

    /**
     * Writes a report with the devices' engagement beside their status (SPEC H5): the Status cell
     * reads e.g. {@code "Sent \u00b7 Opened 12/01/2026 8:31 AM"} in every format.
     *
     * @param message    the message
     * @param engagement the engagement of its devices ({@code SentMessageLog.engagement})
     * @param options    the options
     * @param out        where to write; flushed, not closed
     * @throws InvalidReportOptionsException when the options do not apply to the message
     * @throws ReportWriteException          when writing fails with an I/O error
     */
    public void write(Message message, MessageEngagement engagement, ReportOptions options, OutputStream out) {
        Checks.requireNonNull(out, "out");
        ReportModel model = model(message, engagement, options);
        ReportRenderer renderer = renderer(options.format());
        long start = System.nanoTime();
        try {
            renderer.render(model, out);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            // only I/O failures: a NullPointerException, IllegalArgumentException or
            // IllegalStateException from a bug propagates as it is
            throw new ReportWriteException(message.id(), options.format(), e);
        }
        LOG.debug("wrote the {} {} report of message {} ({} devices) in {} ms", options.format(),
                options.detail(), message.id(), message.deviceCount(), (System.nanoTime() - start) / 1_000_000);
    }

    private ReportRenderer renderer(ReportFormat format) {
        switch (format) {
            case PDF:
                return new PdfReportRenderer(fonts);
            case CSV:
                return new CsvReportRenderer();
            case DOCX:
            default:
                return new DocxReportRenderer();
        }
    }

    /**
     * Builds a {@link SentMessageReport}. It starts from {@link PresentationSettings#defaults()}, the
     * log builder's defaults (UTC, the system UTC clock, the standard classification, every file
     * exists). Each setter refuses null, naming the setting. Not thread-safe.
     */
    public static final class Builder {
        private ZoneId zone;
        private Clock clock;
        private OutcomeClassifier classifier;
        private FileAvailability fileAvailability;
        private FontRegistry fonts = FontRegistry.bundled();

        private Builder() {
            settings(PresentationSettings.defaults());
        }

        /**
         * Takes every presentation setting (zone, clock, classifier, file check) from one value,
         * typically {@link SentMessageLog#settings()}.
         *
         * @param v the settings
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder settings(PresentationSettings v) {
            Checks.requireNonNull(v, "settings");
            zone = v.zone();
            clock = v.clock();
            classifier = v.classifier();
            fileAvailability = v.fileAvailability();
            return this;
        }

        /**
         * Sets the file check: the Message Detail names the email attachment and audio file only
         * while the host still has the file (SPEC S8). Default: always. Must be thread-safe.
         *
         * @param v whether the host still has a file
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder fileAvailability(FileAvailability v) {
            fileAvailability = Checks.requireNonNull(v, "fileAvailability");
            return this;
        }

        /**
         * Sets the district's time zone: every time is printed in it (default UTC).
         *
         * @param v the zone
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder zone(ZoneId v) {
            zone = Checks.requireNonNull(v, "zone");
            return this;
        }

        /**
         * Sets the clock of the "Generated on" stamp (default: the system UTC clock).
         *
         * @param v the clock
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder clock(Clock v) {
            clock = Checks.requireNonNull(v, "clock");
            return this;
        }

        /**
         * Sets the PDF fonts (default: the bundled DejaVu Sans only).
         *
         * @param v the fonts
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder fonts(FontRegistry v) {
            fonts = Checks.requireNonNull(v, "fonts");
            return this;
        }

        /**
         * Sets the outcome classification (default: the standard one, SPEC K3-K6).
         *
         * @param v the classification
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder classifier(OutcomeClassifier v) {
            classifier = Checks.requireNonNull(v, "classifier");
            return this;
        }

        /**
         * Builds the report writer.
         *
         * @return the writer
         */
        public SentMessageReport build() {
            return new SentMessageReport(this);
        }
    }
}
