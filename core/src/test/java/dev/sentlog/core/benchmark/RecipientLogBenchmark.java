package dev.sentlog.core.benchmark;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogReader;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * The Recipient Log of a person among 1,000,000 stored messages on the in-memory store (SPEC H1),
 * through its person index, against the plain way: read every stored message's recipient list.
 * Target: median ≤ 20 ms for {@code busyPerson}, a person with devices on 1,000 messages.
 *
 * <p>Each message goes to one guardian of a pool of 200,000 (five messages each, one email); every
 * thousandth message also to the busy person. Messages are created over one year; the log asks for the
 * whole year, so the busy person's 1,000 messages all come back (under the cap of 4,000).
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark='\.RecipientLogBenchmark'
 * -Djmh.args="-f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RecipientLogBenchmark {

    /** The benchmarks' messages, the same on both stores ({@link PostgresRecipientLogBenchmark}). */
    static final BulkData.RecipientLogShape SHAPE = new BulkData.RecipientLogShape(1_000_000, 200_000, 1_000);
    static final String BUSY = BulkData.RecipientLogShape.BUSY;
    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2022, 12, 31);
    /** When the log is read: after every message of the year. */
    static final Instant NOW = BulkData.RecipientLogShape.START.plus(Duration.ofDays(400));

    private List<Message> plain;
    private RecipientLogReader reader;
    private RecipientQuery busy;
    private RecipientQuery typical;

    @Setup(Level.Trial)
    public void fill() {
        MessageStore store = MessageStore.inMemory();
        plain = new ArrayList<>(SHAPE.messages());
        MessageState sent = MessageState.initial(MessageStatus.SENT);
        for (int i = 0; i < SHAPE.messages(); i++) {
            Message m = SHAPE.message(i);
            store.insert(m, sent);
            plain.add(m);
        }
        reader = new RecipientLogReader(store, OutcomeClassifier.standard(), ZoneOffset.UTC, 4_000);
        busy = RecipientQuery.person(BUSY, FIRST_DAY, LAST_DAY);
        typical = RecipientQuery.person("p-4242", FIRST_DAY, LAST_DAY);
    }

    @Benchmark
    public RecipientLog busyPerson() {
        return reader.read(busy, Set.of(), NOW);
    }

    @Benchmark
    public RecipientLog typicalPerson() {
        return reader.read(typical, Set.of(), NOW);
    }

    /** The plain way: every stored message's recipient list, read for the person. */
    @Benchmark
    public List<String> baselineScan() {
        List<String> ids = new ArrayList<>();
        for (int i = plain.size() - 1; i >= 0; i--) {
            Message m = plain.get(i);
            for (RecipientEntry e : m.recipients()) {
                if (e.person().id().equals(BUSY)) {
                    ids.add(m.id());
                    break;
                }
            }
        }
        return ids;
    }
}
