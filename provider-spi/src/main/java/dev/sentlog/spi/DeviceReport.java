package dev.sentlog.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's report of one device's delivery (SPEC R2). Reports are applied idempotently: the
 * same report twice changes nothing, an older one (lower {@code sequence}, then earlier
 * {@code at}) is ignored, and a final outcome is never replaced by a non-final one.
 *
 * <p>What a provider must put in a report is part of the {@link DeliveryProvider} contract
 * (clauses DP-P1 to DP-P10): a known device id, an outcome that fits the device's channel, a
 * non-blank event id that names this report alone, a sequence that never goes backwards, a time
 * not before the job's submission nor after the provider's present.
 *
 * @param deviceId  the log's device id, as in the {@link DeliveryRequest}
 * @param outcome   the device status or call status code; never PENDING (the log owns it), a call
 *                  status code only on Voice and Text, OPTED_OUT only on Text
 * @param confirmed the recipient confirmed by pressing 0 (Voice only; SPEC K3, R3)
 * @param eventId   the provider's id for this event, non-blank; two reports with one event id
 *                  are equal
 * @param sequence  the provider's sequence for this device, increasing with each newer report;
 *                  when a provider has none it uses 0 and the time decides
 * @param at        when the device was reached, or when the provider observed the outcome
 * @param reasonText a provider's reason (e.g. a bounce reason), or null; see {@link #reason()}
 */
public record DeviceReport(String deviceId, DeviceOutcome outcome, boolean confirmed, String eventId,
                           long sequence, Instant at, String reasonText) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when the sequence is negative
     */
    public DeviceReport {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence of device " + deviceId + " is negative: " + sequence);
        }
    }

    /**
     * A report without a reason text.
     *
     * @param deviceId  the device id
     * @param outcome   the outcome
     * @param confirmed whether the recipient pressed 0
     * @param eventId   the event id
     * @param sequence  the sequence
     * @param at        the time
     * @return the report
     */
    public static DeviceReport of(String deviceId, DeviceOutcome outcome, boolean confirmed, String eventId,
                                  long sequence, Instant at) {
        return new DeviceReport(deviceId, outcome, confirmed, eventId, sequence, at, null);
    }

    /**
     * The provider's reason text, when it gave one.
     *
     * @return the reason
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reasonText);
    }

    /**
     * Whether this report is newer than another report of the same device: a higher sequence, or
     * the same sequence and a later time.
     *
     * @param other the stored report
     * @return true when this one should replace it (subject to the finality rule)
     */
    public boolean isNewerThan(DeviceReport other) {
        if (sequence != other.sequence) {
            return sequence > other.sequence;
        }
        return at.isAfter(other.at);
    }
}
