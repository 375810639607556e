package dev.sentlog.core.log;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every scenario of {@link EngagementTest} with the log kept in PostgreSQL (SPEC H5 on the durable store). */
@ExtendWith(OnPostgres.class)
class EngagementOnPostgresTest extends EngagementTest {
}
