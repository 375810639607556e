package dev.sentlog.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sentlog.core.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a message's recipient list: a person, the student it concerns (a guardian with three
 * students has three entries), and the person's devices for this message. Immutable; equal when
 * every field is.
 *
 * <p>A class rather than a record so that the optional student has one accessor, {@link #student()}
 * ({@code student} in the interchange format).
 */
@JsonPropertyOrder({"person", "student", "devices"})
public final class RecipientEntry {

    private final Person person;
    private final Person student;
    private final List<Device> devices;

    /**
     * An entry.
     *
     * @param person  the person reached
     * @param student the student the entry concerns, or null when none
     * @param devices the devices, possibly none
     * @throws NullPointerException when the person, the list or a device is null
     */
    public RecipientEntry(Person person, Person student, List<Device> devices) {
        this.person = Checks.requireNonNull(person, "recipient.person");
        this.student = student;
        this.devices = Checks.copyWithoutNulls(devices, "recipient.devices");
    }

    /**
     * An entry.
     *
     * @param person  the person
     * @param student the student, or null when none
     * @param devices the devices
     * @return the entry
     */
    @JsonCreator
    public static RecipientEntry of(@JsonProperty("person") Person person, @JsonProperty("student") Person student,
                                    @JsonProperty("devices") List<Device> devices) {
        return new RecipientEntry(person, student, devices);
    }

    /**
     * The person reached.
     *
     * @return the person
     */
    @JsonProperty("person")
    public Person person() {
        return person;
    }

    /**
     * The student the entry concerns, if any.
     *
     * @return the student, or empty
     */
    public Optional<Person> student() {
        return Optional.ofNullable(student);
    }

    /** The {@code student} field of the interchange format: the student, or null when none. */
    @JsonProperty("student")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Person jsonStudent() {
        return student;
    }

    /**
     * The person's devices for this message, possibly none.
     *
     * @return the devices, an unmodifiable list
     */
    @JsonProperty("devices")
    public List<Device> devices() {
        return devices;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientEntry e && person.equals(e.person) && Objects.equals(student, e.student)
                && devices.equals(e.devices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(person, student, devices);
    }

    @Override
    public String toString() {
        return "RecipientEntry[" + person.id() + (student == null ? "" : ", student " + student.id()) + ", "
                + devices + "]";
    }
}
