package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.examples.demo.DemoWeek;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --db} and {@code log --db} on a real PostgreSQL server (a throwaway cluster): the
 * messages outlive the process that recorded them (N1), a database of another schema version is
 * refused (N5), and a database that cannot be used is a user error (L4).
 */
class DatabaseCommandsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String DEMO_DAY = "2026-01-12";

    @TempDir
    static Path dir;

    /** The database the demo recorded into once, before every test, and the demo's run. */
    private static String recorded;
    private static CliRun demo;

    private static String url(PostgresDatabase db) {
        return db.jdbcUrl() + "?user=" + db.user();
    }

    private static PostgresDatabase freshDatabase() {
        return PostgresCluster.shared().createDatabase("cli_db_" + DATABASES.incrementAndGet());
    }

    private static Path outDir() {
        return dir.resolve("out-" + DATABASES.incrementAndGet());
    }

    @BeforeAll
    static void recordTheDemo() {
        recorded = url(freshDatabase());
        demo = CliRun.of("demo", "--db", recorded, "--out", outDir().toString()).assertOk();
    }

    /** The search grid the demo printed: its output up to the Delivery Summary. */
    private static String demoGrid() {
        int summary = demo.out().indexOf("Delivery Summary of ");
        assertThat(summary).as("the demo prints the grid, then the summary").isPositive();
        return demo.out().substring(0, summary);
    }

    @Test
    @DisplayName("N1 L1 log --db in a second run (sharing nothing but the database) prints the grid the demo --db "
            + "run printed")
    void messagesOutliveTheDemo() {
        CliRun log = CliRun.of("log", "--db", recorded, "--from", DEMO_DAY, "--to", DEMO_DAY).assertOk();

        assertThat(demoGrid()).startsWith("Sent Message Log: 4 message(s) created on 01/12/2026");
        assertThat(log.out()).isEqualTo(demoGrid());
        assertThat(log.out()).contains("School is closed today: snow", "Staff meeting moved to 3:30",
                "Field trip forms are due Friday", "Missing assignments this week", "Canceled IP", "Waiting");
        assertThat(log.err()).isEmpty();
    }

    @Test
    @DisplayName("S1 log --db without dates shows the last seven days by the clock, today included, in --zone")
    void defaultRangeIsTheLastSevenDays() {
        // 18 Jan 2026, 03:00 UTC is still 17 Jan in Chicago: the 12th is the first of the seven days
        Clock seventhDay = Clock.fixed(Instant.parse("2026-01-19T03:00:00Z"), ZoneOffset.UTC);
        CliRun shown = CliRun.of(seventhDay, "log", "--db", recorded, "--zone", "America/Chicago").assertOk();
        assertThat(shown.out()).startsWith("Sent Message Log: 4 message(s) created from 01/12/2026 to 01/18/2026");

        CliRun utc = CliRun.of(seventhDay, "log", "--db", recorded, "--zone", "UTC").assertOk();
        assertThat(utc.out()).startsWith("Sent Message Log: 0 message(s) created from 01/13/2026 to 01/19/2026");

        CliRun fromOnly = CliRun.of(seventhDay, "log", "--db", recorded, "--from", "2026-01-06").assertOk();
        // the demo's week: Wednesday's and Friday's messages, then the snow day's four
        assertThat(fromOnly.out()).startsWith("Sent Message Log: 6 message(s) created from 01/06/2026 to 01/12/2026");
    }

    @Test
    @DisplayName("N1 demo --db twice on one database: the second run is refused naming the message, and changes "
            + "nothing")
    void secondDemoIntoTheSameDatabaseIsRefused() {
        CliRun again = CliRun.of("demo", "--db", recorded, "--out", outDir().toString());
        // the first message the demo records is the one of the week before (DemoWeek)
        again.assertUserError("already holds message " + DemoWeek.WEDNESDAY_ID, "fresh (empty) database");

        CliRun log = CliRun.of("log", "--db", recorded, "--from", DEMO_DAY, "--to", DEMO_DAY).assertOk();
        assertThat(log.out()).isEqualTo(demoGrid());
    }

    @Test
    @DisplayName("N5 L4 a database with another schema version: demo --db and log --db exit 2 naming both versions")
    void mismatchedSchemaIsRefused() throws SQLException {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore.migrate(db.dataSource());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sentlog_schema_version SET version = 2");
        }

        CliRun.of("demo", "--db", url(db), "--out", outDir().toString())
                .assertUserError("schema is version 2", "needs version 1", "'" + db.name() + "'");
        CliRun.of("log", "--db", url(db)).assertUserError("schema is version 2", "needs version 1");
    }

    @Test
    @DisplayName("N5 L4 log --db on an empty database: refused as having no schema, and the database stays empty")
    void logNeverMigrates() throws SQLException {
        PostgresDatabase db = freshDatabase();
        CliRun.of("log", "--db", url(db)).assertUserError("schema is missing", "needs version 1");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT to_regclass('sentlog_schema_version') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("no schema was applied").isTrue();
        }
    }

    @Test
    @DisplayName("L4 a database that cannot be reached: exit 2, one paragraph naming the server, never the password")
    void unreachableDatabase() {
        String refused = "jdbc:postgresql://127.0.0.1:1/sentlog?user=someone&password=s3cret&connectTimeout=5";
        CliRun demoRun = CliRun.of("demo", "--db", refused, "--out", outDir().toString())
                .assertUserError("cannot use the database 'sentlog' on 127.0.0.1 port 1", "server is running");
        CliRun logRun = CliRun.of("log", "--db", refused)
                .assertUserError("cannot use the database 'sentlog' on 127.0.0.1 port 1");
        assertThat(demoRun.err() + logRun.err()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("L4 --db that is not a PostgreSQL JDBC URL, a missing --db, a bad or reversed date: exit 2")
    void badOptions() {
        CliRun.of("demo", "--db", "jdbc:mysql://localhost/sentlog").assertUserError("jdbc:postgresql:");
        CliRun.of("log").assertUserError("option --db is required");
        CliRun.of("log", "--db", recorded, "--from", "12/01/2026").assertUserError("--from", "yyyy-MM-dd",
                "12/01/2026");
        CliRun.of("log", "--db", recorded, "--from", "2026-01-13", "--to", "2026-01-12")
                .assertUserError("--from 2026-01-13 is after --to 2026-01-12");
    }

    @Test
    @DisplayName("L4 log --help describes the command and the overview lists it")
    void help() {
        CliRun help = CliRun.of("log", "--help").assertOk();
        assertThat(help.out()).contains("Usage: java -jar sentlog.jar log [-h] --db JDBC-URL [--from DATE] [--to DATE]",
                "--db JDBC-URL   a PostgreSQL database", "  --from DATE", "  --zone ZONE");
        assertThat(CliRun.of("demo", "--help").assertOk().out()).contains("[--db JDBC-URL]", "  --db JDBC-URL");
        assertThat(CliRun.of("--help").assertOk().out()).containsPattern("\\n  log +print the search grid");
    }

    @Test
    @DisplayName("H1, H4, N1: recipients --db and reach --db read the recorded week exactly as the in-memory demo"
            + " shows it")
    void recipientsAndReachFromTheDatabase() {
        String[] person = {"recipients", "--person", "p-3", "--from", "2026-01-06", "--to", DEMO_DAY};
        String[] reach = {"reach", "--from", "2026-01-06", "--to", DEMO_DAY};

        CliRun personInDb = CliRun.of(concat(person, "--db", recorded)).assertOk();
        CliRun reachInDb = CliRun.of(concat(reach, "--db", recorded)).assertOk();

        assertThat(personInDb.out()).startsWith("Recipient Log of person p-3: ")
                .isEqualTo(CliRun.of(person).assertOk().out());
        assertThat(reachInDb.out()).startsWith("Household reach: ").isEqualTo(CliRun.of(reach).assertOk().out());
        assertThat(personInDb.err() + reachInDb.err()).isEmpty();
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
