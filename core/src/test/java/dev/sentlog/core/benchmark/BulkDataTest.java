package dev.sentlog.core.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' PostgreSQL bulk loads write exactly what the store writes when the same messages
 * are recorded through its API, so the PostgreSQL benchmarks measure the real thing: every table
 * equal row for row, and the same answers (SPEC H1, H3).
 */
class BulkDataTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource database(String kind) {
        HikariDataSource pool = TestPools.pool(PostgresCluster.shared()
                .createDatabase("bulk_" + kind + "_" + DATABASES.incrementAndGet()), null);
        pools.add(pool);
        return pool;
    }

    /** A new database where messages are recorded through the store's API. */
    private HikariDataSource recorded(Consumer<MessageStore> record) {
        HikariDataSource recorded = database("recorded");
        record.accept(JdbcMessageStore.migrate(recorded));
        return recorded;
    }

    /** A new migrated database holding a bulk load. */
    private HikariDataSource loaded(BulkData.Load load) {
        HikariDataSource loaded = database("loaded");
        JdbcMessageStore.migrate(loaded);
        BulkData.bulkLoad(loaded, load);
        return loaded;
    }

    @Test
    @DisplayName("H1: the Recipient Log's bulk load equals the store's own recording, table by table and answer by answer")
    void h1RecipientLogLoadEqualsRecording() throws SQLException {
        BulkData.RecipientLogShape shape = new BulkData.RecipientLogShape(2_500, 700, 100);
        HikariDataSource recorded = recorded(shape::record);
        HikariDataSource loaded = loaded(shape::load);

        Map<String, List<String>> expected = tables(recorded);
        assertThat(expected.get("sentlog_person_message")).hasSize(2_525);
        assertThat(expected.get("sentlog_summary_address")).hasSize(2_525);
        assertThat(tables(loaded)).isEqualTo(expected);
        assertThat(indexes(loaded)).isEqualTo(indexes(recorded));

        MessageStore memory = MessageStore.inMemory();
        shape.record(memory);
        Instant now = BulkData.RecipientLogShape.START.plusSeconds(400L * 86_400);
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 1, 2);
        List<RecipientQuery> queries = List.of(RecipientQuery.person(BulkData.RecipientLogShape.BUSY, from, to),
                RecipientQuery.person("p-42", from, to), RecipientQuery.person("p-nobody", from, to),
                RecipientQuery.address(Channel.EMAIL, BulkData.RecipientLogShape.BUSY_ADDRESS, from, to),
                RecipientQuery.address(Channel.EMAIL, "g42@nomail.com", from, to));
        for (RecipientQuery q : queries) {
            RecipientLog fromRecorded = reader(JdbcMessageStore.create(recorded)).read(q, Set.of(), now);
            assertThat(reader(JdbcMessageStore.create(loaded)).read(q, Set.of(), now)).isEqualTo(fromRecorded);
            assertThat(reader(memory).read(q, Set.of(), now)).isEqualTo(fromRecorded);
        }
        RecipientLog busy = reader(JdbcMessageStore.create(loaded)).read(queries.get(0), Set.of(), now);
        assertThat(busy.totalMatched()).isEqualTo(25);
        assertThat(busy.rows()).hasSize(25).allSatisfy(r -> assertThat(r.reached()).isFalse());
    }

    @Test
    @DisplayName("H3: the contact ledger's bulk load equals the ledger the store keeps, and lists the same contacts to fix")
    void h3ContactLedgerLoadEqualsRecording() throws SQLException {
        BulkData.ContactShape shape = new BulkData.ContactShape(42, 40, 1_600);
        HikariDataSource recorded = recorded(shape::record);
        HikariDataSource loaded = loaded(shape::loadLedger);

        Map<String, List<String>> expected = tables(recorded);
        assertThat(expected.get("sentlog_contact_fact")).hasSize(1_680);
        Map<String, List<String>> actual = tables(loaded);
        // every wrong number (0 mod 50) is listed: 8 in messages 0 and 40 (0 mod 200), 8 more in each of
        // messages 10, 20 and 30; one fact per message each
        assertThat(expected.get("sentlog_contact_listed")).as("the wrong numbers, listed").hasSize(32);
        assertThat(expected.get("sentlog_contact_listed_fact")).as("their facts, copied").hasSize(8 * 2 + 24);
        for (String ledger : List.of("sentlog_contact_fact", "sentlog_contact_address", "sentlog_contact_listed",
                "sentlog_contact_listed_fact")) {
            assertThat(actual.get(ledger)).as(ledger).isEqualTo(expected.get(ledger));
        }
        assertThat(indexes(loaded)).isEqualTo(indexes(recorded));

        MessageStore memory = MessageStore.inMemory();
        shape.record(memory);
        Caller admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        ContactLists fromRecorded = SentMessageLog.builder().store(JdbcMessageStore.create(recorded)).build()
                .contacts(admin);
        assertThat(fromRecorded.toFix()).hasSize(8); // the wrong numbers in messages 0 and 40 (each 0 mod 200)
        assertThat(SentMessageLog.builder().store(JdbcMessageStore.create(loaded)).build().contacts(admin))
                .isEqualTo(fromRecorded);
        assertThat(SentMessageLog.builder().store(memory).build().contacts(admin)).isEqualTo(fromRecorded);
    }

    private static RecipientLogReader reader(MessageStore store) {
        return new RecipientLogReader(store, OutcomeClassifier.standard(), ZoneOffset.UTC, 4_000);
    }

    /** Every {@code sentlog_} table's rows as text, sorted (the schema version's time left out). */
    private static Map<String, List<String>> tables(DataSource ds) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> names = strings(s, "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                    + " current_schema() AND table_name LIKE 'sentlog\\_%' AND table_name <> 'sentlog_schema_version'"
                    + " ORDER BY 1");
            assertThat(names).contains("sentlog_message", "sentlog_device", "sentlog_contact_fact");
            for (String table : names) {
                out.put(table, strings(s, "SELECT t::text FROM " + table + " t ORDER BY 1"));
            }
        }
        return out;
    }

    /** Every index of the schema with its definition. */
    private static List<String> indexes(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return strings(s, "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " ORDER BY 1");
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
