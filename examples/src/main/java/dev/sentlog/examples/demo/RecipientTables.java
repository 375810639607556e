package dev.sentlog.examples.demo;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachContact;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogRow;
import dev.sentlog.core.resend.ResendPreview;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Recipient Log (SPEC H1), household reach (H4), the contacts to fix (H3) and a resend preview (Y4)
 * as console tables, for the {@code recipients}, {@code reach}, {@code contacts} and {@code resend} commands.
 */
public final class RecipientTables {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US);

    /** Wide enough for any address (an email address has at most 254 characters): those tables never cut one. */
    private static final int WHOLE = 320;

    private RecipientTables() {
    }

    private static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
    }

    /** The device's feedback (SPEC H5), e.g. {@code Opened 12/01/2026 8:31 AM ×2}; blank without. */
    private static String engagement(RecipientDevice d, ZoneId zone) {
        return d.engagement().map(g -> g.describe(t -> minute(t, zone))).orElse("");
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
                "Student", "Device", "Outcome", "Time", "Engagement");
        for (RecipientLogRow row : log.rows()) {
            Object[] message = {minute(row.createdAt(), zone), row.messageType(), row.subject(), row.status().label(),
                row.reached() ? "yes" : "no"};
            if (row.devices().isEmpty()) {
                table.row(message[0], message[1], message[2], message[3], message[4], "", "No Device", "", "", "");
            }
            boolean first = true;
            for (RecipientDevice d : row.devices()) {
                table.row(first ? message[0] : "", first ? message[1] : "", first ? message[2] : "",
                        first ? message[3] : "", first ? message[4] : "",
                        d.student().map(s -> s.name()).orElse(""),
                        d.channel().label() + ": " + d.address() + (d.duplicate() ? " (duplicate)" : ""),
                        d.outcome().display(), minute(d.time().orElse(null), zone), engagement(d, zone));
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

    /**
     * Prints the contacts to fix (SPEC H3): a title line and one table row per evidence line (the
     * address, since when it fails, its persons and schools on the first), then, apart, the "do not
     * contact" addresses the same way. The addresses are printed whole: the staff fixing them need them.
     *
     * @param out   where it goes
     * @param lists the lists
     * @param zone  the district's zone
     */
    public static void printContacts(PrintStream out, ContactLists lists, ZoneId zone) {
        out.println("Contacts to fix: " + lists.toFix().size() + " address(es) whose last " + lists.k()
                + " attempt(s) or more failed permanently");
        ConsoleTable fix = ConsoleTable.of(WHOLE, "Device", "Failing Since", "Persons", "Schools", "Message", "Outcome",
                "Time");
        for (ContactToFix c : lists.toFix()) {
            evidenceRows(fix, c.channel().label() + ": " + c.address(), minute(c.since(), zone), c.persons(),
                    c.schools(), c.evidence(), zone);
        }
        out.println(fix.render());
        out.println();
        out.println("Do not contact: " + lists.doNotContact().size() + " address(es) whose owner opted out or is on"
                + " Do Not Call");
        ConsoleTable dnc = ConsoleTable.of(WHOLE, "Device", "Persons", "Schools", "Message", "Outcome", "Time");
        for (DoNotContact c : lists.doNotContact()) {
            boolean first = true;
            for (Evidence e : c.evidence()) {
                dnc.row(first ? c.channel().label() + ": " + c.address() : "", first ? String.join(", ", c.persons())
                        : "", first ? String.join(", ", c.schools()) : "", e.messageId(), e.describe(),
                        minute(e.at(), zone));
                first = false;
            }
        }
        out.println(dnc.render());
    }

    private static void evidenceRows(ConsoleTable table, String device, String since, List<String> persons,
                                     List<String> schools, List<Evidence> evidence, ZoneId zone) {
        boolean first = true;
        for (Evidence e : evidence) {
            table.row(first ? device : "", first ? since : "", first ? String.join(", ", persons) : "",
                    first ? String.join(", ", schools) : "", e.messageId(), e.describe(),
                    minute(e.at(), zone));
            first = false;
        }
    }

    /**
     * Prints a resend preview (SPEC Y4): a title line, then one row per device the resend would go to,
     * with its person and student.
     *
     * @param out     where it goes
     * @param preview the preview
     */
    public static void printResendPreview(PrintStream out, ResendPreview preview) {
        out.println("Resend preview of message " + preview.originalId() + " to " + audience(preview) + ": "
                + preview.recipients().size() + " recipient entr(ies), " + preview.deviceCount() + " device(s)");
        ConsoleTable table = ConsoleTable.of(WHOLE, "Person", "Student", "Device");
        for (RecipientEntry e : preview.recipients()) {
            boolean first = true;
            for (Device d : e.devices()) {
                table.row(first ? e.person().name() + " (" + e.person().id() + ")" : "",
                        first ? e.student().map(s -> s.name()).orElse("") : "", d.channel().label() + ": " + d.address());
                first = false;
            }
        }
        out.println(table.render());
    }

    private static String audience(ResendPreview preview) {
        return switch (preview.audience()) {
            case NOT_REACHED -> "the persons not reached";
            case FAILED_DEVICES -> "the devices that failed";
        };
    }
}
