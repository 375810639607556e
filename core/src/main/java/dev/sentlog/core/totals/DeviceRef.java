package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.spi.OutcomeClass;

/**
 * One device behind an item a Delivery Summary figure counted (SPEC E1): where it is in the recipient
 * list, whose it is, the device with its status, and whether it is a duplicate (D2).
 *
 * @param entryIndex   the recipient entry's index in the list
 * @param deviceIndex  the device's index in the entry
 * @param person       the entry's person (the recipient, not the student)
 * @param device       the device as listed, with its status
 * @param outcomeClass the classifier's answer for the device's status (K3-K6)
 * @param duplicate    whether the device is a second or later occurrence of its address on its channel
 *                     (D2): never counted on its own
 */
public record DeviceRef(int entryIndex, int deviceIndex, Person person, Device device, OutcomeClass outcomeClass,
                        boolean duplicate) {

    /**
     * Checks the value.
     *
     * @throws NullPointerException     naming the field when person, device or class is null
     * @throws IllegalArgumentException when an index is negative, naming it
     */
    public DeviceRef {
        Checks.requireArgument(entryIndex >= 0, "entryIndex must not be negative, was %d", entryIndex);
        Checks.requireArgument(deviceIndex >= 0, "deviceIndex must not be negative, was %d", deviceIndex);
        Checks.requireNonNull(person, "person");
        Checks.requireNonNull(device, "device");
        Checks.requireNonNull(outcomeClass, "outcomeClass");
    }
}
