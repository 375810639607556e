package dev.sentlog.spi;

import java.util.List;
import java.util.Set;

/**
 * A delivery service (an email relay, an SMTP host, a voice/SMS dialer) that the log hands device
 * deliveries to. This is Sentlog's main extension point.
 *
 * <h2>Contract</h2>
 * Each clause has an id ({@code DP-…}); the provider compatibility kit
 * ({@code dev.sentlog.spi.kit.DeliveryProviderCompatibilityKit} in this module's test-jar) has at
 * least one test per clause and names the clause in every failure message. A device is
 * <em>attempted</em> once the provider has reported for it an outcome that
 * {@link OutcomeClassifier#standard()} counts as {@linkplain OutcomeClass#attempted() attempted}
 * (anything but PENDING and CANCELED).
 *
 * <h3>Identity</h3>
 * <ul>
 *   <li><b>DP-I1</b> {@link #name()} answers the same non-blank string on every call.</li>
 *   <li><b>DP-I2</b> {@link #channels()} answers a non-empty set, equal on every call.</li>
 *   <li><b>DP-I3</b> {@link #spiVersion()} is between 1 and {@link #SPI_VERSION}.</li>
 * </ul>
 *
 * <h3>Submit</h3>
 * <ul>
 *   <li><b>DP-S1</b> {@link #submit(DeliveryBatch)} answers a non-blank job id.</li>
 *   <li><b>DP-S2</b> Job ids are unique among this provider's jobs: every call that returns with
 *       a {@linkplain DeliveryBatch#key() batch key} not accepted before creates a new job, even for
 *       a batch otherwise equal to an earlier one.</li>
 *   <li><b>DP-S3</b> Submit does not wait for delivery: it attempts nothing before the provider's
 *       time moves on, so a poll right after submit shows no attempted device.</li>
 *   <li><b>DP-S4</b> A batch with a delivery on a channel the provider does not serve is refused
 *       with a {@link ProviderException} whose provider name is {@link #name()}.</li>
 *   <li><b>DP-S5</b> When submit cannot hand a batch over (the service is unreachable) it throws a
 *       {@link ProviderException} whose {@link ProviderException#providerName() providerName} is
 *       {@link #name()}; once the service is reachable again the next batch is accepted.</li>
 *   <li><b>DP-S6</b> (SPI version 2) A submit whose {@linkplain DeliveryBatch#key() batch key} the
 *       provider already accepted answers the same job id and delivers nothing again: the job's
 *       devices are attempted once, and its polls show no second delivery. This holds also when
 *       the repeats come from several threads at once. A provider of SPI version 1 does not know
 *       batch keys; the log still uses it, and warns that a resumed hand-over may deliver
 *       twice.</li>
 * </ul>
 *
 * <h3>Cancel (SPEC C2, C4)</h3>
 * <ul>
 *   <li><b>DP-C1</b> {@link #cancel(String)} stops every delivery of the job not yet attempted and
 *       answers exactly those devices: canceled before any time passed, the answer names every
 *       device of the job.</li>
 *   <li><b>DP-C2</b> Cancel never un-sends: it never names a device already attempted, and such a
 *       device's outcome is never replaced by CANCELED.</li>
 *   <li><b>DP-C3</b> From the cancel on, {@link #poll(String)} reports every device it named as
 *       CANCELED, and nothing else for it ever after.</li>
 *   <li><b>DP-C4</b> Every device of the job that the cancel did not name had been attempted or
 *       stopped (canceled earlier, e.g. by a confirmation) before it: a poll at the same instant
 *       shows it with an attempted or a CANCELED outcome.</li>
 *   <li><b>DP-C5</b> Canceling twice is harmless: the second answer holds no device the first one
 *       held, and the reports of the job are the same as after the first.</li>
 *   <li><b>DP-C6</b> Canceling a settled job (every device with a final outcome) names no
 *       device and changes no report.</li>
 *   <li><b>DP-C7</b> Concurrent cancels of one job name each device at most once between them.</li>
 * </ul>
 *
 * <h3>Poll and reports (SPEC R1, R2, K1-K5)</h3>
 * <ul>
 *   <li><b>DP-P1</b> {@link #poll(String)} answers at most one report per device: its latest.</li>
 *   <li><b>DP-P2</b> Poll is idempotent: two polls with no time passing and no cancel in between
 *       answer the same reports.</li>
 *   <li><b>DP-P3</b> Reports name only devices of the polled job.</li>
 *   <li><b>DP-P4</b> An event id is non-blank and names one report: two reports with one event id,
 *       from any polls of any jobs of this provider, are equal.</li>
 *   <li><b>DP-P5</b> A device's reports never go backwards: a later report of a device is equal to
 *       the earlier one or {@linkplain DeviceReport#isNewerThan(DeviceReport) newer} than it.</li>
 *   <li><b>DP-P6</b> A final outcome is never followed by a non-final one (SPEC R2).</li>
 *   <li><b>DP-P7</b> Outcomes fit the channel: a call status code only on Voice and Text devices,
 *       OPTED_OUT only on Text, {@code confirmed} only on Voice; PENDING is never reported (the log
 *       owns it: "not yet handed to a provider").</li>
 *   <li><b>DP-P8</b> A report's time lies between the job's submission and the poll, by the
 *       provider's clock.</li>
 *   <li><b>DP-P9</b> Once the provider's time has moved past its settle time, every device of a
 *       job has a report with a final outcome (a provider that can leave devices unreported says
 *       so in its documentation; the log then applies SPEC M4).</li>
 *   <li><b>DP-P10</b> With {@link DeliveryOptions#confirmationStopsPhone()}, a Voice report with
 *       {@code confirmed} stops that person's Voice and Text deliveries not yet attempted: every
 *       such device that the poll first showing the confirmation shows without an attempted
 *       outcome is reported CANCELED from then on (SPEC R3).</li>
 * </ul>
 *
 * <h3>Failures</h3>
 * <ul>
 *   <li><b>DP-F1</b> {@link #cancel(String)} and {@link #poll(String)} with a job id this provider
 *       never returned throw a {@link ProviderException} whose provider name is {@link #name()}.</li>
 *   <li><b>DP-F2</b> Every exception a provider throws on purpose is a {@link ProviderException};
 *       its message holds no full address and no message body.</li>
 * </ul>
 *
 * <h3>Threads</h3>
 * <ul>
 *   <li><b>DP-T1</b> Submit, cancel and poll may be called from several threads at once, also for
 *       the same job: every answer still satisfies the clauses above (unique job ids, one report
 *       per device, cancel answers that do not overlap).</li>
 * </ul>
 *
 * <h3>Push</h3>
 * <ul>
 *   <li><b>DP-B1</b> A push-style provider hands reports to the sink given to
 *       {@link #bind(DeviceReportSink)}, naming itself by {@link #name()} and a job it returned;
 *       pushed reports obey DP-P3 to DP-P7 like polled ones. A pull-only provider never calls the
 *       sink.</li>
 * </ul>
 *
 * <h3>Feedback (SPEC H5)</h3>
 * <ul>
 *   <li><b>DP-E1</b> Feedback ({@link #pollFeedback(String)}, or pushed through
 *       {@link DeviceReportSink#acceptFeedback}) names only devices of the job, on the Email or Text
 *       channel, with a non-blank event id and a time between the job's submission and the answer, by
 *       the provider's clock; asking twice with no time passing answers the same feedback. Feedback
 *       is not a report: it never appears in {@link #poll(String)}.</li>
 * </ul>
 *
 * <h2>What the log does</h2>
 * Not part of the provider's obligations, stated here so that a provider author knows the
 * consequences:
 * <ul>
 *   <li>A {@link ProviderException} (or any runtime exception) from submit marks the message
 *       Failed (SPEC M5). From cancel or poll it means "no answer this time": the log logs it with
 *       masked addresses, keeps every status it has recorded, and a message that stays without
 *       final device outcomes past the reporting window becomes Error (SPEC M4).</li>
 *   <li>Reports are applied by the R2 rules, whether polled or pushed: the same report twice
 *       changes nothing, an older one is ignored, a final outcome is never replaced by a non-final
 *       one.</li>
 *   <li>The log gives each batch its {@link BatchKey}: the message, the provider, and the batch's
 *       number among that message's batches to that provider, counted from 1 in recipient-list
 *       order. A hand-over that the log resumes (one whose claim was abandoned, e.g. by a crash
 *       after the provider accepted a batch and before the log stored the job) submits the same
 *       deliveries under the same keys; with DP-S6 they are not delivered twice.</li>
 *   <li>The log calls {@link #bind(DeviceReportSink)} once, before the first submit.</li>
 * </ul>
 *
 * <p>Register a provider explicitly with the log's builder, or declare it in
 * {@code META-INF/services/dev.sentlog.spi.DeliveryProvider} (and {@code provides} in
 * {@code module-info}) for discovery.
 */
