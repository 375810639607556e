package dev.sentlog.core.benchmark;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The contacts to fix over 10,000,000 stored devices on the PostgreSQL store (SPEC H3): the log's
 * list through the store's listed tables (the listed addresses and a copy of their facts), against
 * the plain way: the bare SQL joining the failing addresses to their facts in the whole ledger (the
 * store's read before the listed tables), reading the same rows without building the list.
 * Target: ≤ 1 s.
 *
 * <p>The ledger of {@link ContactsToFixBenchmark}'s 100 messages of 100,000 Voice devices
 * ({@link BulkData.ContactShape}: 10,000,000 facts over 4,000,000 numbers), bulk-loaded once per JVM
 * with set-based SQL that writes exactly the ledger rows the store keeps when the outcomes are applied
 * through it ({@code BulkDataTest}); the messages' recipient and device rows are not loaded, as
 * listing never reads them. The set-up checks that the log lists one contact per wrong number seen
 * twice and that the bare SQL reads their facts.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=PostgresContactsToFixBenchmark -Djmh.args="-f 0 -wi 1 -i 3"} (one JVM for both
 * benchmarks: the load takes minutes)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PostgresContactsToFixBenchmark {

    /** The wrong numbers (one in fifty) each in two or three messages: all listed. */
    private static final int EXPECTED = ContactsToFixBenchmark.SHAPE.numbers() / 50;

    private DataSource database;
    private SentMessageLog log;
    private Caller admin;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        database = BulkData.loadedOnce("contacts_bench", ContactsToFixBenchmark.SHAPE::loadLedger);
        log = SentMessageLog.builder().store(JdbcMessageStore.create(database)).build();
        admin = ContactsToFixBenchmark.admin();
        int listed = contactsToFix().toFix().size();
        int facts = baselineBareSql();
        if (listed != EXPECTED || facts < 2 * EXPECTED) {
            throw new IllegalStateException("the log lists " + listed + " contacts to fix, not " + EXPECTED
                    + "; the bare SQL reads " + facts + " facts");
        }
    }

    @Benchmark
    public ContactLists contactsToFix() {
        return log.contacts(admin);
    }

    /** The plain way: the listed addresses' facts read by a plain join, counted. */
    @Benchmark
    public int baselineBareSql() throws SQLException {
        int rows = 0;
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT f.address_key, f.channel, f.address, f.message_id,"
                        + " f.row_no, f.kind, f.outcome, f.at, f.person_id, f.school FROM sentlog_contact_address a"
                        + " JOIN sentlog_contact_fact f ON f.address_key = a.address_key WHERE a.streak >= 2")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        return rows;
    }
}
