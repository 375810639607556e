package dev.sentlog.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The listed tables of the PostgreSQL contact ledger (SPEC H3): {@code sentlog_contact_listed} holds
 * exactly the addresses whose standing has a streak or a "do not contact" mark, and
 * {@code sentlog_contact_listed_fact} exactly their facts, whatever changes the ledger: a report, a
 * recovery, a purge (X1) or a redaction (X2). Each check compares the listed tables with a
 * recomputation from {@code sentlog_contact_fact} and {@code sentlog_contact_address}.
 */
class JdbcContactLedgerTest {

    private static final Instant BASE = Instant.parse("2026-01-05T13:00:00Z");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final DeviceOutcome NOT_IN_SERVICE = DeviceOutcome.call(3);
    private static final DeviceOutcome INVALID_PHONE = DeviceOutcome.call(-2);
    private static final DeviceOutcome ANSWERED = DeviceOutcome.call(5);
    private static final DeviceOutcome DO_NOT_CALL = DeviceOutcome.call(-3);
    private static final String PHONE_KEY = "VOICE:5550000001";

    private HikariDataSource pool;
    private MessageStore store;

    private static PostgresDatabase database;

    private static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresCluster.shared().createDatabase("contact_ledger");
        }
        return database;
    }

    @BeforeEach
    void freshSchema() throws SQLException {
        String schema = "ledger_" + SCHEMAS.incrementAndGet();
        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        pool = TestPools.pool(database(), schema);
        store = JdbcMessageStore.migrate(pool);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    /** A final message to a phone (row 0) and an email (row 1), of one person. */
    private void message(String id, int minute) {
        Message m = Message.builder().id(id).messageType("Staff Messenger")
                .messageTypeKind(MessageTypeKind.NON_MESSENGER).districtOrSchool("Harrison High").subject("s " + id)
                .sender(Sender.of("u-1", "N, N", "")).createdAt(BASE.plusSeconds(60L * minute))
                .status(MessageStatus.SENT).deliveryModes(Channel.VOICE, Channel.EMAIL)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "P, P"), null, List.of(
                        Device.of(Channel.VOICE, "(555) 000-0001", DeviceStatus.PENDING),
                        Device.of(Channel.EMAIL, "ann@nomail.com", DeviceStatus.PENDING)))))
                .build();
        store.insert(m, MessageState.initial(MessageStatus.SENT));
    }

    private void fact(String messageId, int row, DeviceOutcome outcome, int minute, ContactKind kind) {
        store.withDevices(messageId, t -> {
            t.set(row, outcome, false, BASE.plusSeconds(60L * minute), minute, true);
            t.noteContact(row, kind);
            return Boolean.TRUE;
        });
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The listed rows as stored. */
    private List<String> listed() throws SQLException {
        return rows("SELECT t::text FROM sentlog_contact_listed t ORDER BY 1");
    }

    /** The copied facts as stored. */
    private List<String> copies() throws SQLException {
        return rows("SELECT t::text FROM sentlog_contact_listed_fact t ORDER BY 1");
    }

    /**
     * Asserts the listed tables equal their recomputation: the addresses whose stored standing has a
     * streak or "do not contact", and every fact the ledger holds for them.
     */
    private void assertListedMatchLedger(String when) throws SQLException {
        assertThat(listed()).as("H3 listed addresses " + when).isEqualTo(rows("SELECT t::text FROM"
                + " sentlog_contact_address t WHERE t.streak > 0 OR t.do_not_contact ORDER BY 1"));
        assertThat(copies()).as("H3 copied facts " + when).isEqualTo(rows("SELECT f::text FROM sentlog_contact_fact f"
                + " JOIN sentlog_contact_address a ON a.address_key = f.address_key WHERE a.streak > 0"
                + " OR a.do_not_contact ORDER BY 1"));
    }

    /** The messages whose facts of the phone are copied. */
    private List<String> copiedMessages() throws SQLException {
        return rows("SELECT message_id FROM sentlog_contact_listed_fact WHERE address_key = '" + PHONE_KEY
                + "' ORDER BY 1");
    }

    @Test
    @DisplayName("H3 an address becomes listed with its standing and a copy of every one of its facts; an address "
            + "that is not listed is not copied")
    void becomesListedWithItsFacts() throws SQLException {
        message("m-1", 1);
        message("m-2", 2);
        fact("m-1", 0, ANSWERED, 1, ContactKind.SUCCESS);
        fact("m-1", 1, DeviceOutcome.of(DeviceStatus.SENT), 1, ContactKind.SUCCESS);
        assertThat(listed()).as("H3 nothing failing, nothing listed").isEmpty();
        assertThat(copies()).isEmpty();

        fact("m-2", 0, NOT_IN_SERVICE, 2, ContactKind.PERMANENT_FAILURE);

        assertThat(listed()).as("H3 the failing phone, streak 1").containsExactly(
                "(" + PHONE_KEY + ",VOICE,5550000001,1,f)");
        assertThat(copiedMessages()).as("H3 its older success is evidence too").containsExactly("m-1", "m-2");
        assertListedMatchLedger("after the phone failed");
        assertThat(store.failingAddresses(1)).singleElement().satisfies(h -> {
            assertThat(h.address()).isEqualTo("5550000001");
            assertThat(h.facts()).hasSize(2);
        });
    }

    @Test
    @DisplayName("H3 a changed, added or removed fact of a listed address changes its copies and its listed standing "
            + "in the same transaction")
    void changedFactsChangeTheCopies() throws SQLException {
        message("m-1", 1);
        message("m-2", 2);
        fact("m-1", 0, NOT_IN_SERVICE, 1, ContactKind.PERMANENT_FAILURE);
        assertListedMatchLedger("after the first failure");

        fact("m-1", 0, INVALID_PHONE, 3, ContactKind.PERMANENT_FAILURE);
        assertThat(rows("SELECT outcome || ' ' || at FROM sentlog_contact_listed_fact")).as("H3 the copy follows "
                + "its fact").containsExactly(Sql.outcome(INVALID_PHONE) + " " + Sql.nanos(BASE.plusSeconds(180), ""));
        assertListedMatchLedger("after the fact changed");

        fact("m-2", 0, NOT_IN_SERVICE, 4, ContactKind.PERMANENT_FAILURE);
        assertThat(listed()).as("H3 streak 2").containsExactly("(" + PHONE_KEY + ",VOICE,5550000001,2,f)");
        assertThat(copiedMessages()).containsExactly("m-1", "m-2");
        assertListedMatchLedger("after a second message failed");

        store.withDevices("m-1", t -> {
            t.noteContact(0, ContactKind.NOT_ATTEMPTED);
            return Boolean.TRUE;
        });
        assertThat(listed()).as("H3 streak 1 again").containsExactly("(" + PHONE_KEY + ",VOICE,5550000001,1,f)");
        assertThat(copiedMessages()).as("H3 a removed fact loses its copy").containsExactly("m-2");
        assertListedMatchLedger("after a fact was removed");
    }

    @Test
    @DisplayName("H3 an address that recovers (a newer success, no \"do not contact\") leaves both listed tables; "
            + "a \"do not contact\" address stays listed after a success")
    void recoveredAddressLeaves() throws SQLException {
        message("m-1", 1);
        message("m-2", 2);
        message("m-3", 3);
        fact("m-1", 0, NOT_IN_SERVICE, 1, ContactKind.PERMANENT_FAILURE);
        fact("m-2", 0, NOT_IN_SERVICE, 2, ContactKind.PERMANENT_FAILURE);
        fact("m-1", 1, DeviceOutcome.of(DeviceStatus.FAILED), 1, ContactKind.PERMANENT_FAILURE);
        assertThat(listed()).as("H3 phone and email failing").hasSize(2);

        fact("m-3", 0, ANSWERED, 3, ContactKind.SUCCESS);

        assertThat(listed()).as("H3 the phone recovered").singleElement()
                .satisfies(row -> assertThat(row).startsWith("(EMAIL:"));
        assertThat(copiedMessages()).as("H3 none of its facts is copied any more").isEmpty();
        assertThat(store.failingAddresses(1)).extracting(AddressHistory::channel).containsExactly(Channel.EMAIL);
        assertListedMatchLedger("after the phone recovered");

        fact("m-2", 0, DO_NOT_CALL, 4, ContactKind.DO_NOT_CONTACT);
        fact("m-3", 0, ANSWERED, 5, ContactKind.SUCCESS);
        assertThat(rows("SELECT do_not_contact::text FROM sentlog_contact_listed WHERE address_key = '" + PHONE_KEY
                + "'")).as("H3 do not contact stays listed").containsExactly("true");
        assertThat(store.doNotContactAddresses()).singleElement()
                .satisfies(h -> assertThat(h.facts()).hasSize(3));
        assertListedMatchLedger("after do not call and a success");
    }

    @Test
    @DisplayName("X2, H3 a redaction removes a message's copied facts with its facts, batch by batch, never leaving "
            + "a copy of a removed fact; the listed tables then equal the ledger")
    void redactionRemovesCopies() throws SQLException {
        listedInTwoMessages();

        assertThat(store.redact("m-1", m -> redaction())).isPresent();
        eraseInSingleRows("m-1");

        assertOnlyTheOtherMessagesCopiesLeft("X2", "after the redaction");
    }

    @Test
    @DisplayName("X1, H3 a purge removes a message's copied facts with its facts, batch by batch, never leaving a "
            + "copy of a removed fact; the listed tables then equal the ledger")
    void purgeRemovesCopies() throws SQLException {
        listedInTwoMessages();

        assertThat(store.markForPurge("m-1")).isTrue();
        eraseInSingleRows("m-1");

        assertThat(rows("SELECT count(*) FROM sentlog_message WHERE id = 'm-1'")).as("X1 purged").containsExactly("0");
        assertOnlyTheOtherMessagesCopiesLeft("X1", "after the purge");
    }

    /** Two final messages whose facts list the phone (do not contact) and the email (streak 1). */
    private void listedInTwoMessages() throws SQLException {
        message("m-1", 1);
        message("m-2", 2);
        fact("m-1", 0, NOT_IN_SERVICE, 1, ContactKind.PERMANENT_FAILURE);
        fact("m-1", 1, DeviceOutcome.of(DeviceStatus.FAILED), 1, ContactKind.PERMANENT_FAILURE);
        fact("m-2", 0, DO_NOT_CALL, 2, ContactKind.DO_NOT_CONTACT);
        fact("m-2", 1, DeviceOutcome.of(DeviceStatus.SENT), 0, ContactKind.SUCCESS); // older than m-1's failure
        assertThat(listed()).as("phone (do not contact) and email (streak 1) listed").hasSize(2);
        assertThat(copies()).as("four facts copied").hasSize(4);
    }

    private void assertOnlyTheOtherMessagesCopiesLeft(String rule, String when) throws SQLException {
        assertThat(rows("SELECT DISTINCT message_id FROM sentlog_contact_listed_fact")).as(rule + " only m-2's copies "
                + "left").containsExactly("m-2");
        assertListedMatchLedger(when);
        assertThat(store.failingAddresses(1)).as(rule + " the evidence listed").hasSize(2)
                .allSatisfy(h -> assertThat(h.facts()).extracting(f -> f.messageId()).containsExactly("m-2"));
    }

    /**
     * Erases a purged or redacted message one row per batch, checking after every batch that each copy
     * still has its original: a batch may end between a copy and its fact.
     */
    private void eraseInSingleRows(String messageId) throws SQLException {
        int batches = 0;
        while (store.eraseBatch(messageId, 1) > 0) {
            assertThat(rows("SELECT l.message_id || '/' || l.row_no FROM sentlog_contact_listed_fact l WHERE NOT EXISTS"
                    + " (SELECT 1 FROM sentlog_contact_fact f WHERE f.address_key = l.address_key AND f.message_id ="
                    + " l.message_id AND f.row_no = l.row_no)")).as("X1 no copy without its fact after batch " + batches)
                    .isEmpty();
            batches++;
            assertThat(batches).as("erasing ends").isLessThan(1_000);
        }
    }

    private static Redaction redaction() {
        DeliverySummary summary = new DeliverySummary(new DeliveryTotals(1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0), 1, 1,
                false, BASE, BASE.plusSeconds(60), null);
        return new Redaction(BASE.plusSeconds(3600), summary, Map.of());
    }
}
