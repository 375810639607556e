package dev.sentlog.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery device of a recipient for one message: a channel, an address as the host holds it,
 * the outcome so far and when it was reached. Immutable; equal when every field is.
 *
 * <p>The address is kept as given; comparisons use its normalised form (SPEC D1). A blank address
 * is no device.
 *
 * <p>In the interchange format (SPEC J1) the outcome is a {@code status} or, for Voice and Text, a
 * {@code callStatus} code; {@code callStatus} wins when both are present. {@code confirmed} is
 * written only when true and {@code time} only when known.
 *
 * <p>A class rather than a record so that the optional time has one accessor, {@link #time()}.
 */
@JsonPropertyOrder({"channel", "address", "status", "callStatus", "confirmed", "time"})
public final class Device {

    private final Channel channel;
    private final String address;
    private final DeviceOutcome outcome;
    private final boolean confirmed;
    private final Instant time;

    /**
     * A device.
     *
     * @param channel   the channel
     * @param address   the address as given (portal account id, email, phone number)
     * @param outcome   the device status, or the call status code (Voice and Text only)
     * @param confirmed the recipient confirmed by pressing 0 (Voice; SPEC K3, R3)
     * @param time      when the device was reached, or null when not known
     * @throws NullPointerException     when channel, address or outcome is null
     * @throws IllegalArgumentException when a call status code or confirmation is on an Inbox or Email
     *                                  device, or OPTED_OUT on a device other than Text (SPEC K1)
     */
    public Device(Channel channel, String address, DeviceOutcome outcome, boolean confirmed, Instant time) {
        Checks.requireNonNull(channel, "device.channel");
        Checks.requireNonNull(address, "device.address");
        Checks.requireNonNull(outcome, "device.outcome");
        if (!channel.isPhone()) {
            Checks.requireArgument(outcome instanceof DeviceOutcome.Status,
                    "a %s device cannot carry a call status code (%s)", channel, outcome.display());
            Checks.requireArgument(!confirmed, "a %s device cannot be confirmed by pressing 0", channel);
        }
        if (outcome instanceof DeviceOutcome.Status s && s.status() == DeviceStatus.OPTED_OUT) {
            Checks.requireArgument(channel == Channel.TEXT, "only a Text device can be OPTED_OUT, not %s", channel);
        }
        this.channel = channel;
        this.address = address;
        this.outcome = outcome;
        this.confirmed = confirmed;
        this.time = time;
    }

    /**
     * Reads a device of the interchange format: Jackson's creator (SPEC J1). A {@code callStatus}
     * wins over a {@code status}; {@code confirmed} defaults to false; {@code time} may be absent.
     *
     * @throws NullPointerException     naming the field when channel or address is missing, or when
     *                                  both status and callStatus are
     * @throws IllegalArgumentException naming the field when it does not suit the channel
     */
    @JsonCreator
    static Device fromJson(@JsonProperty("channel") Channel channel, @JsonProperty("address") String address,
                           @JsonProperty("status") DeviceStatus status, @JsonProperty("callStatus") Integer callStatus,
                           @JsonProperty("confirmed") Boolean confirmed, @JsonProperty("time") Instant time) {
        Checks.requireNonNull(channel, "device.channel");
        Checks.requireNonNull(address, "device.address");
        boolean isConfirmed = confirmed != null && confirmed;
        if (!channel.isPhone()) {
            Checks.requireArgument(callStatus == null, "device.callStatus is only for VOICE and TEXT devices, not %s",
                    channel);
            Checks.requireArgument(!isConfirmed, "device.confirmed is only for VOICE and TEXT devices, not %s",
                    channel);
        }
        if (callStatus != null) {
            return new Device(channel, address, DeviceOutcome.call(callStatus), isConfirmed, time);
        }
        if (channel.isPhone()) {
            Checks.requireArgument(status != null, "device.status is required (or a callStatus) for a %s device",
                    channel);
        }
        Checks.requireNonNull(status, "device.status");
        Checks.requireArgument(status != DeviceStatus.OPTED_OUT || channel == Channel.TEXT,
                "device.status OPTED_OUT is only for TEXT devices, not %s", channel);
        return new Device(channel, address, DeviceOutcome.of(status), isConfirmed, time);
    }

    /** The {@code status} field of the interchange format: the status, or null for a call status code. */
    @JsonProperty("status")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    DeviceStatus jsonStatus() {
        return outcome instanceof DeviceOutcome.Status s ? s.status() : null;
    }

    /** The {@code callStatus} field of the interchange format: the code, or null for a status. */
    @JsonProperty("callStatus")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Integer jsonCallStatus() {
        return outcome instanceof DeviceOutcome.Call c ? c.code().code() : null;
    }

    /**
     * A device with a status and no time.
     *
     * @param channel the channel
     * @param address the address
     * @param status  the status
     * @return the device
     */
    public static Device of(Channel channel, String address, DeviceStatus status) {
        return new Device(channel, address, DeviceOutcome.of(status), false, null);
    }

    /**
     * A copy with another outcome.
     *
     * @param newOutcome the outcome
     * @param newConfirmed the confirmation flag
     * @param at when it was reached, or null
     * @return the copy
     */
    public Device withOutcome(DeviceOutcome newOutcome, boolean newConfirmed, Instant at) {
        return new Device(channel, address, newOutcome, newConfirmed, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && channel == d.channel && address.equals(d.address)
                && outcome.equals(d.outcome) && confirmed == d.confirmed && Objects.equals(time, d.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, address, outcome, confirmed, time);
    }

    /** The channel, outcome and time; not the address, which is personal data. */
    @Override
    public String toString() {
        return "Device[" + channel + ", " + outcome.display() + (confirmed ? ", confirmed" : "")
                + (time == null ? "" : ", " + time) + "]";
    }

    /**
     * The channel.
     *
     * @return the channel
     */
    @JsonProperty("channel")
    public Channel channel() {
        return channel;
    }

    /**
     * The address as given (portal account id, email, phone number).
     *
     * @return the address
     */
    @JsonProperty("address")
    public String address() {
        return address;
    }

    /**
     * The device status, or the call status code (Voice and Text only).
     *
     * @return the outcome
     */
    public DeviceOutcome outcome() {
        return outcome;
    }

    /**
     * Whether the recipient confirmed by pressing 0 (Voice; SPEC K3, R3).
     *
     * @return true when confirmed
     */
    @JsonProperty("confirmed")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean confirmed() {
        return confirmed;
    }

    /**
     * When the device was reached, if known.
     *
     * @return the time, or empty
     */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** The {@code time} field of the interchange format: the time, or null when not known. */
    @JsonProperty("time")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Instant jsonTime() {
        return time;
    }

    /**
     * Whether this is "no device" (SPEC D1): its normalised address is blank, as for a blank
     * address or a phone number without a digit in its main number.
     *
     * @return true when the device does not count as a device
     */
    @JsonIgnore
    public boolean isBlank() {
        return Addresses.normalise(channel, address).isBlank();
    }
}
