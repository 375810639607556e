package dev.sentlog.core.benchmark;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report-applying benchmarks' message (one Voice and one Text device for each of 1,000 persons, or as many as asked)
 * and their endless supply of reports, each newer than the last on its device. Not thread-safe: one
 * per benchmark thread.
 */
final class ReportBatches {

    static final Instant AT = Instant.parse("2022-05-01T13:30:00Z");
    static final int PERSONS = 1_000;
    private static final DeviceOutcome[] VOICE = {DeviceOutcome.call(17), DeviceOutcome.call(-39)};

    /** The times the reports carry. */
    enum Times {
        /** Every report at {@link #AT}. */
        SAME,
        /** Every report a second after the one before: each carries a time no other device has. */
        EVERY_REPORT,
        /**
         * A webhook storm: reports arrive at {@value #STORM_RATE} a second and carry their provider's
         * clock in whole seconds, so {@value #STORM_RATE} reports in a row share a time.
         */
        STORM
    }

    /** Reports a second in the {@link Times#STORM} model: the apply target of issue #12. */
    static final int STORM_RATE = 50_000;

    private final String[] deviceIds;
    private final Times times;
    private long sequence;
    private int cursor;

    /**
     * @param times the times the reports carry
     */
    ReportBatches(Times times) {
        this(times, PERSONS);
    }

    /**
     * @param times   the times the reports carry
     * @param persons the persons of the message the reports are for ({@link #message(int)})
     */
    ReportBatches(Times times, int persons) {
        String[] ids = new String[persons * 2];
        for (int p = 0; p < persons; p++) {
            ids[2 * p] = p + ".0";
            ids[2 * p + 1] = p + ".1";
        }
        this.deviceIds = ids;
        this.times = times;
    }

    /** The message "m-1" the reports are for, Waiting, all its devices pending. */
    static Message message() {
        return message(PERSONS);
    }

    /** The message "m-1" of {@code persons} persons with a Voice and a Text device each, all pending. */
    static Message message(int persons) {
        List<RecipientEntry> entries = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            String phone = String.format("555%07d", p);
            entries.add(RecipientEntry.of(Person.of("p-" + p, "Parent, " + p), null, List.of(
                    Device.of(Channel.VOICE, phone, DeviceStatus.PENDING),
                    Device.of(Channel.TEXT, phone, DeviceStatus.PENDING))));
        }
        return Message.builder().id("m-1").messageType("Staff Messenger").districtOrSchool("Harrison High")
                .subject("s").sender(Sender.of("u-1", "A, B", "")).createdAt(AT)
                .deliveryModes(Channel.VOICE, Channel.TEXT).recipients(entries).build();
    }

    /** The next {@code size} reports, round the devices: Voice not yet final, Text in progress. */
    List<DeviceReport> next(int size) {
        List<DeviceReport> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int d = cursor;
            cursor = (cursor + 1) % deviceIds.length;
            long seq = ++sequence;
            DeviceOutcome o = (d & 1) == 0 ? VOICE[(int) (seq & 1)] : DeviceOutcome.of(DeviceStatus.IN_PROGRESS);
            batch.add(new DeviceReport(deviceIds[d], o, false, "e", seq, at(seq), null));
        }
        return batch;
    }

    private Instant at(long seq) {
        return switch (times) {
            case SAME -> AT;
            case EVERY_REPORT -> AT.plusSeconds(seq);
            case STORM -> AT.plusSeconds(seq / STORM_RATE);
        };
    }
}
