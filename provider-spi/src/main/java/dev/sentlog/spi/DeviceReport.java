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
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class DeviceReport {

    private final String deviceId;
    private final DeviceOutcome outcome;
    private final boolean confirmed;
    private final String eventId;
    private final long sequence;
    private final Instant at;
    private final String reason;

    /**
     * Creates the value.
     *
     * @param deviceId the log's device id, as in the {@link DeliveryRequest}
     * @param outcome the device status or call status code; never PENDING (the log owns it), a call status code only
     *                on Voice and Text, OPTED_OUT only on Text
     * @param confirmed the recipient confirmed by pressing 0 (Voice only; SPEC K3, R3)
     * @param eventId the provider's id for this event, non-blank; two reports with one event id are equal
     * @param sequence the provider's sequence for this device, increasing with each newer report; when a provider has
     *                 none it uses 0 and the time decides
     * @param at when the device was reached, or when the provider observed the outcome
     * @param reason a provider's reason (e.g. a bounce reason), or null when it gave none
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when the sequence is negative
     */
    public DeviceReport(String deviceId, DeviceOutcome outcome, boolean confirmed, String eventId, long sequence,
            Instant at, String reason) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence of device " + deviceId + " is negative: " + sequence);
        }
        this.deviceId = deviceId;
        this.outcome = outcome;
        this.confirmed = confirmed;
        this.eventId = eventId;
        this.sequence = sequence;
        this.at = at;
        this.reason = reason;
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

    /**
     * Returns the log's device id, as in the {@link DeliveryRequest}.
     *
     * @return the value
     */
    public String deviceId() {
        return deviceId;
    }

    /**
     * Returns the device status or call status code; never PENDING (the log owns it), a call status code only on
     * Voice and Text, OPTED_OUT only on Text.
     *
     * @return the value
     */
    public DeviceOutcome outcome() {
        return outcome;
    }

    /**
     * Returns the recipient confirmed by pressing 0 (Voice only; SPEC K3, R3).
     *
     * @return the value
     */
    public boolean confirmed() {
        return confirmed;
    }

    /**
     * Returns the provider's id for this event, non-blank; two reports with one event id are equal.
     *
     * @return the value
     */
    public String eventId() {
        return eventId;
    }

    /**
     * Returns the provider's sequence for this device, increasing with each newer report; when a provider has none it
     * uses 0 and the time decides.
     *
     * @return the value
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns when the device was reached, or when the provider observed the outcome.
     *
     * @return the value
     */
    public Instant at() {
        return at;
    }

    /**
     * The provider's reason text (e.g. a bounce reason), when it gave one.
     *
     * @return the value, or empty
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DeviceReport o
                && Objects.equals(deviceId, o.deviceId)
                && Objects.equals(outcome, o.outcome)
                && confirmed == o.confirmed
                && Objects.equals(eventId, o.eventId)
                && sequence == o.sequence
                && Objects.equals(at, o.at)
                && Objects.equals(reason, o.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, outcome, confirmed, eventId, sequence, at, reason);
    }

    @Override
    public String toString() {
        return "DeviceReport[deviceId=" + deviceId
                + ", outcome=" + outcome
                + ", confirmed=" + confirmed
                + ", eventId=" + eventId
                + ", sequence=" + sequence
                + ", at=" + at
                + ", reason=" + reason
                + "]";
    }
}
