package dev.sentlog.examples.web;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.ToolRight;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The users the demo sign-in offers (SPEC W3): each is a {@link Caller} the host would build from
 * its own security model, so the page sees exactly what their rights allow (T1-T4).
 *
 * @param key         the short name the sign-in form posts
 * @param role        what the user is, as the sign-in page shows it
 * @param caller      the user's rights and schools, in their default log
 */
public record DemoUser(String key, String role, Caller caller) {

    /** The school the secretary's rights are limited to. */
    public static final String SECRETARY_SCHOOL = WebDistrict.LINCOLN_MIDDLE;

    /** The district administrator: every right, every school, the administration log. */
    public static final DemoUser ADMINISTRATOR = new DemoUser("administrator", "District administrator",
            Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of()).inAdministrationLog());

    /** A school secretary: read and cancel in both logs, limited to one school. */
    public static final DemoUser SECRETARY = new DemoUser("secretary", "Secretary of " + SECRETARY_SCHOOL,
            Caller.of(WebDistrict.SECRETARY_ID, "Okafor, Grace", EnumSet.allOf(ToolRight.class),
                    Set.of(SECRETARY_SCHOOL)).inAdministrationLog());

    /** A teacher: reads their own log only, cancels nothing. */
    public static final DemoUser TEACHER = new DemoUser("teacher", "Teacher, own messages only",
            Caller.of("u-7", "Teacher, Maria", EnumSet.of(ToolRight.READ_OWN_LOG), Set.of()));

    /** Checks the components. */
    public DemoUser {
        if (key == null || key.isBlank() || role == null || caller == null) {
            throw new IllegalArgumentException("a demo user needs a key, a role and a caller");
        }
    }

    /**
     * The users the sign-in page offers, in the order shown.
     *
     * @return the users
     */
    public static List<DemoUser> all() {
        return List.of(ADMINISTRATOR, SECRETARY, TEACHER);
    }

    /**
     * The user of a key.
     *
     * @param key a key the sign-in form posted
     * @return the user, or empty for an unknown key
     */
    public static Optional<DemoUser> byKey(String key) {
        return all().stream().filter(u -> u.key.equals(key)).findFirst();
    }

    /**
     * The logs this user may read, administration first (T1, T2).
     *
     * @return the logs
     */
    public List<LogKind> logs() {
        return List.of(LogKind.ADMINISTRATION, LogKind.OWN).stream()
                .filter(k -> caller.has(ToolRight.read(k))).toList();
    }

    /**
     * The user working in a log.
     *
     * @param log the log
     * @return the caller
     */
    public Caller in(LogKind log) {
        return log == LogKind.ADMINISTRATION ? caller.inAdministrationLog() : caller.inOwnLog();
    }
}
