package dev.sentlog.core.benchmark;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * The resend preview of a 500,000-device message (SPEC Y1, Y4) through the log (rights, snapshot,
 * the plan, one "do not contact" query per channel), against the plain way: the same snapshot, then
 * for each device a scan of the message for a success of its address and one ledger query per
 * device. Target: ≤ 2 s for the log.
 *
 * <p>125,000 entries (a guardian per two students, so addresses repeat) with an inbox, an email, a
 * voice and a text device each, every outcome class; 5,000 numbers marked "do not contact" in the
 * ledger.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=ResendPreviewBenchmark -Djmh.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class ResendPreviewBenchmark {

    private static final int ENTRIES = 125_000;
    private static final Instant START = Instant.parse("2026-01-05T13:00:00Z");
    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();

    private MessageStore store;
    private SentMessageLog log;
    private Caller admin;

    @Setup(Level.Trial)
    public void fill() {
        store = MessageStore.inMemory();
        List<DeviceOutcome> phone = List.of(DeviceOutcome.call(5), DeviceOutcome.call(0), DeviceOutcome.call(1),
                DeviceOutcome.call(3), DeviceOutcome.call(-28), DeviceOutcome.call(-33),
                DeviceOutcome.of(DeviceStatus.CANCELED), DeviceOutcome.call(-30));
        List<DeviceOutcome> other = List.of(DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED),
                DeviceOutcome.of(DeviceStatus.CANCELED));
        List<RecipientEntry> entries = new ArrayList<>(ENTRIES);
        for (int e = 0; e < ENTRIES; e++) {
            int family = e / 2;
            String number = String.valueOf(3_000_000_000L + family);
            List<Device> devices = List.of(
                    new Device(Channel.INBOX, "portal-" + family, other.get(e % 3), false, START),
                    new Device(Channel.EMAIL, "g" + family + "@nomail.com", other.get((e / 3) % 3), false, START),
                    new Device(Channel.VOICE, number, phone.get(e % 5 == 4 ? 6 : e % 4), false, START),
                    new Device(Channel.TEXT, number, phone.get(4 + (e / 5) % 4), false, START));
            entries.add(RecipientEntry.of(Person.of("p-" + family, "P, P"), Person.of("s-" + e, "S, S"), devices));
        }
        Sender sender = Sender.of("u-1", "Administrator, System", "");
        Message m = Message.builder().id("big").messageType("Staff Messenger").districtOrSchool("School 1")
                .subject("s").sender(sender).createdAt(START).scheduledAt(START)
                .deliveryModes(EnumSet.allOf(Channel.class)).status(MessageStatus.SENT).recipients(entries).build();
        store.insert(m, MessageState.initial(MessageStatus.SENT));
        List<RecipientEntry> marked = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            marked.add(RecipientEntry.of(Person.of("q-" + n, "Q, Q"), null, List.of(new Device(Channel.VOICE,
                    String.valueOf(3_000_000_000L + n * 7), DeviceOutcome.call(-3), false, START))));
        }
        store.insert(m.toBuilder().id("dnc").recipients(marked).build(), MessageState.initial(MessageStatus.SENT));
        store.withDevices("dnc", t -> {
            for (int row = 0; row < t.size(); row++) {
                t.noteContact(row, ContactKind.DO_NOT_CONTACT);
            }
            return Boolean.TRUE;
        });
        log = SentMessageLog.builder().store(store).build();
        admin = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
        int preview = log.previewResend(admin, "big", ResendAudience.FAILED_DEVICES).deviceCount();
        if (preview == 0 || preview != plainFailedDevices()) {
            throw new IllegalStateException("the log previews " + preview + " devices, the plain way "
                    + plainFailedDevices());
        }
    }

    @Benchmark
    public ResendPreview previewNotReached() {
        return log.previewResend(admin, "big", ResendAudience.NOT_REACHED);
    }

    @Benchmark
    public ResendPreview previewFailedDevices() {
        return log.previewResend(admin, "big", ResendAudience.FAILED_DEVICES);
    }

    @Benchmark
    public int baselinePlainFailedDevices() {
        return plainFailedDevices();
    }

    /** The plain way: per device, a set of successful keys built by a pass of its own, one ledger query each. */
    private int plainFailedDevices() {
        Message m = store.snapshot("big").orElseThrow();
        Set<String> succeeded = new HashSet<>();
        Set<String> optedOut = new HashSet<>();
        for (RecipientEntry e : m.recipients()) {
            for (Device d : e.devices()) {
                String key = d.channel() + ":" + Addresses.normalise(d.channel(), d.address());
                OutcomeClass c = STANDARD.classify(d.channel(), d.outcome(), d.confirmed());
                if (c == OutcomeClass.SUCCESS) {
                    succeeded.add(key);
                }
                if (ContactKind.of(d.channel(), d.outcome(), d.confirmed(), STANDARD) == ContactKind.DO_NOT_CONTACT) {
                    optedOut.add(key);
                }
            }
        }
        Set<String> taken = new HashSet<>();
        int count = 0;
        for (RecipientEntry e : m.recipients()) {
            for (Device d : e.devices()) {
                String address = Addresses.normalise(d.channel(), d.address());
                String key = d.channel() + ":" + address;
                if (STANDARD.classify(d.channel(), d.outcome(), d.confirmed()) == OutcomeClass.FAILURE
                        && !succeeded.contains(key) && !optedOut.contains(key)
                        && store.doNotContactAmong(d.channel(), List.of(address)).isEmpty() && taken.add(key)) {
                    count++;
                }
            }
        }
        return count;
    }
}
