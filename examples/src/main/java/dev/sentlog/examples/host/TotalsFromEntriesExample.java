package dev.sentlog.examples.host;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.EnumSet;
import java.util.List;

/**
 * For a host that only wants the arithmetic: the Delivery Summary totals (SPEC D4) of a plain list
 * of recipient entries, without a log, a store or a provider.
 */
public final class TotalsFromEntriesExample {

    private TotalsFromEntriesExample() {
    }

    /**
     * A guardian with two students (so two entries with the same devices), a second guardian on the
     * same home phone, and a student without a device; Email and Voice were used.
     *
     * @return the analysis: totals, duplicate marks, contacted-by-phone per entry
     */
    public static DeliveryAnalysis analyse() {
        Person heather = Person.of("p-1", "Parent, Heather");
        Person tad = Person.of("p-2", "Parent, Tad");
        Person calvin = Person.of("s-1", "Student, Calvin");
        Person susie = Person.of("s-2", "Student, Susie");
        List<Device> heathers = List.of(
                Device.of(Channel.EMAIL, "heather@nomail.com", DeviceStatus.SENT),
                new Device(Channel.VOICE, "(555) 123-4567", DeviceOutcome.call(5), false, null));
        List<RecipientEntry> entries = List.of(
                RecipientEntry.of(heather, calvin, heathers),
                RecipientEntry.of(heather, susie, heathers),   // same devices again: duplicates (D2)
                RecipientEntry.of(tad, calvin, List.of(
                        Device.of(Channel.EMAIL, "TAD@nomail.com ", DeviceStatus.FAILED),
                        new Device(Channel.VOICE, "555.123.4567", DeviceOutcome.call(0), false, null))),
                RecipientEntry.of(susie, susie, List.of()));    // no device

        return DeliveryAnalysis.of(entries, EnumSet.of(Channel.EMAIL, Channel.VOICE), OutcomeClassifier.standard());
    }

    /**
     * The totals of {@link #analyse()}.
     *
     * @return the totals
     */
    public static DeliveryTotals totals() {
        return analyse().totals();
    }
}
