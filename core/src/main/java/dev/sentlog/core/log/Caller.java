package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Person;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling the log, as the host's security model sees them (SPEC T1-T4): the user, their
 * tool rights, the schools their rights are limited to, and which log they are working in.
 *
 * @param userId      the user's id (compared with a message's sender id in the own log)
 * @param displayName the user's display name, {@code "Last, First"} (recorded on cancels)
 * @param rights      the user's tool rights
 * @param schools     the districts/schools the rights are limited to; empty for the whole district
 * @param log         the log the call works in
 */
public record Caller(String userId, String displayName, Set<ToolRight> rights, Set<String> schools, LogKind log) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the user id is blank
     */
    public Caller {
        Checks.requireNonBlank(userId, "caller.userId");
        Checks.requireNonNull(displayName, "caller.displayName");
        Checks.requireNonNull(rights, "caller.rights");
        rights = rights.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(rights));
        schools = Set.copyOf(Checks.requireNonNull(schools, "caller.schools"));
        Checks.requireNonNull(log, "caller.log");
    }

    /**
     * A caller working in their own log.
     *
     * @param userId      the user id
     * @param displayName the display name
     * @param rights      the tool rights
     * @param schools     the schools the rights are limited to; empty for all
     * @return the caller
     */
    public static Caller of(String userId, String displayName, Set<ToolRight> rights, Set<String> schools) {
        return new Caller(userId, displayName, rights, schools, LogKind.OWN);
    }

    /** This caller working in the administration log. */
    public Caller inAdministrationLog() {
        return new Caller(userId, displayName, rights, schools, LogKind.ADMINISTRATION);
    }

    /** This caller working in their own log. */
    public Caller inOwnLog() {
        return new Caller(userId, displayName, rights, schools, LogKind.OWN);
    }

    /**
     * Returns whether the caller holds it.
     *
     * @param right a right
     * @return whether the caller holds it
     */
    public boolean has(ToolRight right) {
        return rights.contains(right);
    }

    /** The caller as a person, for the cancellation record. */
    public Person asPerson() {
        return Person.of(userId, displayName);
    }
}
