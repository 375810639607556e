package dev.sentlog.core.store;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;

/**
 * Whose messages the Recipient Log lists (SPEC H1): one person, by id, or one address on its
 * channel, normalised as in D1 (so {@code (555) 123-4567} and {@code 555.123.4567} are one Voice
 * number, and Voice and Text are separate channels).
 */
public sealed interface RecipientKey {

    /**
     * A person, by the id recipient entries carry.
     *
     * @param personId the person id
     * @return the key
     * @throws IllegalArgumentException when the id is blank
     */
    static RecipientKey person(String personId) {
        return new ByPerson(personId);
    }

    /**
     * An address on a channel, normalised as in SPEC D1.
     *
     * @param channel the channel
     * @param address the address as a person would type it
     * @return the key
     * @throws IllegalArgumentException when the address is blank after normalisation (no device)
     */
    static RecipientKey address(Channel channel, String address) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        String normalised = Addresses.normalise(channel, address);
        Checks.requireArgument(!normalised.isBlank(),
                "the %s address has nothing left after normalisation (SPEC D1), so it names no device", channel);
        return new ByAddress(channel, normalised);
    }

    /**
     * Whether an entry is one of the key's own: the person's entry, or an entry holding the address.
     *
     * @param entry a recipient entry
     * @return true when the key names it
     */
    boolean holds(RecipientEntry entry);

    /**
     * Whether a device is one of the key's own: a device of the person's entry, or a device with the
     * address on its channel.
     *
     * @param entry  the device's entry
     * @param device the device
     * @return true when the key names it
     */
    boolean holds(RecipientEntry entry, Device device);

    /**
     * The person key.
     *
     * @param personId the person id, not blank
     */
    record ByPerson(String personId) implements RecipientKey {
        /** Validates the id. */
        public ByPerson {
            Checks.requireNonBlank(personId, "personId");
        }

        @Override
        public boolean holds(RecipientEntry entry) {
            return entry.person().id().equals(personId);
        }

        @Override
        public boolean holds(RecipientEntry entry, Device device) {
            return holds(entry);
        }
    }

    /**
     * The address key.
     *
     * @param channel    the channel
     * @param normalised the address normalised as in SPEC D1, not blank
     */
    record ByAddress(Channel channel, String normalised) implements RecipientKey {
        /** Validates the components; use {@link RecipientKey#address} to normalise. */
        public ByAddress {
            Checks.requireNonNull(channel, "channel");
            Checks.requireNonBlank(normalised, "normalised");
        }

        @Override
        public boolean holds(RecipientEntry entry) {
            for (Device d : entry.devices()) {
                if (holds(entry, d)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean holds(RecipientEntry entry, Device device) {
            return device.channel() == channel && Addresses.normalise(channel, device.address()).equals(normalised);
        }
    }
}
