package dev.sentlog.spi;

import java.util.List;
import java.util.Set;

/**
 * A delivery service (an email relay, an SMTP host, a voice/SMS dialer) that the log hands device
 * deliveries to. This is Sentlog's main extension point.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Identity.</b> {@link #name()} is stable and non-blank; {@link #channels()} is non-empty
 *       and does not change while the provider is registered.</li>
 *   <li><b>Submit.</b> {@link #submit(DeliveryBatch)} accepts a batch for one message and returns a
 *       non-blank job id unique among this provider's jobs. It must not block on delivery itself.
 *       It may throw {@link ProviderException}; the log then marks the message Failed (SPEC M5).</li>
 *   <li><b>Cancel.</b> {@link #cancel(String)} stops every delivery of the job not yet attempted and
 *       answers which devices it stopped; those devices become CANCELED (SPEC C2). It never
 *       "un-sends": a device already attempted keeps its outcome and is not in the answer. Canceling
 *       twice is harmless; the second answer holds no device the first one held.</li>
 *   <li><b>Poll.</b> {@link #poll(String)} answers the latest report for each device of the job that
 *       has one (SPEC R1). Polling is idempotent: polling twice with nothing new in between gives
 *       equal reports. Reports name only devices of the job; event ids are unique per device and
 *       report; a device's sequence never goes backwards.</li>
 *   <li><b>Threads.</b> The log may call submit, cancel and poll from several threads at once,
 *       also for the same job; implementations must be thread-safe.</li>
 *   <li><b>Failures.</b> Any method may throw {@link ProviderException} (or any runtime exception)
 *       or take too long; the log treats that as "no answer this time", logs it with masked
 *       addresses and keeps every status it has recorded (SPEC M4, M5).</li>
 *   <li><b>Push.</b> A provider that receives webhooks hands its reports to the
 *       {@link DeviceReportSink} given to {@link #bind(DeviceReportSink)}; the same rules apply.</li>
 * </ul>
 *
 * <p>Register a provider explicitly with the log's builder, or declare it in
 * {@code META-INF/services/dev.sentlog.spi.DeliveryProvider} (and {@code provides} in
 * {@code module-info}) for discovery.
 */
public interface DeliveryProvider {

    /** The SPI version this interface describes. */
    int SPI_VERSION = 1;

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
     * {@link #SPI_VERSION}.
     *
     * @return the version, by default the current one
     */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /**
     * Accepts a batch of deliveries for one message.
     *
     * @param batch the deliveries, all on channels this provider serves
     * @return the provider's job id for the batch, non-blank
     * @throws ProviderException when the batch cannot be handed over
     */
    String submit(DeliveryBatch batch);

    /**
     * Stops every delivery of a job not yet attempted.
     *
     * @param jobId a job id this provider returned
     * @return the devices stopped by this call
     * @throws ProviderException when the provider cannot be reached
     */
    CancelResult cancel(String jobId);

    /**
     * The latest report of each device of a job that has one.
     *
     * @param jobId a job id this provider returned
     * @return the reports, one per device at most; never null
     * @throws ProviderException when the provider cannot be reached
     */
    List<DeviceReport> poll(String jobId);

    /**
     * Gives a push-style provider the sink for its reports. The default ignores it.
     *
     * @param sink where to hand reports as they arrive
     */
    default void bind(DeviceReportSink sink) {
    }
}
