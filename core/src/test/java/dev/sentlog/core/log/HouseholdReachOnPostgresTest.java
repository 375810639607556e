package dev.sentlog.core.log;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every scenario of {@link HouseholdReachTest} with the log kept in PostgreSQL (SPEC N1, N3: the rules hold on the store). */
@ExtendWith(OnPostgres.class)
class HouseholdReachOnPostgresTest extends HouseholdReachTest {
}
