package dev.sentlog.core.reach;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Person;
import java.util.List;

/**
 * A student nobody was reached for (SPEC H4).
 *
 * @param student    the student
 * @param contacts   the persons of the student's entries, each once, with their devices
 * @param messageIds the messages looked at that concerned the student, newest first
 */
public record UnreachedStudent(Person student, List<ReachContact> contacts, List<String> messageIds) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or an element is null
     */
    public UnreachedStudent {
        Checks.requireNonNull(student, "student");
        contacts = Checks.copyWithoutNulls(contacts, "contacts");
        messageIds = Checks.copyWithoutNulls(messageIds, "messageIds");
    }
}
