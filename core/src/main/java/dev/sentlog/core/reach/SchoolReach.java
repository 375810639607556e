package dev.sentlog.core.reach;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * The unreached students of one school (SPEC H4), by student name.
 *
 * @param school   the district or school (of the newest message concerning each student)
 * @param students the students, by name then id
 */
public record SchoolReach(String school, List<UnreachedStudent> students) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or a student is null
     */
    public SchoolReach {
        Checks.requireNonNull(school, "school");
        students = Checks.copyWithoutNulls(students, "students");
    }
}
