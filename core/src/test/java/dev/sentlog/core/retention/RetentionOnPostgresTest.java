package dev.sentlog.core.retention;

import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Every scenario of {@link RetentionTest} on the PostgreSQL store (SPEC X1-X4 on both stores). */
class RetentionOnPostgresTest extends RetentionTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresDatabase database;

    static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresCluster.shared().createDatabase("retention");
        }
        return database;
    }

    /** A pool over a fresh schema of the retention database. */
    HikariDataSource freshPool() {
        String schema = "retention_" + SCHEMAS.incrementAndGet();
        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        HikariDataSource pool = TestPools.pool(database(), schema);
        closing.add(pool);
        return pool;
    }

    private HikariDataSource pool;

    @Override
    MessageStore newStore() {
        pool = freshPool();
        return JdbcMessageStore.migrate(pool);
    }

    /**
     * Rows of a message in its own table and in every table of the schema that keeps rows per message:
     * read from the database's catalogue (each column naming a message), not from the store's own list,
     * so a side table a purge forgets is counted.
     */
    private long rowsOf(String messageId) throws SQLException {
        long rows = 0;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name LIKE 'sentlog%' AND (column_name "
                    + "IN ('message_id', 'original_id', 'resend_id') OR (table_name = 'sentlog_message' "
                    + "AND column_name = 'id'))")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).as("the catalogue's tables of a message").hasSizeGreaterThan(6);
            for (String[] tc : columns) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tc[0] + " WHERE " + tc[1] + " = '"
                        + messageId + "'")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Rows of a message in the tables every message has: itself, recipients, devices, criteria, holds. */
    private long coreRowsOf(String messageId) throws SQLException {
        long rows = 0;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("sentlog_message", "sentlog_device", "sentlog_recipient",
                    "sentlog_filter_criterion", "sentlog_provider_job", "sentlog_legal_hold")) {
                String column = table.equals("sentlog_message") ? "id" : "message_id";
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = '"
                        + messageId + "'")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    /** A message with {@code persons} recipients, two devices each, final. */
    private Message wide(String id, int persons) {
        List<RecipientEntry> entries = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            entries.add(RecipientEntry.of(Person.of("p-" + p, "Parent, " + p), null, List.of(
                    Device.of(Channel.EMAIL, "parent" + p + "@nomail.com", DeviceStatus.SENT),
                    Device.of(Channel.TEXT, "555" + (1_000_000 + p), DeviceStatus.SENT))));
        }
        return message(id, clock.instant().minus(Duration.ofDays(1200))).toBuilder().recipients(entries).build();
    }

    @Test
    @DisplayName("X1 on PostgreSQL every batch removes at most batchSize rows in its own transaction, and nothing "
            + "stored for a purged message is left in any table")
    void batchesAreBoundedAndNothingIsLeft() throws Exception {
        List<Integer> batches = new ArrayList<>();
        FailingStore counting = new FailingStore(store(), n -> 0);
        Retention retention = retention(counting);
        Message m = wide("m-old", 20);
        store().insert(m, state(m));
        retention.placeHold("m-old", COUNSEL, "audit");
        retention.liftHold("m-old", COUNSEL, "audit closed");
        long before = rowsOf("m-old");
        long core = coreRowsOf("m-old");
        ForwardingCounter counter = new ForwardingCounter(counting, batches);
        Retention counted = Retention.over(counter, clock, CHICAGO, dev.sentlog.spi.OutcomeClassifier.standard(),
                SETTINGS);

        RetentionResult result = counted.purge();

        assertThat(core).as("rows stored for the message in its core tables").isEqualTo(1 + 20 + 40 + 1 + 1);
        assertThat(before).as("rows stored for the message in every table").isGreaterThan(core);
        assertThat(batches).as("X1 every batch at most 3 rows").allMatch(n -> n <= 3);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).as("X1 every row removed").isEqualTo(before);
        assertThat(result.rows()).as("X1 rows counted").isEqualTo(before);
        assertThat(result.batches()).as("X1 batches counted").isEqualTo(batches.size());
        assertThat(rowsOf("m-old")).as("X1 nothing left of the purged message").isZero();
    }

    /** Records the row count of every batch. */
    private static final class ForwardingCounter extends dev.sentlog.core.store.ForwardingMessageStore {
        private final List<Integer> batches;

        ForwardingCounter(MessageStore delegate, List<Integer> batches) {
            super(delegate);
            this.batches = batches;
        }

        @Override
        public int eraseBatch(String messageId, int maxRows) {
            int n = delegate.eraseBatch(messageId, maxRows);
            if (n > 0) {
                batches.add(n);
            }
            return n;
        }
    }

    @Test
    @DisplayName("X1 on PostgreSQL a purge whose connection is killed in the middle of a batch leaves the message "
            + "hidden and the batch undone; run again, it finishes and nothing is left")
    void purgeKilledMidBatchFinishesOnRerun() throws Exception {
        FailingStore hooked = new FailingStore(store(), n -> 0);
        Retention retention = retention(hooked);
        Message m = wide("m-old", 30);
        store().insert(m, state(m));
        stored("m-new", 10);
        assertThat(coreRowsOf("m-old")).as("rows stored for the message in its core tables").isEqualTo(1 + 30 + 60 + 1);
        long before = rowsOf("m-old");
        AtomicInteger batch = new AtomicInteger();
        Connection blocker = pool.getConnection();
        try {
            blocker.setAutoCommit(false);
            hooked.betweenBatches = () -> {
                if (batch.incrementAndGet() != 2) {
                    return;
                }
                // after two committed batches: lock the message row so the third batch waits inside its
                // transaction, then kill the purge's connection while it waits (the blocker stays, so the
                // batch cannot slip through first)
                try (Statement s = blocker.createStatement()) {
                    s.executeQuery("SELECT 1 FROM sentlog_message WHERE id = 'm-old' FOR UPDATE").close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                CompletableFuture.runAsync(this::killWaitingBackend);
            };

            assertThatThrownBy(retention::purge).as("X1 the killed run")
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            try {
                blocker.close();
            } catch (SQLException killedWithTheOthers) {
                // the blocking connection was terminated with the purge's, as the test intends
            }
        }
        pool.getHikariPoolMXBean().softEvictConnections(); // the pool's idle connections were killed too
        long left = rowsOf("m-old");
        assertThat(left).as("X1 two batches committed, the killed one undone").isEqualTo(before - 6);
        assertThat(searchAll()).as("X1 the half-purged message is never shown").containsExactly("m-new");

        hooked.betweenBatches = () -> { };
        RetentionResult rerun = retention.purge();

        assertThat(rerun.rows()).as("X1 the rerun removes the rest").isEqualTo(left);
        assertThat(rowsOf("m-old")).as("X1 nothing left").isZero();
        assertThat(searchAll()).containsExactly("m-new");
    }

    /**
     * Once a backend of the database waits for a lock (the purge's batch; at most 30 seconds), kills it
     * ({@code pg_terminate_backend}), as a crash of the purging process would end its connection.
     */
    private void killWaitingBackend() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                if (rs.next()) {
                    assertThat(rs.getBoolean(1)).as("the purge's connection ended").isTrue();
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the purge's batch never waited for the message row's lock");
    }
}
