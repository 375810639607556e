package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One delivery device of a recipient for one message: a channel, an address as the host holds it,
 * the outcome so far and when it was reached.
 *
 * <p>The address is kept as given; comparisons use its normalised form (SPEC D1). A blank address
 * is no device.
 *
 * @param channel     the channel
 * @param address     the address as given (portal account id, email, phone number)
 * @param outcome     the device status, or the call status code (Voice and Text only)
 * @param confirmed   the recipient confirmed by pressing 0 (Voice; SPEC K3, R3)
 * @param reachedAt   when the device was reached, or null; see {@link #time()}
 */
public record Device(Channel channel, String address, DeviceOutcome outcome, boolean confirmed,
                     Instant reachedAt) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when channel, address or outcome is null
     * @throws IllegalArgumentException when a call status code or confirmation is on an Inbox or Email
     *                                  device, or OPTED_OUT on a device other than Text (SPEC K1)
     */
    public Device {
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

    /** When the device was reached, if known. */
    public Optional<Instant> time() {
        return Optional.ofNullable(reachedAt);
    }

    /** Whether the address is blank, which makes this "no device" (SPEC D1). */
    public boolean isBlank() {
        return address.isBlank();
    }
}
