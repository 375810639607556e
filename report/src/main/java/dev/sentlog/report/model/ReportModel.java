package dev.sentlog.report.model;

import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.log.PresentationSettings;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.report.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The content of one Sent Message Report, independent of its format (SPEC P3-P7): computed once from
 * a message and its {@link DeliveryAnalysis}, then laid out by the PDF, CSV and DOCX renderers, which
 * add no content of their own. That is what makes P7 ("the same options give the same content in
 * every format") hold by construction.
 *
 * <p>The blocks are small immutable lists. The Delivery Detail rows are not held: {@link #rows()}
 * produces them lazily from the message on each iteration, so a 500,000-device report needs no
 * memory per row.
 *
 * <p>Which blocks a detail level shows (SPEC P1; where the spec is silent, the decision is noted):
 * <ul>
 *   <li>{@code ALL}: header, Delivery Summary, Filter Criteria Detail (only for message types that
 *       have it, S7), Message Detail, and every delivery row;</li>
 *   <li>{@code SUMMARY}: header and Delivery Summary;</li>
 *   <li>{@code FAILED_DELIVERY}: header, Delivery Summary, and every delivery row (of the included
 *       devices) of each person with at least one failed included device (K6; canceled is not
 *       failed, C5).</li>
 * </ul>
 *
 * <p>Immutable and safe to share between threads; each call of {@code rows().iterator()} is an
 * independent pass.
 */
public final class ReportModel {

    /** The report's title. */
    public static final String TITLE = "Sent Message Report";
    /** The Delivery Summary block's title. */
    public static final String DELIVERY_SUMMARY = "Delivery Summary";
    /** The outcome chart's title (SPEC E2), under the Delivery Summary. */
    public static final String OUTCOME_CHART = "Delivery Outcomes";
    /** The column headings of the outcome chart as a table (the CSV's form, SPEC E2): channel, each outcome, total. */
    public static final List<String> OUTCOME_COLUMNS = outcomeColumns();
    /** The Filter Criteria Detail block's title. */
    public static final String FILTER_CRITERIA_DETAIL = "Filter Criteria Detail";
    /** The Message Detail block's title. */
    public static final String MESSAGE_DETAIL = "Message Detail";
    /** The Delivery Detail block's title. */
    public static final String DELIVERY_DETAIL = "Delivery Detail";
    /** The Delivery Detail column headings (SPEC P5). */
    public static final List<String> DETAIL_COLUMNS = List.of("Recipient", "Student", "Delivery Device", "Status",
            "Time");

    private final String messageId;
    private final String generatedOn;
    private final List<LabeledValue> header;
    private final List<LabeledValue> summary;
    private final List<ChannelOutcomes> outcomeChart;
    private final List<FilterCriterion> filterCriteria;
    private final List<LabeledValue> messageDetail;
    private final boolean deliveryDetail;
    private final boolean phoneMarks;
    private final Message message;
    private final DeliveryAnalysis analysis;
    private final OutcomeClassifier classifier;
    private final EnumSet<Channel> channels;
    private final boolean noDeviceRows;
    private final Set<String> failedPersons;
    private final ZoneId zone;
    private final MessageEngagement engagement;

    private ReportModel(Builder b) {
        this.engagement = b.engagement;
        this.message = b.message;
        this.analysis = b.analysis;
        this.classifier = b.classifier;
        this.zone = b.zone;
        this.messageId = message.id();
        this.generatedOn = ReportTexts.second(b.generatedAt, zone);
        this.channels = EnumSet.noneOf(Channel.class);
        for (DeviceChoice d : b.devices) {
            d.channel().filter(message.deliveryModes()::contains).ifPresent(channels::add);
        }
        this.noDeviceRows = b.devices.contains(DeviceChoice.NO_DEVICE);
        this.phoneMarks = message.usesPhone();
        this.header = header(b);
        this.summary = summary(DeliverySummary.of(message, analysis), noDeviceRows, zone);
        this.outcomeChart = outcomeChart(message, classifier);
        boolean all = b.detail == ReportDetail.ALL;
        this.filterCriteria = all && message.messageTypeKind().hasFilterCriteria() ? message.filterCriteria() : null;
        this.messageDetail = all ? messageDetail(message, zone, b.fileAvailability) : null;
        this.deliveryDetail = b.detail != ReportDetail.SUMMARY;
        this.failedPersons = b.detail == ReportDetail.FAILED_DELIVERY ? failedPersons() : null;
    }

    /** A builder; every setter is required. */
    public static Builder builder() {
        return new Builder();
    }

    private List<LabeledValue> header(Builder b) {
        StringJoiner devices = new StringJoiner(", ");
        for (DeviceChoice d : b.devices) {
            devices.add(d.label());
        }
        return List.of(
                LabeledValue.of("District/School", message.districtOrSchool()),
                LabeledValue.of("Generated on", generatedOn),
                LabeledValue.of("Message Status", message.status().label()),
                LabeledValue.of("Message Type", message.messageType()),
                LabeledValue.of("Sender", message.sender().name()),
                LabeledValue.of("Date Created", ReportTexts.minute(message.createdAt(), zone)),
                LabeledValue.of("Subject", message.subject()),
                LabeledValue.of("Delivery Devices", devices.toString()),
                LabeledValue.of("Report Detail", b.detail.label()));
    }

    private static List<LabeledValue> summary(DeliverySummary s, boolean noDevice, ZoneId zone) {
        DeliveryTotals t = s.totals();
        List<LabeledValue> lines = new ArrayList<>();
        lines.add(LabeledValue.of("Start Time", ReportTexts.minute(s.startedAt().orElse(null), zone)));
        lines.add(LabeledValue.of("End Time", ReportTexts.minute(s.endedAt().orElse(null), zone)));
        lines.add(LabeledValue.of("Duration",
                s.durationMinutes().isPresent() ? ReportTexts.minutes(s.durationMinutes().getAsLong()) : ""));
        lines.add(figure("Total Recipients", t.totalRecipients()));
        if (noDevice) {
            lines.add(figure("Total No Device", t.totalNoDevice()));
        }
        lines.add(figure("Total Inbox", t.totalInbox()));
        lines.add(figure("Total Emails", t.totalEmails()));
        lines.add(figure("Total Emails Attempted", t.totalEmailsAttempted()));
        lines.add(figure("Total Voice", t.totalVoice()));
        lines.add(figure("Total Voice Attempted", t.totalVoiceAttempted()));
        lines.add(figure("Total Text", t.totalText()));
        lines.add(figure("Total Text Messages Attempted", t.totalTextAttempted()));
        lines.add(figure("Recipients contacted successfully by phone", t.contactedByPhone()));
        lines.add(figure("Recipients not contacted by phone", t.notContactedByPhone()));
        s.cancellation().ifPresent(c -> {
            lines.add(LabeledValue.of("Canceled By", c.by().name()));
            lines.add(LabeledValue.of("Canceled On", ReportTexts.minute(c.at(), zone)));
        });
        return List.copyOf(lines);
    }

    private static List<String> outcomeColumns() {
        List<String> columns = new ArrayList<>();
        columns.add("Channel");
        for (ChartOutcome o : ChartOutcome.values()) {
            columns.add(o.label());
        }
        columns.add("Total");
        return List.copyOf(columns);
    }

    /** Counts each channel's devices by outcome: one pass, a count per channel and outcome. */
    private static List<ChannelOutcomes> outcomeChart(Message message, OutcomeClassifier classifier) {
        Set<Channel> modes = message.deliveryModes();
        int[][] counts = new int[Channel.values().length][ChartOutcome.values().length];
        // a redacted message (SPEC X2) keeps its device counts per outcome, its devices are erased
        message.redaction().ifPresent(r -> r.deviceOutcomes().forEach((channel, byClass) -> byClass.forEach(
                (cls, n) -> counts[channel.ordinal()][ChartOutcome.of(cls).ordinal()] += n)));
        for (RecipientEntry e : message.recipients()) {
            for (Device d : e.devices()) {
                if (modes.contains(d.channel()) && !d.isBlank()) {
                    OutcomeClass cls = classifier.classify(d.channel(), d.outcome(), d.confirmed());
                    counts[d.channel().ordinal()][ChartOutcome.of(cls).ordinal()]++;
                }
            }
        }
        List<ChannelOutcomes> chart = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (modes.contains(c)) {
                List<ChannelOutcomes.OutcomeCount> bars = new ArrayList<>();
                for (ChartOutcome o : ChartOutcome.values()) {
                    bars.add(new ChannelOutcomes.OutcomeCount(o, counts[c.ordinal()][o.ordinal()]));
                }
                chart.add(new ChannelOutcomes(c, bars));
            }
        }
        return List.copyOf(chart);
    }

    private static LabeledValue figure(String label, int value) {
        return LabeledValue.of(label, Integer.toString(value));
    }

    private static List<LabeledValue> messageDetail(Message m, ZoneId zone, FileAvailability fileAvailability) {
        List<LabeledValue> lines = new ArrayList<>();
        // SPEC S8: the schedule name comes before the message type, only for scheduler-sent messages
        if (m.isSchedulerSent()) {
            lines.add(LabeledValue.of("Schedule Name", m.scheduleName()));
        }
        lines.add(LabeledValue.of("Message Type", m.messageType()));
        lines.add(LabeledValue.of("Sender", m.sender().name()));
        addIfPresent(lines, "Sender Email", m.sender().email());
        addIfPresent(lines, "Reply To Email", m.replyToEmail());
        addIfPresent(lines, "Caller ID", m.callerId());
        lines.add(LabeledValue.of("Date Created", ReportTexts.minute(m.createdAt(), zone)));
        m.scheduledAt().ifPresent(t -> lines.add(LabeledValue.of("Date Scheduled", ReportTexts.minute(t, zone))));
        addIfPresent(lines, "Schedule ID", m.displayedScheduleId());
        StringJoiner modes = new StringJoiner(", ");
        for (Channel c : m.deliveryModes()) {
            modes.add(c.label());
        }
        lines.add(LabeledValue.of("Delivery Modes", modes.toString()));
        lines.add(LabeledValue.of("Subject", m.subject()));
        // SPEC S8: the attachment and audio file only while the host says the file still exists
        m.emailAttachment().filter(f -> FileAvailability.shows(fileAvailability, f)).ifPresent(f -> lines.add(LabeledValue.of("Email Attachment", f.name())));
        m.audioFile().filter(f -> FileAvailability.shows(fileAvailability, f)).ifPresent(f -> lines.add(LabeledValue.of("Audio File", f.name())));
        addIfPresent(lines, "Message Body", m.body());
        addIfPresent(lines, "Text Message", m.text());
        return List.copyOf(lines);
    }

    private static void addIfPresent(List<LabeledValue> lines, String label, String value) {
        if (!value.isBlank()) {
            lines.add(LabeledValue.of(label, value));
        }
    }

    private Set<String> failedPersons() {
        Set<String> failed = new HashSet<>();
        for (RecipientEntry e : message.recipients()) {
            for (Device d : e.devices()) {
                if (included(d) && classifier.classify(d.channel(), d.outcome(), d.confirmed()) == OutcomeClass.FAILURE) {
                    failed.add(e.person().id());
                    break;
                }
            }
        }
        return Collections.unmodifiableSet(failed);
    }

    boolean included(Device d) {
        return channels.contains(d.channel()) && !d.isBlank();
    }

    /** The id of the message reported on. */
    public String messageId() {
        return messageId;
    }

    /** The "Generated on" stamp as printed, in the district's zone (SPEC P3). */
    public String generatedOn() {
        return generatedOn;
    }

    /** The header lines (SPEC P3): district/school, generated on, status, type, sender, date created,
     * subject, and the options picked. */
    public List<LabeledValue> header() {
        return header;
    }

    /** The Delivery Summary lines (SPEC P4, D4, D6): figures, Start/End Time, Duration, cancel record. */
    public List<LabeledValue> summary() {
        return summary;
    }

    /**
     * The outcome chart shown under the Delivery Summary (SPEC E2): for each of the message's delivery
     * modes, in channel order, its devices counted by outcome class. Every device with an address
     * counts, duplicates (D2) included, each by its own status: the chart counts devices, where the
     * figures count distinct addresses. Shown at every detail level, like the Delivery Summary, and
     * over all the message's channels whatever devices the report includes.
     *
     * @return one entry per delivery mode; empty when the message has none
     */
    public List<ChannelOutcomes> outcomeChart() {
        return outcomeChart;
    }

    /** The Filter Criteria Detail, when the report shows it (detail All and a message type that has
     * it, SPEC S7). */
    public Optional<List<FilterCriterion>> filterCriteria() {
        return Optional.ofNullable(filterCriteria);
    }

    /** The Message Detail lines, when the report shows them (detail All; SPEC S8 orders them). */
    public Optional<List<LabeledValue>> messageDetail() {
        return Optional.ofNullable(messageDetail);
    }

    /** Whether the report has a Delivery Detail table (detail All or Failed Delivery). */
    public boolean hasDeliveryDetail() {
        return deliveryDetail;
    }

    /**
     * The explanation of the marks printed under the Delivery Detail (SPEC P6).
     *
     * @param duplicateMark the format's duplicate mark
     * @return the lines; the {@code *} line only when the message used Voice or Text
     */
    public List<String> legend(String duplicateMark) {
        if (!deliveryDetail) {
            return List.of();
        }
        String dup = duplicateMark + " Duplicate address: not counted in the totals";
        return phoneMarks ? List.of(DetailRow.NOT_CONTACTED_MARK + " Recipient not contacted by phone", dup)
                : List.of(dup);
    }

    /**
     * The Delivery Detail rows in recipient-list order (SPEC P5, P6), produced lazily on each
     * iteration; empty when the report has no Delivery Detail.
     *
     * @return a re-iterable view
     */
    public Iterable<DetailRow> rows() {
        return () -> deliveryDetail ? new RowIterator() : Collections.emptyIterator();
    }

    private final class RowIterator implements Iterator<DetailRow> {
        private final List<RecipientEntry> entries = message.recipients();
        private final ReportTexts.MinuteCache times = new ReportTexts.MinuteCache(zone);
        private int entry = -1;
        private int device;
        private boolean noDeviceDue;
        private DetailRow next;

        RowIterator() {
            advanceEntry();
            next = compute();
        }

        private void advanceEntry() {
            entry++;
            while (entry < entries.size() && !entryShown(entry)) {
                entry++;
            }
            device = 0;
            noDeviceDue = entry < entries.size() && noDeviceRows && !analysis.personHasDevice(entry);
        }

        private boolean entryShown(int e) {
            return failedPersons == null || failedPersons.contains(entries.get(e).person().id());
        }

        private DetailRow compute() {
            while (entry < entries.size()) {
                RecipientEntry e = entries.get(entry);
                boolean mark = phoneMarks && !analysis.isContactedByPhone(entry);
                if (noDeviceDue) {
                    noDeviceDue = false;
                    return new DetailRow(e.person().name(), studentName(e), DetailRow.NO_DEVICE, "", "", mark, false);
                }
                List<Device> devices = e.devices();
                while (device < devices.size()) {
                    int d = device++;
                    Device dev = devices.get(d);
                    if (included(dev)) {
                        return new DetailRow(e.person().name(), studentName(e),
                                dev.channel().label() + ": " + dev.address(), status(dev),
                                times.format(dev.time().orElse(null)), mark, analysis.isDuplicate(entry, d),
                                engagement.device(entry, d).map(g -> g.describe(times::format)).orElse(""));
                    }
                }
                advanceEntry();
            }
            return null;
        }

        private String studentName(RecipientEntry e) {
            return e.student().map(Person::name).orElse("");
        }

        private String status(Device d) {
            if (classifier.classify(d.channel(), d.outcome(), d.confirmed()) == OutcomeClass.OPTED_OUT) {
                return "";
            }
            return d.outcome().display();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public DetailRow next() {
            if (next == null) {
                throw new NoSuchElementException("no more delivery rows");
            }
            DetailRow r = next;
            next = compute();
            return r;
        }
    }

    /** Builds a {@link ReportModel}. Not thread-safe. */
    public static final class Builder {
        private Message message;
        private DeliveryAnalysis analysis;
        private OutcomeClassifier classifier = OutcomeClassifier.standard();
        private Set<DeviceChoice> devices;
        private ReportDetail detail;
        private ZoneId zone = PresentationSettings.DEFAULT_ZONE;
        private Instant generatedAt;
        private FileAvailability fileAvailability = FileAvailability.always();
        private MessageEngagement engagement = MessageEngagement.none();

        private Builder() {
        }

        /**
         * Sets the engagement of the message's devices (SPEC H5), shown beside each device's status
         * (default: none).
         *
         * @param v the engagement, read from the same log as the message
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder engagement(MessageEngagement v) {
            engagement = Checks.requireNonNull(v, "engagement");
            return this;
        }

        /**
         * Sets the file check: the Message Detail names the attachment and audio file only while
         * the host still has the file (SPEC S8; default: always).
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
         * Sets the message.
         *
         * @param v the message
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder message(Message v) {
            message = Checks.requireNonNull(v, "message");
            return this;
        }

        /**
         * Sets the message's analysis, made with the same classifier.
         *
         * @param v the message's analysis, made with the same classifier
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder analysis(DeliveryAnalysis v) {
            analysis = Checks.requireNonNull(v, "analysis");
            return this;
        }

        /**
         * Sets the outcome classification (default: standard).
         *
         * @param v the outcome classification (default: standard)
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder classifier(OutcomeClassifier v) {
            classifier = Checks.requireNonNull(v, "classifier");
            return this;
        }

        /**
         * Sets the device choices, already validated against the message.
         *
         * @param v the device choices, already validated against the message
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder devices(Set<DeviceChoice> v) {
            devices = Checks.requireNonNull(v, "devices");
            return this;
        }

        /**
         * Sets the detail level.
         *
         * @param v the detail level
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder detail(ReportDetail v) {
            detail = Checks.requireNonNull(v, "detail");
            return this;
        }

        /**
         * Sets the district's time zone.
         *
         * @param v the district's time zone
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder zone(ZoneId v) {
            zone = Checks.requireNonNull(v, "zone");
            return this;
        }

        /**
         * Sets the "Generated on" instant.
         *
         * @param v the "Generated on" instant
         * @return this builder
         * @throws NullPointerException when v is null
         */
        public Builder generatedAt(Instant v) {
            generatedAt = Checks.requireNonNull(v, "generatedAt");
            return this;
        }

        /**
         * Builds the model: computes the header, summary and detail blocks; rows stay lazy.
         *
         * @return the model
         * @throws NullPointerException when a value is missing, naming it
         */
        public ReportModel build() {
            Checks.requireNonNull(message, "message");
            Checks.requireNonNull(analysis, "analysis");
            Checks.requireNonNull(classifier, "classifier");
            Checks.requireNonNull(devices, "devices");
            Checks.requireNonNull(detail, "detail");
            Checks.requireNonNull(zone, "zone");
            Checks.requireNonNull(generatedAt, "generatedAt");
            Checks.requireNonNull(fileAvailability, "fileAvailability");
            Checks.requireArgument(analysis.entryCount() == message.recipients().size(),
                    "the analysis covers %d entries but message %s has %d", analysis.entryCount(), message.id(),
                    message.recipients().size());
            return new ReportModel(this);
        }
    }
}
