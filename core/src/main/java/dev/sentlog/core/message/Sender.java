package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;

/**
 * The user who sent a message.
 *
 * @param id    the user id (SPEC T1 compares it with the caller's)
 * @param name  the display name, {@code "Last, First"}
 * @param email the sender's email (the "from" of emails); blank when none
 */
public record Sender(String id, String name, String email) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the id is blank
     */
    public Sender {
        Checks.requireNonBlank(id, "sender.id");
        Checks.requireNonNull(name, "sender.name");
        Checks.requireNonNull(email, "sender.email");
    }

    /**
     * A sender.
     *
     * @param id    the user id
     * @param name  the display name
     * @param email the email, blank when none
     * @return the sender
     */
    public static Sender of(String id, String name, String email) {
        return new Sender(id, name, email);
    }
}
