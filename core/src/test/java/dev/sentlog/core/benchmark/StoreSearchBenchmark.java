package dev.sentlog.core.benchmark;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.spi.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
 * A search over 1,000,000 stored messages that returns the 4,000 newest matches (SPEC S2), through
 * the in-memory store's time index, against the plain way: test every message against the query,
 * sort the matches newest first and keep 4,000. Target: median ≤ 20 ms for the store.
 *
 * <p>Messages are created over one year, one in twenty scheduler-created (a few still hidden, V2),
 * ten schools, fifty senders. {@code districtWide} asks for the whole year, {@code oneSchool} for
 * one school's messages of the last six months (T3), {@code ownLog} for one sender's (T1).
 *
 * <p>Run: {@code mvn -B -q -Pbenchmark -pl core -am test-compile
 * -Dcore.benchmark=StoreSearchBenchmark -Djmh.args="-f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreSearchBenchmark {

    private static final int MESSAGES = 1_000_000;
    private static final int CAP = 4_000;
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    private MessageStore store;
    private List<MessageHeader> plain;
    private StoreQuery districtWide;
    private StoreQuery oneSchool;
    private StoreQuery ownLog;

    @Setup(Level.Trial)
    public void fill() {
        store = MessageStore.inMemory();
        plain = new ArrayList<>(MESSAGES);
        List<Sender> senders = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            senders.add(Sender.of("u-" + s, "Sender, " + s, ""));
        }
        Random rnd = new Random(42);
        long step = YEAR.toMillis() / MESSAGES;
        MessageState waiting = MessageState.initial(MessageStatus.WAITING);
        for (int i = 0; i < MESSAGES; i++) {
            Instant created = START.plusMillis(i * step + rnd.nextInt((int) step));
            boolean scheduler = i % 20 == 0;
            Message m = Message.builder().id("m-" + i).messageType("Staff Messenger")
                    .districtOrSchool("School " + (i % 10)).subject("Subject " + (i % 100))
                    .sender(senders.get(rnd.nextInt(senders.size()))).createdAt(created)
                    .scheduledAt(scheduler ? created.plus(Duration.ofDays(3)) : created)
                    .scheduleName(scheduler ? "Daily" : "").deliveryModes(Channel.EMAIL).recipients(List.of())
                    .build();
            plain.add(store.insert(m, waiting));
        }
        Instant now = START.plus(YEAR).minus(Duration.ofDays(1));
        Instant end = START.plus(YEAR).plus(Duration.ofDays(1));
        districtWide = new StoreQuery(START, end, null, Set.of(), now, CAP);
        oneSchool = new StoreQuery(START.plus(Duration.ofDays(182)), end, null, Set.of("School 3"), now, CAP);
        ownLog = new StoreQuery(START, end, "u-7", Set.of(), now, CAP);
    }

    @Benchmark
    public StorePage districtWide() {
        return store.search(districtWide);
    }

    @Benchmark
    public StorePage oneSchool() {
        return store.search(oneSchool);
    }

    @Benchmark
    public StorePage ownLog() {
        return store.search(ownLog);
    }

    @Benchmark
    public StorePage baselineDistrictWide() {
        return scan(districtWide);
    }

    @Benchmark
    public StorePage baselineOneSchool() {
        return scan(oneSchool);
    }

    private StorePage scan(StoreQuery q) {
        List<MessageHeader> matches = new ArrayList<>();
        for (MessageHeader h : plain) {
            if (q.matches(h)) {
                matches.add(h);
            }
        }
        matches.sort(Comparator.comparing(MessageHeader::createdAt).reversed());
        return new StorePage(matches.subList(0, Math.min(q.limit(), matches.size())), matches.size());
    }
}
