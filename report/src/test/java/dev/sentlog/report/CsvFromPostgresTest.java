package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printing straight from the database (issue #12): a 500,000-device message recorded in PostgreSQL
 * prints its CSV report in a child JVM limited to {@code -Xmx256m}; the snapshot's devices come
 * through a cursor, and the report has one Delivery Detail record per device.
 */
class CsvFromPostgresTest {

    private static final int DEVICES = 500_000;

    @Test
    @DisplayName("P7: a 500,000-device message recorded in PostgreSQL prints its CSV in a JVM of -Xmx256m, "
            + "one detail record per device")
    void printsFromPostgresWithinBoundedHeap(@TempDir Path dir) throws Exception {
        PostgresDatabase db = PostgresCluster.shared().createDatabase("report_from_db");
        // recorded through the store; the driver rewrites its batched inserts into multi-row ones
        String separator = db.jdbcUrl().contains("?") ? "&" : "?";
        DataSource ds = new PostgresDatabase(db.name(), db.jdbcUrl() + separator + "reWriteBatchedInserts=true",
                db.user()).dataSource();
        Message message = ReportFixtures.large(DEVICES);
        JdbcMessageStore.migrate(ds).insert(message, MessageState.initial(MessageStatus.SENT));

        Path csv = dir.resolve("report.csv");
        Path errors = dir.resolve("child-errors.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                CsvFromPostgresChild.class.getName(), db.jdbcUrl(), db.user(), message.id(), csv.toString()));
        Process child = new ProcessBuilder(command).redirectError(errors.toFile())
                .redirectOutput(dir.resolve("child-out.txt").toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the child finished").isTrue();
        assertThat(child.exitValue()).as("the child's exit code; its errors: %s", Files.readString(errors))
                .isZero();
        String out = Files.readString(dir.resolve("child-out.txt"));
        assertThat(out).as("the child's report of its heap").startsWith("max heap ");
        assertThat(Long.parseLong(out.substring("max heap ".length()).strip())).as("the child's maximum heap")
                .isLessThanOrEqualTo(256L << 20);

        DetailCount detail = detailRecords(csv);
        assertThat(detail.records()).as("Delivery Detail records").isEqualTo(DEVICES);
        assertThat(detail.students()).as("distinct students in the detail").isEqualTo(DEVICES / 4);
    }

    private record DetailCount(int records, int students) {
    }

    /** Counts the five-cell records under the Delivery Detail's heading record, and their distinct students. */
    private static DetailCount detailRecords(Path csv) throws IOException {
        int records = 0;
        Set<String> students = new HashSet<>();
        boolean inDetail = false;
        boolean heading = false;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
                if (!inDetail) {
                    inDetail = r.size() == 1 && r.get(0).equals(ReportModel.DELIVERY_DETAIL);
                    heading = inDetail;
                } else if (heading) {
                    heading = false;
                } else if (r.size() == 5) {
                    records++;
                    students.add(r.get(1));
                } else {
                    break;
                }
            }
        }
        return new DetailCount(records, students.size());
    }
}
