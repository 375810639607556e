package dev.sentlog.examples.demo;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachContact;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogRow;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Recipient Log (SPEC H1) and household reach (H4) as console tables, for the {@code recipients}
 * and {@code reach} commands.
 */
public final class RecipientTables {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US);

    private RecipientTables() {
    }

    private static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
    }

    private static String minute(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTE.format(t.atZone(zone));
    }

    /**
     * Prints a Recipient Log: a title line, then one table row per device, the message's columns on its
     * first device's row (a message where the person had no device gets one row).
     *
     * @param out  where it goes
     * @param log  the Recipient Log
     * @param whom what was asked for, e.g. {@code person p-12}
     * @param from the first day
     * @param to   the last day
     * @param zone the district's zone
     */
    public static void printRecipientLog(PrintStream out, RecipientLog log, String whom, LocalDate from,
                                         LocalDate to, ZoneId zone) {
        out.println("Recipient Log of " + whom + ": " + log.totalMatched() + " message(s) created " + days(from, to)
                + (log.isCut() ? " (showing the newest " + log.cap() + ")" : ""));
        ConsoleTable table = ConsoleTable.of(40, "Date Created", "Message Type", "Subject", "Status", "Reached",
                "Student", "Device", "Outcome", "Time");
        for (RecipientLogRow row : log.rows()) {
            Object[] message = {minute(row.createdAt(), zone), row.messageType(), row.subject(), row.status().label(),
                row.reached() ? "yes" : "no"};
            if (row.devices().isEmpty()) {
                table.row(message[0], message[1], message[2], message[3], message[4], "", "No Device", "", "");
            }
            boolean first = true;
            for (RecipientDevice d : row.devices()) {
                table.row(first ? message[0] : "", first ? message[1] : "", first ? message[2] : "",
                        first ? message[3] : "", first ? message[4] : "",
                        d.student().map(s -> s.name()).orElse(""),
                        d.channel().label() + ": " + d.address() + (d.duplicate() ? " (duplicate)" : ""),
                        d.outcome().display(), minute(d.time().orElse(null), zone));
                first = false;
            }
        }
        out.println(table.render());
    }

    /**
     * Prints household reach: a title line, then per school the unreached students with each person to
     * phone and their devices.
     *
     * @param out   where it goes
     * @param reach the household reach
     * @param from  the first day
     * @param to    the last day
     */
    public static void printHouseholdReach(PrintStream out, HouseholdReach reach, LocalDate from, LocalDate to) {
        out.println("Household reach: " + reach.unreachedCount() + " of " + reach.studentsConsidered()
                + " student(s) nobody reached in " + reach.messagesConsidered() + " message(s) created "
                + days(from, to));
        for (SchoolReach school : reach.schools()) {
            out.println();
            out.println(school.school());
            ConsoleTable table = ConsoleTable.of(40, "Student", "Contact", "Device", "Last Outcome");
            for (UnreachedStudent s : school.students()) {
                boolean firstOfStudent = true;
                for (ReachContact c : s.contacts()) {
                    String student = firstOfStudent ? s.student().name() : "";
                    firstOfStudent = false;
                    if (c.devices().isEmpty()) {
                        table.row(student, c.person().name(), "No Device", "");
                    }
                    boolean firstOfContact = true;
                    for (Device d : c.devices()) {
                        table.row(firstOfContact ? student : "", firstOfContact ? c.person().name() : "",
                                d.channel().label() + ": " + d.address(), d.outcome().display());
                        firstOfContact = false;
                        student = "";
                    }
                }
            }
            out.println(table.render());
        }
    }
}
