package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;

/**
 * A person as the log shows them: a recipient, a student or a user.
 *
 * @param id   the host's id, non-blank; persons are counted by it (SPEC D4)
 * @param name the display name, {@code "Last, First"}
 */
public record Person(String id, String name) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the id is blank
     */
    public Person {
        Checks.requireNonBlank(id, "person.id");
        Checks.requireNonNull(name, "person.name");
    }

    /**
     * A person.
     *
     * @param id   the id
     * @param name the display name
     * @return the person
     */
    public static Person of(String id, String name) {
        return new Person(id, name);
    }
}
