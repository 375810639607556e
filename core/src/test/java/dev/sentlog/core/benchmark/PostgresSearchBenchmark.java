package dev.sentlog.core.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A search of the 4,000 newest of {@value #MESSAGES} messages stored in PostgreSQL (SPEC S2; issue #12,
 * "Speed"): {@link SentMessageLog#search} in the administration log over the whole year (which also
 * counts every match, S2), against the plain way in the same run: one {@code SELECT * ... ORDER BY
 * created_at DESC, recorded_seq DESC LIMIT 4000} over the same range, every column read, and (to show
 * where the log's time goes) a plain {@code SELECT count(*)} of the range. Target: median at most 50 ms
 * for the log.
 *
 * <p>The messages are loaded once (not measured) straight into the schema of
 * {@link JdbcMessageStore#migrate}: one message goes in through the store, and an {@code INSERT ... SELECT
 * ... generate_series} copies its row {@value #MESSAGES} times, each copy with its own id, creation time
 * (spread over 2022), school (one of ten) and sender (one of fifty), and their day counts (which the
 * store keeps for S2's total) are added up from the copies. The template itself lies in 2000, outside
 * every search.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=PostgresSearchBenchmark
 * -Djmh.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PostgresSearchBenchmark {

    static final int MESSAGES = 1_000_000;
    static final int CAP = 4_000;
    private static final long START_NANOS = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long STEP_NANOS = 365L * 86_400 * 1_000_000_000L / MESSAGES;
    private static final SearchCriteria YEAR = SearchCriteria.createdBetween(LocalDate.of(2022, 1, 1),
            LocalDate.of(2022, 12, 31));

    private HikariDataSource pool;
    private SentMessageLog log;
    private Caller admin;

    /** Loads the messages into a fresh database and checks both ways return the same 4,000. */
    @Setup(Level.Trial)
    public void load() throws SQLException {
        pool = TestPools.pool(PostgresCluster.shared().createDatabase("bench_pg_search_"
                + ProcessHandle.current().pid()), null);
        JdbcMessageStore store = JdbcMessageStore.migrate(pool);
        store.insert(Message.builder().id("template").messageType("Staff Messenger").districtOrSchool("School 0")
                .subject("Subject").sender(Sender.of("u-0", "Sender, 0", "")).createdAt(Instant.parse(
                        "2000-01-03T08:00:00Z")).status(MessageStatus.SENT).deliveryModes(Channel.EMAIL)
                .recipients(List.of()).build(), MessageState.initial(MessageStatus.SENT));
        copyTemplate();
        log = SentMessageLog.builder().store(store).zone(ZoneOffset.UTC)
                .clock(Clock.fixed(Instant.parse("2023-01-02T00:00:00Z"), ZoneOffset.UTC)).build();
        admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        SearchResult result = logSearch();
        List<String> plain = plainSelect();
        List<String> found = result.rows().stream().map(MessageRow::id).toList();
        if (result.totalMatched() != MESSAGES || !found.equals(plain)) {
            throw new IllegalStateException("the log found " + result.totalMatched() + " messages, its first "
                    + found.size() + " differing from the plain SELECT's " + plain.size());
        }
    }

    /** Copies the template row: every column as the store wrote it, but for id, time, school and sender. */
    private void copyTemplate() throws SQLException {
        Map<String, String> varied = Map.of("id", "'m-' || g",
                "created_at", START_NANOS + " + g * " + STEP_NANOS + "::bigint",
                "district_or_school", "'School ' || (g % 10)",
                "sender_id", "'u-' || (g % 50)",
                "sender_name", "'Sender, ' || (g % 50)");
        List<String> columns = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE "
                    + "table_name = 'sentlog_message' AND table_schema = current_schema() AND is_identity = 'NO' "
                    + "ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            List<String> values = columns.stream().map(col -> varied.getOrDefault(col, "t." + col)).toList();
            s.execute("INSERT INTO sentlog_message (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM sentlog_message t, generate_series(0, " + (MESSAGES - 1)
                    + ") g WHERE t.id = 'template'");
            // the copies bypass the store, so their day counts (S2) are written here as the store would
            s.execute("INSERT INTO sentlog_message_day (day, district_or_school, messages) SELECT "
                    + "created_at / 86400000000000 - CASE WHEN created_at % 86400000000000 < 0 THEN 1 ELSE 0 END, "
                    + "district_or_school, count(*) "
                    + "FROM sentlog_message WHERE id <> 'template' GROUP BY 1, 2");
            s.execute("VACUUM ANALYZE sentlog_message");
        }
    }

    /** Closes the log and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        pool.close();
    }

    /** The log's search: the 4,000 newest of the year and the count of all matches. */
    @Benchmark
    public SearchResult logSearch() {
        return log.search(admin, YEAR);
    }

    /** The plain way: the 4,000 newest rows of the year, every column read, their ids kept. */
    @Benchmark
    public List<String> plainSelect() throws SQLException {
        List<String> ids = new ArrayList<>(CAP);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT * FROM "
                + "sentlog_message WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, "
                + "recorded_seq DESC LIMIT " + CAP)) {
            s.setLong(1, START_NANOS);
            s.setLong(2, START_NANOS + 365L * 86_400 * 1_000_000_000L);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 2; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Half of the log's work done plainly: counting the year's matches (S2 shows the total), for comparison. */
    @Benchmark
    public long plainCount() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM "
                + "sentlog_message WHERE created_at >= ? AND created_at < ?")) {
            s.setLong(1, START_NANOS);
            s.setLong(2, START_NANOS + 365L * 86_400 * 1_000_000_000L);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
