package dev.sentlog.report.reach;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachContact;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import dev.sentlog.report.csv.FormulaGuard;
import dev.sentlog.report.internal.Checks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes household reach (SPEC H4) as CSV: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line
 * ends, every cell neutralised against formula injection (P9, {@link FormulaGuard}).
 *
 * <p>One header record ({@link #COLUMNS}), then one record per device of each person to phone about
 * each unreached student, school by school; a person without a device gets one record with
 * {@code No Device}. The messages column lists the message ids looked at for the student, newest
 * first, separated by spaces. Stateless and thread-safe.
 */
public final class HouseholdReachCsv {

    /** The header record. */
    public static final List<String> COLUMNS = List.of("School", "Student", "Student ID", "Contact", "Contact ID",
            "Channel", "Address", "Last Outcome", "Messages");

    private static final char BOM = '\uFEFF';

    private HouseholdReachCsv() {
    }

    /**
     * Writes the CSV. The stream is flushed, not closed.
     *
     * @param reach the household reach
     * @param out   where to write
     * @throws IOException when writing fails
     */
    public static void write(HouseholdReach reach, OutputStream out) throws IOException {
        Checks.requireNonNull(reach, "reach");
        Checks.requireNonNull(out, "out");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        record(p, COLUMNS.toArray(String[]::new));
        for (SchoolReach school : reach.schools()) {
            for (UnreachedStudent s : school.students()) {
                String messages = String.join(" ", s.messageIds());
                for (ReachContact c : s.contacts()) {
                    if (c.devices().isEmpty()) {
                        record(p, school.school(), s.student().name(), s.student().id(), c.person().name(),
                                c.person().id(), "No Device", "", "", messages);
                    }
                    for (Device d : c.devices()) {
                        record(p, school.school(), s.student().name(), s.student().id(), c.person().name(),
                                c.person().id(), d.channel().label(), d.address(), d.outcome().display(), messages);
                    }
                }
            }
        }
        p.flush();
        w.flush();
    }

    private static void record(CSVPrinter p, String... cells) throws IOException {
        for (String cell : cells) {
            p.print(FormulaGuard.neutralise(cell));
        }
        p.println();
    }
}
