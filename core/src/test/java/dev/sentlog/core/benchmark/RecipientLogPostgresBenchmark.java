package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.OutcomeClassifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Recipient Log of a person among 1,000,000 stored messages on the PostgreSQL store (SPEC H1),
 * through its person index table, against a search of the same store (one week, cap 4,000: "as fast as
 * a search"). Target: median ≤ 50 ms for {@code busyPerson}, a person with devices on 1,000 messages.
 *
 * <p>The same messages as {@link RecipientLogBenchmark}, bulk-loaded server-side in the setup
 * ({@code INSERT ... SELECT} over {@code generate_series}, into every table {@code insert} fills,
 * index tables included), in a throwaway cluster ({@link PostgresCluster}).
 *
 * <p>The load takes minutes, so it is done once per JVM (a static pool) and the benchmarks are run
 * without forking, one after the other in the runner's JVM ({@code -f 0}):
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=RecipientLogPostgresBenchmark -Djmh.args="-f 0 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RecipientLogPostgresBenchmark {

    /** The loaded database, shared by the benchmarks of one JVM (closed at its exit with the cluster). */
    private static HikariDataSource pool;
    private MessageStore store;
    private RecipientLogReader reader;
    private RecipientQuery busy;
    private RecipientQuery typical;
    private StoreQuery week;
    private Instant now;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        synchronized (RecipientLogPostgresBenchmark.class) {
            if (pool == null) {
                pool = TestPools.pool(PostgresCluster.shared().createDatabase("recipient_log_bench"), null);
                JdbcMessageStore.migrate(pool);
                bulkLoad();
            }
        }
        store = JdbcMessageStore.create(pool);
        prepare();
    }

    /** The messages of {@link RecipientLogBenchmark}, every table {@code insert} fills, loaded server-side. */
    private static void bulkLoad() throws SQLException {
        long start = RecipientLogBenchmark.START.getEpochSecond() * 1_000_000_000L;
        long step = Duration.ofDays(365).toNanos() / RecipientLogBenchmark.MESSAGES;
        int guardians = RecipientLogBenchmark.GUARDIANS;
        int every = RecipientLogBenchmark.BUSY_EVERY;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sentlog_message (id, message_type, message_type_kind, district_or_school, subject,"
                    + " sender_id, sender_name, sender_email, reply_to_email, caller_id, created_at, schedule_id,"
                    + " schedule_name, scheduler_sent, delivery_modes, text_messaging_enabled, body, text_message,"
                    + " device_count, status, version, is_active)"
                    + " SELECT 'm-' || i, 'Staff Messenger', 'MESSENGER', 'School ' || (i % 10), 'Subject ' || (i % 100),"
                    + " 'u-1', 'Sender, One', '', '', '', " + start + " + i * " + step + ", '', '', false, 'EMAIL',"
                    + " false, '', '', CASE WHEN i % " + every + " = 0 THEN 2 ELSE 1 END, 'SENT', 0, false"
                    + " FROM generate_series(0, " + (RecipientLogBenchmark.MESSAGES - 1) + ") i ORDER BY i");
            s.execute("INSERT INTO sentlog_recipient (message_id, entry_no, person_id, person_name)"
                    + " SELECT 'm-' || i, 0, 'p-' || (i % " + guardians + "), 'Guardian, ' || (i % " + guardians + ")"
                    + " FROM generate_series(0, " + (RecipientLogBenchmark.MESSAGES - 1) + ") i"
                    + " UNION ALL SELECT 'm-' || i, 1, '" + RecipientLogBenchmark.BUSY + "', 'Busy, Bea'"
                    + " FROM generate_series(0, " + (RecipientLogBenchmark.MESSAGES - 1) + ", " + every + ") i");
            s.execute("INSERT INTO sentlog_device (message_id, row_no, entry_no, device_no, person_id,"
                    + " next_row_of_person, channel, address, outcome, confirmed, sequence, submitted, is_final,"
                    + " address_key) SELECT message_id, entry_no, entry_no, 0, person_id, entry_no, 'EMAIL',"
                    + " CASE WHEN entry_no = 0 THEN 'g' || substr(person_id, 3) || '@nomail.com'"
                    + " ELSE 'busy@nomail.com' END, CASE WHEN entry_no = 0 THEN 'SENT' ELSE 'FAILED' END, false, 1,"
                    + " true, true, CASE WHEN entry_no = 0 THEN 'g' || substr(person_id, 3) || '@nomail.com'"
                    + " ELSE 'busy@nomail.com' END FROM sentlog_recipient");
            // each (person, message) and (address, message) is one row by construction: no DISTINCT needed
            s.execute("INSERT INTO sentlog_person_message (person_id, message_id, created_at, recorded_seq)"
                    + " SELECT r.person_id, m.id, m.created_at, m.recorded_seq FROM sentlog_recipient r"
                    + " JOIN sentlog_message m ON m.id = r.message_id");
            s.execute("INSERT INTO sentlog_address_message (channel, address_key, message_id, created_at,"
                    + " recorded_seq) SELECT d.channel, d.address_key, m.id, m.created_at, m.recorded_seq"
                    + " FROM sentlog_device d JOIN sentlog_message m ON m.id = d.message_id");
            s.execute("ANALYZE");
        }
    }

    private void prepare() {
        reader = new RecipientLogReader(store, OutcomeClassifier.standard(), ZoneOffset.UTC, 4_000);
        busy = RecipientQuery.person(RecipientLogBenchmark.BUSY, RecipientLogBenchmark.FIRST_DAY,
                RecipientLogBenchmark.LAST_DAY);
        typical = RecipientQuery.person("p-4242", RecipientLogBenchmark.FIRST_DAY, RecipientLogBenchmark.LAST_DAY);
        now = RecipientLogBenchmark.START.plus(Duration.ofDays(400));
        Instant weekStart = RecipientLogBenchmark.START.plus(Duration.ofDays(200));
        week = new StoreQuery(weekStart, weekStart.plus(Duration.ofDays(7)), null, Set.of(), now, 4_000);
        RecipientLog check = busyPerson();
        int expected = RecipientLogBenchmark.MESSAGES / RecipientLogBenchmark.BUSY_EVERY;
        if (check.totalMatched() != expected || check.rows().size() != expected) {
            throw new IllegalStateException("the bulk load holds " + check.totalMatched() + " messages of the busy"
                    + " person, not " + expected);
        }
    }

    @Benchmark
    public RecipientLog busyPerson() {
        return reader.read(busy, Set.of(), now);
    }

    @Benchmark
    public RecipientLog typicalPerson() {
        return reader.read(typical, Set.of(), now);
    }

    /** The baseline: a search of one week, newest 4,000 (SPEC S1, S2). */
    @Benchmark
    public StorePage baselineSearch() {
        return store.search(week);
    }
}
