package dev.sentlog.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sentlog.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One line of a message's recipient list: a person, the student it concerns (a guardian with three
 * students has three entries), and the person's devices for this message.
 *
 * @param person        the person reached
 * @param studentPerson the student the entry concerns, or null; see {@link #student()} ({@code student}
 *                      in the interchange format)
 * @param devices       the devices, possibly none
 */
public record RecipientEntry(Person person,
                             @JsonProperty("student") @JsonInclude(JsonInclude.Include.NON_NULL) Person studentPerson,
                             List<Device> devices) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when the person, the list or a device is null
     */
    public RecipientEntry {
        Checks.requireNonNull(person, "recipient.person");
        devices = Checks.copyWithoutNulls(devices, "recipient.devices");
    }

    /**
     * An entry.
     *
     * @param person  the person
     * @param student the student, or null
     * @param devices the devices
     * @return the entry
     */
    public static RecipientEntry of(Person person, Person student, List<Device> devices) {
        return new RecipientEntry(person, student, devices);
    }

    /** The student the entry concerns, if any. */
    public Optional<Person> student() {
        return Optional.ofNullable(studentPerson);
    }
}
