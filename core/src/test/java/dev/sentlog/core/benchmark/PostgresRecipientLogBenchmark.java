package dev.sentlog.core.benchmark;

import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.spi.OutcomeClassifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * against the plain way: the bare query of the person index, newest 4,000 message ids of the range.
 * Target: median ≤ 50 ms for {@code busyPerson}, a person with devices on 1,000 messages.
 *
 * <p>The messages of {@link RecipientLogBenchmark} ({@link BulkData.RecipientLogShape}), bulk-loaded
 * once per JVM into a database of the test cluster with set-based SQL that writes exactly the rows the
 * store's own recording writes ({@code BulkDataTest}); each benchmark checks in its set-up that the
 * log and the bare query find the busy person's 1,000 messages.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=PostgresRecipientLogBenchmark -Djmh.args="-f 0 -wi 1 -i 3"} (one JVM for the three
 * benchmarks: the load is made once per JVM)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class PostgresRecipientLogBenchmark {

    private DataSource database;
    private RecipientLogReader reader;
    private RecipientQuery busy;
    private RecipientQuery typical;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        database = BulkData.loadedOnce("recipient_log_bench", RecipientLogBenchmark.SHAPE::load);
        reader = new RecipientLogReader(JdbcMessageStore.create(database), OutcomeClassifier.standard(),
                ZoneOffset.UTC, 4_000);
        busy = RecipientQuery.person(RecipientLogBenchmark.BUSY, RecipientLogBenchmark.FIRST_DAY,
                RecipientLogBenchmark.LAST_DAY);
        typical = RecipientQuery.person("p-4242", RecipientLogBenchmark.FIRST_DAY, RecipientLogBenchmark.LAST_DAY);
        RecipientLog check = busyPerson();
        int expected = RecipientLogBenchmark.SHAPE.messages() / RecipientLogBenchmark.SHAPE.busyEvery();
        List<String> plain = baselineIndexQuery();
        if (check.totalMatched() != expected || check.rows().size() != expected || plain.size() != expected
                || !plain.equals(check.rows().stream().map(r -> r.messageId()).toList())) {
            throw new IllegalStateException("the log finds " + check.totalMatched() + " messages of the busy person,"
                    + " the bare query " + plain.size() + ", not " + expected + " in the same order");
        }
    }

    @Benchmark
    public RecipientLog busyPerson() {
        return reader.read(busy, Set.of(), RecipientLogBenchmark.NOW);
    }

    @Benchmark
    public RecipientLog typicalPerson() {
        return reader.read(typical, Set.of(), RecipientLogBenchmark.NOW);
    }

    /** The plain way: the busy person's newest 4,000 message ids of the year from the person index alone. */
    @Benchmark
    public List<String> baselineIndexQuery() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT message_id FROM sentlog_person_message"
                        + " WHERE person_id = ? AND created_at >= ? AND created_at < ?"
                        + " ORDER BY created_at DESC, recorded_seq DESC LIMIT 4000")) {
            s.setString(1, RecipientLogBenchmark.BUSY);
            s.setLong(2, nanos(RecipientLogBenchmark.FIRST_DAY));
            s.setLong(3, nanos(RecipientLogBenchmark.LAST_DAY.plusDays(1)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long nanos(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }
}
