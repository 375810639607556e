package dev.sentlog.report.benchmark;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.report.ReportFixtures;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The shared inputs of the report benchmarks and the plain baselines' cell texts. */
final class BenchmarkMessages {

    /** The size the speed targets are stated for. */
    static final int DEVICES = 100_000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US);
    static final String[] COLUMNS = {"Recipient", "Student", "Delivery Device", "Status", "Time"};

    private BenchmarkMessages() {
    }

    /** A plain writer's five cells for one device: the same rows as the report, without marks. */
    static void cells(RecipientEntry e, Device d, String[] into) {
        into[0] = e.person().name();
        into[1] = e.student().map(Person::name).orElse("");
        into[2] = d.channel().label() + ": " + d.address();
        into[3] = d.outcome().display();
        into[4] = d.time().map(t -> TIME.format(t.atZone(ReportFixtures.ZONE))).orElse("");
    }
}
