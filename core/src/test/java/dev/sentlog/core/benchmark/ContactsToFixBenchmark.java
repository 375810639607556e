package dev.sentlog.core.benchmark;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The contacts to fix over 10,000,000 stored devices (SPEC H3), from the contact ledger the store
 * keeps as outcomes are applied, against the plain way: read every stored device of every message
 * again, group the outcomes by address and find the failing streaks. Target: ≤ 1 s for the ledger.
 *
 * <p>100 messages of 100,000 Voice devices (25,000 entries of four), over 4,000,000 numbers (each in
 * two or three messages); one number in fifty is wrong (3 Not In Service) every time, the others
 * answer (5 Live Person) or are busy (1). The set-up applies each outcome in a device callback that
 * notes it for the ledger, as the log does.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark='\.ContactsToFixBenchmark' -Djmh.args="-f 1 -wi 1 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class ContactsToFixBenchmark {

    /** The benchmarks' messages, the same on both stores ({@link PostgresContactsToFixBenchmark}). */
    static final BulkData.ContactShape SHAPE = new BulkData.ContactShape(100, 100_000, 4_000_000);
    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();

    private MessageStore store;
    private SentMessageLog log;
    private Caller admin;

    @Setup(Level.Trial)
    public void fill() {
        store = MessageStore.inMemory();
        SHAPE.record(store);
        log = SentMessageLog.builder().store(store).build();
        admin = admin();
        int listed = log.contacts(admin).toFix().size();
        if (listed == 0 || listed != plainToFix()) {
            throw new IllegalStateException("the ledger lists " + listed + " contacts to fix, the plain way "
                    + plainToFix());
        }
    }

    /** A caller who may list the contacts of the whole district. */
    static Caller admin() {
        return Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class), Set.of())
                .inAdministrationLog();
    }

    @Benchmark
    public ContactLists contactsToFix() {
        return log.contacts(admin);
    }

    @Benchmark
    public int baselineScanEveryDevice() {
        return plainToFix();
    }

    private record Attempt(String messageId, Instant at, boolean wrong) {
    }

    /** The plain way: every stored device read again, grouped by address, the newest two checked. */
    private int plainToFix() {
        Map<String, List<Attempt>> byAddress = new HashMap<>();
        for (int m = 0; m < SHAPE.messages(); m++) {
            String id = "m-" + m;
            store.withDevices(id, t -> {
                for (int row = 0; row < t.size(); row++) {
                    OutcomeClass c = STANDARD.classify(t.channel(row), t.outcome(row), t.confirmed(row));
                    if (!c.attempted() || !c.isFinal()) {
                        continue;
                    }
                    boolean wrong = ContactKind.of(t.channel(row), t.outcome(row), false, STANDARD)
                            == ContactKind.PERMANENT_FAILURE;
                    byAddress.computeIfAbsent(t.channel(row) + ":" + Addresses.normalise(t.channel(row),
                            t.address(row)), k -> new ArrayList<>()).add(new Attempt(id, t.reachedAt(row), wrong));
                }
                return Boolean.TRUE;
            });
        }
        int listed = 0;
        for (List<Attempt> attempts : byAddress.values()) {
            attempts.sort((a, b) -> b.at().compareTo(a.at()) != 0 ? b.at().compareTo(a.at())
                    : b.messageId().compareTo(a.messageId()));
            if (attempts.size() >= 2 && attempts.get(0).wrong() && attempts.get(1).wrong()
                    && !attempts.get(0).messageId().equals(attempts.get(1).messageId())) {
                listed++;
            }
        }
        return listed;
    }
}
