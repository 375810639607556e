package dev.sentlog.core.log;

import dev.sentlog.core.store.MessageStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link ContactsLedgerPropertiesTest} with the log kept in PostgreSQL (SPEC H3): the ledger the
 * device transactions keep equals the recomputation. Fewer tries: each one migrates a fresh schema.
 */
class ContactsLedgerOnPostgresPropertiesTest {

    private final ContactsLedgerPropertiesTest scenarios = new ContactsLedgerPropertiesTest();

    @BeforeContainer
    static void onPostgres() {
        LogHarness.stores = OnPostgres::freshStore;
    }

    @AfterContainer
    static void back() {
        new OnPostgres().afterAll(null);
        LogHarness.stores = MessageStore::inMemory;
    }

    @Provide
    Arbitrary<ContactsLedgerPropertiesTest.Scenario> scenarios() {
        return scenarios.scenarios();
    }

    @Property(tries = 20)
    @Label("H3 on PostgreSQL: the ledger kept in the device transactions equals a recomputation from the stored "
            + "messages")
    void ledgerEqualsRecomputation(@ForAll("scenarios") ContactsLedgerPropertiesTest.Scenario s) {
        ContactsLedgerPropertiesTest.check(s);
    }
}
