package dev.sentlog.report;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The child JVM of {@link CsvFromPostgresTest}: opens the log over the PostgreSQL database, takes the
 * message as printing does ({@link SentMessageLog#printable}) and writes its whole CSV report to a file.
 * Exits 0 when written; an out-of-memory error ends it with another code.
 */
public final class CsvFromPostgresChild {

    private CsvFromPostgresChild() {
    }

    /**
     * Writes the report.
     *
     * @param args the JDBC URL, the user, the message id and the file to write
     * @throws Exception when anything fails (the parent test reads the exit code and the error output)
     */
    public static void main(String[] args) throws Exception {
        DataSource ds = new PostgresDatabase("report", args[0], args[1]).dataSource();
        SentMessageLog log = SentMessageLog.builder().store(JdbcMessageStore.create(ds)).build();
        Caller admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        Message message = log.printable(admin, args[2]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[3])), 1 << 16)) {
            ReportFixtures.reports().write(message, ReportFixtures.applicable(message, ReportDetail.ALL,
                    ReportFormat.CSV), out);
        }
        log.close();
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
    }
}
