package dev.sentlog.core.log;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every scenario of {@link ResendTest} with the log kept in PostgreSQL (SPEC Y1-Y4 on the durable store). */
@ExtendWith(OnPostgres.class)
class ResendOnPostgresTest extends ResendTest {
}