public interface DeliveryProvider {

    /**
     * The SPI version this interface describes.
     * <ul>
     *   <li>1: the clauses DP-I1 to DP-B1 without DP-S6.</li>
     *   <li>2: every {@link DeliveryBatch} carries a {@link BatchKey}, and submit is idempotent by
     *       that key (DP-S6), so that a hand-over the log resumes after a crash does not deliver
     *       twice.</li>
     * </ul>
     */
    int SPI_VERSION = 2;

    /**
     * The provider's name, used in logs and to route reports, e.g. {@code "simulated"}.
     *
     * @return a stable, non-blank name
     */
    String name();

    /**
     * The channels this provider delivers.
     *
     * @return a non-empty set
     */
    Set<Channel> channels();

    /**
     * The SPI version the provider was written for; the log warns when it differs from
     * {@link #SPI_VERSION}. A provider that answers 1 does not promise DP-S6: the log warns, once
     * when it registers the provider, that a resumed hand-over may deliver twice.
     *
     * @return the version, by default the current one: a provider that relies on the default
     *         must keep DP-S6
     */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /**
     * Accepts a batch of deliveries for one message (DP-S1 to DP-S6).
     *
     * @param batch the deliveries; the log sends only deliveries on channels this provider serves
     * @return the provider's job id for the batch: non-blank; never returned before for another
     *         batch key, and the same job id as before for a batch key already accepted
     * @throws ProviderException when the batch cannot be handed over, or holds a delivery on a
     *                           channel this provider does not serve; nothing of it is attempted
     */
    String submit(DeliveryBatch batch);

