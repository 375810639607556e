package dev.sentlog.core.reach;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import java.util.List;

/**
 * A person to phone about an unreached student (SPEC H4): a person of one of the student's entries,
 * with their devices over the messages looked at, each address once per channel (D1), as the newest
 * message recorded it and with the outcome it shared there (D3).
 *
 * @param person  the person
 * @param devices the devices, possibly none (a person without a device)
 */
public record ReachContact(Person person, List<Device> devices) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or a device is null
     */
    public ReachContact {
        Checks.requireNonNull(person, "person");
        devices = Checks.copyWithoutNulls(devices, "devices");
    }
}
