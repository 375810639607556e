package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Person;
import dev.sentlog.spi.Channel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One thing a Delivery Summary figure counted (SPEC E1): a distinct normalised address or a distinct
 * person, with the devices behind it in recipient-list order.
 */
public sealed interface CountedItem {

    /**
     * The devices behind the item, in recipient-list order; duplicates (D2) are marked on each.
     *
     * @return an unmodifiable list, possibly empty (a person with no device)
     */
    List<DeviceRef> devices();

    /**
     * A distinct address: every occurrence of one normalised address on the figure's channels.
     *
     * @param channels the channels it occurs on among the figure's (Voice and Text for the D5 figures)
     * @param address  the normalised address (SPEC D1)
     * @param devices  its occurrences, the first of each channel not a duplicate
     */
    record Address(Set<Channel> channels, String address, List<DeviceRef> devices) implements CountedItem {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException     naming the field when one is null or holds null
         * @throws IllegalArgumentException when the address is blank or has no channel or no device
         */
        public Address {
            Checks.requireNonNull(channels, "channels");
            Checks.requireNonNull(address, "address");
            Checks.requireNonNull(devices, "devices");
            Checks.requireArgument(!channels.isEmpty(), "an address item needs a channel");
            Checks.requireArgument(!address.isBlank(), "an address item needs a non-blank address");
            Checks.requireArgument(!devices.isEmpty(), "address %s has no device", address);
            channels = Set.copyOf(EnumSet.copyOf(channels));
            devices = List.copyOf(devices);
        }
    }

    /**
     * A distinct person (by id), with the devices the figure looks at: every device for Total
     * Recipients, none for Total No Device, the phone devices for the contacted-by-phone lines.
     *
     * @param person  the person, as on their first entry
     * @param devices the devices behind the person for this figure
     */
    record Recipient(Person person, List<DeviceRef> devices) implements CountedItem {

        /**
         * Copies the list.
         *
         * @throws NullPointerException naming the field when one is null or the list holds null
         */
        public Recipient {
            Checks.requireNonNull(person, "person");
            Checks.requireNonNull(devices, "devices");
            devices = List.copyOf(devices);
        }
    }
}