    /**
     * Stops every delivery of a job not yet attempted (DP-C1 to DP-C7, SPEC C2).
     *
     * @param jobId a job id this provider returned
     * @return the devices stopped by this call, none that an earlier call or a confirmation stopped
     * @throws ProviderException when the provider cannot be reached or the job is unknown
     */
    CancelResult cancel(String jobId);

    /**
     * The latest report of each device of a job that has one (DP-P1 to DP-P10, SPEC R1).
     *
     * @param jobId a job id this provider returned
     * @return the reports, one per device at most; never null, possibly empty
     * @throws ProviderException when the provider cannot be reached or the job is unknown
     */
    List<DeviceReport> poll(String jobId);

    /**
     * Gives a push-style provider the sink for its reports (DP-B1). The log calls it once, before
     * the first submit. The default ignores the sink: the provider is pull-only.
     *
     * @param sink where to hand reports as they arrive
     */
    default void bind(DeviceReportSink sink) {
    }

    /**
     * The recipients' feedback on a job's devices so far (DP-E1, SPEC H5): opened, clicked,
     * unsubscribed, complained. The log asks for it on each refresh, after {@link #poll}, and records
     * each feedback once (by device, kind and event id); it never changes an outcome (SPEC R2). A
     * push-style provider may hand feedback to {@link DeviceReportSink#acceptFeedback} instead. The
     * default answers none: a provider without feedback needs no change.
     *
     * @param jobId a job id this provider returned
     * @return the feedback, any number per device; never null, possibly empty
     * @throws ProviderException when the provider cannot be reached or the job is unknown
     */
    default List<DeviceFeedback> pollFeedback(String jobId) {
        return List.of();
    }
}
