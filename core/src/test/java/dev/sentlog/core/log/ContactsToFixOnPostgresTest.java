package dev.sentlog.core.log;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every scenario of {@link ContactsToFixTest} with the log kept in PostgreSQL (SPEC H3 on the durable store). */
@ExtendWith(OnPostgres.class)
class ContactsToFixOnPostgresTest extends ContactsToFixTest {
}
