package dev.sentlog.core.store.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store compatibility kit: one test per clause of the {@link MessageStore} contract, numbered
 * {@code ST-n} and naming the SPEC rule it serves where one applies. A store author extends it with
 * one factory method:
 *
 * <pre>{@code
 * class MyStoreCompatibilityTest extends MessageStoreCompatibilityKit {
 *     @Override
 *     protected MessageStore createStore() {
 *         return MyStore.over(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #createStore()} is called once per test and must answer an empty store. Every assertion
 * failure message starts with the clause it proves broken, e.g. {@code [ST-13 unchanged] ...}. Concurrency clauses pin
 * their interleavings with latches; they wait at most {@value #TIMEOUT_SECONDS} seconds.
 */
public abstract class MessageStoreCompatibilityKit {

    /** The kit's reference time: the messages are created around it. */
    public static final Instant BASE = Instant.parse("2026-01-05T13:00:00.123456789Z");

    private static final long TIMEOUT_SECONDS = 30;
    private static final int THREADS = 4;
    /** Devices of the wide message: more than a lazy store loads one by one. */
    private static final int WIDE_PERSONS = 25;

    private MessageStore store;
    private ExecutorService pool;

    /**
     * Creates the store under test, empty. Called once per test.
     *
     * @return the store
     */
    protected abstract MessageStore createStore();

    @BeforeEach
    final void openStore() {
        store = createStore();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    final void closePool() {
        pool.shutdownNow();
    }

    // ---- messages the kit records ----

    /** A message with every field set, times with nanoseconds, every kind of outcome. */
    static Message fullMessage(String id) {
        FilterTable table = new FilterTable(List.of("Grade", "Homeroom"), List.of(List.of("9", "H-101"),
                List.of("10", "")));
        return Message.builder().id(id).messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER).districtOrSchool("Harrison High")
                .subject("Snow day é ✓").sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .replyToEmail("reply@nomail.com").callerId("5550001111").createdAt(BASE)
                .scheduledAt(BASE.plusNanos(1)).scheduleId("sch-7").scheduleName("")
                .status(MessageStatus.WAITING).deliveryModes(EnumSet.allOf(Channel.class))
                .textMessagingEnabled(true).body("School is closed.").text("Closed today")
                .emailAttachment(new FileRef("notice.pdf", "files://notice.pdf"))
                .audioFile(new FileRef("notice.wav", "files://notice.wav"))
                .filterCriteria(List.of(FilterCriterion.of("Filter Operation", "Union"),
                        FilterCriterion.of("Students", table), FilterCriterion.of("Empty", new FilterTable(List.of(),
                                List.of()))))
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Pat"), Person.of("s-1", "Student, Sam"), List.of(
                                new Device(Channel.VOICE, "555-123-4567", DeviceOutcome.call(5), true,
                                        BASE.plusSeconds(3).plusNanos(7)),
                                Device.of(Channel.EMAIL, "pat@nomail.com", DeviceStatus.SENT),
                                Device.of(Channel.TEXT, "5551234567", DeviceStatus.OPTED_OUT))),
                        RecipientEntry.of(Person.of("p-2", "Guardian, Gale"), null, List.of()),
                        RecipientEntry.of(Person.of("p-1", "Parent, Pat"), Person.of("s-2", "Student, Sue"), List.of(
                                Device.of(Channel.INBOX, "pat-portal", DeviceStatus.PENDING),
                                new Device(Channel.VOICE, "5559876543", DeviceOutcome.call(-7), false, null)))))
                .build();
    }

    /** A plain message created at a minute offset from {@link #BASE}. */
    static Message plain(String id, int minute, String sender, String school, String scheduleName, Instant scheduledAt) {
        return Message.builder().id(id).messageType("Staff Messenger").messageTypeKind(MessageTypeKind.NON_MESSENGER)
                .districtOrSchool(school).subject("s " + id).sender(Sender.of(sender, "N, N", ""))
                .createdAt(BASE.plusSeconds(60L * minute)).scheduledAt(scheduledAt).scheduleName(scheduleName)
                .status(MessageStatus.WAITING).deliveryModes(Channel.EMAIL)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "P, P"), null,
                        List.of(Device.of(Channel.EMAIL, "a@b.c", DeviceStatus.PENDING)))))
                .build();
    }

    static Message plain(String id, int minute) {
        return plain(id, minute, "u-1", "Harrison High", "", null);
    }

    /** {@value #WIDE_PERSONS} persons, each with an email and a voice device, persons repeating. */
    static Message wide(String id) {
        List<RecipientEntry> entries = new ArrayList<>();
        for (int p = 0; p < WIDE_PERSONS; p++) {
            entries.add(RecipientEntry.of(Person.of("p-" + (p % 10), "P, " + p), null, List.of(
                    Device.of(Channel.EMAIL, "a" + p + "@b.c", DeviceStatus.PENDING),
                    Device.of(Channel.VOICE, "55500" + (10_000 + p), DeviceStatus.PENDING))));
        }
        return plain(id, 0).toBuilder().deliveryModes(Channel.EMAIL, Channel.VOICE).recipients(entries).build();
    }

    private MessageState waiting() {
        return MessageState.initial(MessageStatus.WAITING);
    }

    private MessageHeader insert(Message m) {
        return store.insert(m, waiting());
    }

    private <T> T await(Future<T> f) throws Exception {
        return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    // ---- clauses ----

    @Nested
    @DisplayName("Insert")
    class Insert {

        @Test
        @DisplayName("ST-1 insert then header answers the recorded header, version 0 (N1)")
        void insertThenHeader() {
            Message m = fullMessage("m-1");
            MessageState state = new MessageState(MessageStatus.WAITING, 41, null, null, null, List.of());
            MessageHeader inserted = store.insert(m, state);

            MessageHeader expected = MessageHeader.of(m, state.withVersion(0));
            assertThat(inserted).as("ST-1 insert answers the header").isEqualTo(expected);
            assertThat(store.header("m-1")).as("ST-1 header after insert").contains(expected);
        }

        @Test
        @DisplayName("ST-2 inserting a stored id again throws DuplicateMessageException and keeps the first")
        void duplicateInsert() {
            insert(plain("m-1", 0));

            assertThatThrownBy(() -> insert(plain("m-1", 5).toBuilder().subject("other").build()),
                    "ST-2 duplicate insert").isInstanceOf(DuplicateMessageException.class);
            assertThat(store.header("m-1").map(MessageHeader::subject)).as("ST-2 the first is kept")
                    .contains("s m-1");
        }

        @Test
        @DisplayName("ST-3 an unknown id: header, snapshot, withDevices and compareAndSet answer empty")
        void unknownId() {
            insert(plain("m-1", 0));

            assertThat(store.header("m-2")).as("ST-3 header").isEmpty();
            assertThat(store.snapshot("m-2")).as("ST-3 snapshot").isEmpty();
            assertThat(store.withDevices("m-2", t -> "ran")).as("ST-3 withDevices").isEmpty();
            assertThat(store.compareAndSet("m-2", 0, waiting())).as("ST-3 compareAndSet").isEmpty();
        }
    }

    @Nested
    @DisplayName("Snapshot")
    class Snapshot {

        @Test
        @DisplayName("ST-4 snapshot round-trips every message field and device outcome exactly (N1)")
        void roundTrip() {
            Message m = fullMessage("m-1");
            insert(m);

            assertThat(store.snapshot("m-1")).as("ST-4 snapshot equals the recorded message").contains(m);
        }

        @Test
        @DisplayName("ST-5 snapshot shows the current state and device outcomes")
        void currentState() {
            Message m = fullMessage("m-1");
            insert(m);
            Instant at = BASE.plusSeconds(90).plusNanos(11);
            Cancellation cancel = new Cancellation(Person.of("u-9", "Admin, Ann"), at);
            MessageState next = waiting().withStatus(MessageStatus.CANCELED_IP).withStartedAt(BASE.plusNanos(3))
                    .withEndedAt(at).withCancellation(cancel);
            assertThat(store.compareAndSet("m-1", 0, next)).as("ST-5 state replaced").isPresent();
            store.withDevices("m-1", t -> {
                t.set(t.row(2, 0), DeviceOutcome.of(DeviceStatus.SENT), false, at, 4, true);
                return null;
            });

            Message expected = m.toBuilder().status(MessageStatus.CANCELED_IP).startedAt(BASE.plusNanos(3))
                    .endedAt(at).cancellation(cancel).recipients(List.of(m.recipients().get(0), m.recipients().get(1),
                            RecipientEntry.of(Person.of("p-1", "Parent, Pat"), Person.of("s-2", "Student, Sue"),
                                    List.of(new Device(Channel.INBOX, "pat-portal", DeviceOutcome.of(DeviceStatus.SENT),
                                            false, at), m.recipients().get(2).devices().get(1)))))
                    .build();
            assertThat(store.snapshot("m-1")).as("ST-5 snapshot after changes").contains(expected);
        }
    }

    @Nested
    @DisplayName("Devices")
    class Devices {

        @Test
        @DisplayName("ST-6 the device table numbers rows in recipient-list order and answers their recorded values")
        void rowsInOrder() {
            Message m = wide("m-1");
            insert(m);

            List<String> problems = store.withDevices("m-1", t -> {
                List<String> out = new ArrayList<>();
                if (t.size() != m.deviceCount()) {
                    out.add("size " + t.size());
                }
                int row = 0;
                for (int e = 0; e < m.recipients().size(); e++) {
                    RecipientEntry entry = m.recipients().get(e);
                    for (int d = 0; d < entry.devices().size(); d++, row++) {
                        Device device = entry.devices().get(d);
                        if (t.row(e, d) != row || t.entryIndex(row) != e || t.deviceIndex(row) != d
                                || t.channel(row) != device.channel() || !t.address(row).equals(device.address())
                                || !t.personId(row).equals(entry.person().id()) || !t.outcome(row).equals(device.outcome())
                                || t.confirmed(row) || t.reachedAt(row) != null || t.sequence(row) != -1
                                || t.submitted(row) || t.isFinal(row)) {
                            out.add("row " + row);
                        }
                    }
                }
                if (t.row(m.recipients().size(), 0) != -1 || t.row(0, 2) != -1 || t.row(-1, 0) != -1) {
                    out.add("a device that does not exist has a row");
                }
                if (t.openCount() != 0 || t.submittedCount() != 0 || t.lastActivity() != null) {
                    out.add("counters of a new message");
                }
                return out;
            }).orElseThrow();
            assertThat(problems).as("ST-6 rows of the wide message").isEmpty();
        }

        @Test
        @DisplayName("ST-7 following nextRowOfPerson from any row visits every row of that person and comes back (R3)")
        void personChain() {
            Message m = wide("m-1");
            insert(m);

            List<String> problems = store.withDevices("m-1", t -> {
                List<String> out = new ArrayList<>();
                for (int row = 0; row < t.size(); row++) {
                    String person = t.personId(row);
                    long expected = java.util.stream.IntStream.range(0, t.size())
                            .filter(r -> t.personId(r).equals(person)).count();
                    int steps = 0;
                    int r = row;
                    do {
                        r = t.nextRowOfPerson(r);
                        steps++;
                        if (!t.personId(r).equals(person)) {
                            out.add("row " + row + " leads to another person");
                            break;
                        }
                    } while (r != row && steps <= t.size());
                    if (steps != expected) {
                        out.add("row " + row + ": cycle of " + steps + ", person has " + expected);
                    }
                }
                return out;
            }).orElseThrow();
            assertThat(problems).as("ST-7 person chains").isEmpty();
        }

        @Test
        @DisplayName("ST-8 changes made in a callback are visible to the next, with open and submitted counts and "
                + "last activity (M3, M4, N1)")
        void changesVisibleAfterReturn() {
            insert(wide("m-1"));
            Instant at = BASE.plusSeconds(30).plusNanos(5);

            store.withDevices("m-1", t -> {
                for (int row = 0; row < 6; row++) {
                    t.markSubmitted(row);
                }
                t.markSubmitted(0);
                t.set(1, DeviceOutcome.of(DeviceStatus.SENT), false, at, 3, true);
                t.set(3, DeviceOutcome.call(5), true, at, 7, true);
                t.set(40, DeviceOutcome.of(DeviceStatus.FAILED), false, null, -4, true);
                t.touch(at);
                t.touch(BASE);
                return null;
            });

            String seen = store.withDevices("m-1", t -> t.submittedCount() + "/" + t.openCount() + "/" + t.lastActivity()
                    + "/" + t.outcome(1).display() + t.sequence(1) + t.isFinal(1) + t.reachedAt(1)
                    + "/" + t.outcome(3).display() + t.confirmed(3) + "/" + t.submitted(5) + t.isFinal(5)
                    + "/" + t.submitted(40) + t.isFinal(40) + t.sequence(40)).orElseThrow();
            assertThat(seen).as("ST-8 the next callback sees the changes").isEqualTo("6/4/" + at
                    + "/Sent3true" + at + "/5 Live Persontrue/truefalse/falsetrue-4");
        }

        @Test
        @DisplayName("ST-9 a callback that throws changes nothing, devices nor counters (N1)")
        void exceptionChangesNothing() {
            insert(wide("m-1"));
            String before = store.snapshot("m-1").orElseThrow().toString();

            assertThatThrownBy(() -> store.withDevices("m-1", t -> {
                for (int row = 0; row < t.size(); row++) {
                    t.markSubmitted(row);
                    t.set(row, DeviceOutcome.of(DeviceStatus.SENT), false, BASE, 1, true);
                }
                t.touch(BASE);
                throw new IllegalStateException("callback fails");
            }), "ST-9 the exception reaches the caller").hasMessage("callback fails");

            assertThat(store.snapshot("m-1").orElseThrow().toString()).as("ST-9 devices unchanged")
                    .isEqualTo(before);
            assertThat(store.withDevices("m-1", t -> t.submittedCount() + "/" + t.openCount() + "/" + t.lastActivity()
                    + "/" + t.submitted(0))).as("ST-9 counters unchanged").contains("0/0/null/false");
        }

        @Test
        @DisplayName("ST-10 callbacks of one message never run at the same time; another message's do")
        void callbacksOfOneMessageDoNotInterleave() throws Exception {
            insert(plain("m-1", 0));
            insert(plain("m-2", 1));
            CountDownLatch firstInside = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            CountDownLatch otherMessageRan = new CountDownLatch(1);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();

            Future<?> first = pool.submit(() -> store.withDevices("m-1", t -> {
                inside.incrementAndGet();
                firstInside.countDown();
                try {
                    await(releaseFirst, "the release of the first callback");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                t.markSubmitted(0);
                inside.decrementAndGet();
                return null;
            }));
            await(firstInside, "the first callback");
            Future<?> second = pool.submit(() -> store.withDevices("m-1", t -> {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                boolean sawFirst = t.submitted(0);
                inside.decrementAndGet();
                return sawFirst;
            }));
            Future<?> other = pool.submit(() -> store.withDevices("m-2", t -> {
                otherMessageRan.countDown();
                return null;
            }));
            await(other);
            await(otherMessageRan, "a callback of another message");
            releaseFirst.countDown();
            await(first);

            assertThat(await(second)).as("ST-10 the second callback ran after the first and saw its change")
                    .isEqualTo(Optional.of(true));
            assertThat(overlaps.get()).as("ST-10 overlapping callbacks").isZero();
        }

        @Test
        @DisplayName("ST-11 withDevices answers the callback's result, empty for a null result")
        void result() {
            insert(plain("m-1", 0));

            assertThat(store.withDevices("m-1", DeviceTable::size)).as("ST-11 result").contains(1);
            assertThat(store.withDevices("m-1", t -> null)).as("ST-11 null result").isEmpty();
        }
    }

    @Nested
    @DisplayName("Compare and set")
    class CompareAndSet {

        @Test
        @DisplayName("ST-12 compareAndSet with the current version stores every state field with version + 1")
        void replaces() {
            insert(plain("m-1", 0));
            ProviderJob job = new ProviderJob("relay", "job-1", EnumSet.of(Channel.EMAIL, Channel.VOICE), false);
            MessageState next = new MessageState(MessageStatus.IN_PROGRESS, 99, BASE.plusNanos(9), null,
                    new Cancellation(Person.of("u-2", "T, T"), BASE.plusSeconds(1)), List.of(job,
                            new ProviderJob("relay", "job-2", Set.of(Channel.TEXT), true)));

            Optional<MessageHeader> replaced = store.compareAndSet("m-1", 0, next);
            MessageHeader expected = MessageHeader.of(plain("m-1", 0), next.withVersion(1));
            assertThat(replaced).as("ST-12 the answer").contains(expected);
            assertThat(store.header("m-1")).as("ST-12 stored").contains(expected);

            MessageState confirmed = next.withCancelConfirmed(job).withStatus(MessageStatus.CANCELED_IP)
                    .withEndedAt(BASE.plusSeconds(2));
            assertThat(store.compareAndSet("m-1", 1, confirmed).map(h -> h.state().jobs()))
                    .as("ST-12 a job's cancel confirmed").contains(confirmed.jobs());
            assertThat(store.header("m-1").map(MessageHeader::state)).as("ST-12 second change stored")
                    .contains(confirmed.withVersion(2));
        }

        @Test
        @DisplayName("ST-13 compareAndSet with a stale version answers empty and changes nothing")
        void staleVersion() {
            insert(plain("m-1", 0));
            store.compareAndSet("m-1", 0, waiting().withStartedAt(BASE));

            Optional<MessageHeader> stale = store.compareAndSet("m-1", 0, waiting().withStatus(MessageStatus.FAILED));
            assertThat(stale).as("ST-13 stale answer").isEmpty();
            assertThat(store.header("m-1").map(MessageHeader::state)).as("ST-13 unchanged")
                    .contains(waiting().withStartedAt(BASE).withVersion(1));
        }

        @Test
        @DisplayName("ST-14 of concurrent compareAndSets on one version exactly one wins")
        void oneWinner() throws Exception {
            insert(plain("m-1", 0));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Instant at = BASE.plusSeconds(i);
                tries.add(pool.submit(() -> {
                    await(start, "the start");
                    return store.compareAndSet("m-1", 0, waiting().withStartedAt(at)).isPresent();
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : tries) {
                wins += await(f) ? 1 : 0;
            }
            assertThat(wins).as("ST-14 winners").isEqualTo(1);
            assertThat(store.header("m-1").orElseThrow().state().version()).as("ST-14 version").isEqualTo(1);
        }

        @Test
        @DisplayName("ST-15 the four-argument compareAndSet changes state and devices; with a stale version neither")
        void withDevices() {
            insert(plain("m-1", 0));
            MessageState next = waiting().withStatus(MessageStatus.CANCELED);

            assertThat(store.compareAndSet("m-1", 1, next, t -> t.markSubmitted(0)))
                    .as("ST-15 stale version").isEmpty();
            assertThat(store.withDevices("m-1", t -> t.submitted(0))).as("ST-15 stale: devices untouched")
                    .contains(false);

            assertThat(store.compareAndSet("m-1", 0, next, t -> t.set(0, DeviceOutcome.of(DeviceStatus.CANCELED),
                    false, null, -3, true))).as("ST-15 current version").isPresent();
            assertThat(store.header("m-1").map(h -> h.state().status())).as("ST-15 state replaced")
                    .contains(MessageStatus.CANCELED);
            assertThat(store.withDevices("m-1", t -> t.outcome(0).display() + t.isFinal(0)))
                    .as("ST-15 devices changed").contains("Canceledtrue");
        }

        @Test
        @DisplayName("ST-16 the four-argument compareAndSet is one step: when its device change throws, the state "
                + "is not replaced either (N1)")
        void atomic() {
            insert(plain("m-1", 0));

            assertThatThrownBy(() -> store.compareAndSet("m-1", 0, waiting().withStatus(MessageStatus.CANCELED), t -> {
                t.markSubmitted(0);
                throw new IllegalStateException("device change fails");
            }), "ST-16 the exception reaches the caller").hasMessage("device change fails");
            assertThat(store.header("m-1").map(MessageHeader::state)).as("ST-16 state unchanged")
                    .contains(waiting());
            assertThat(store.withDevices("m-1", t -> t.submitted(0))).as("ST-16 devices unchanged")
                    .contains(false);
        }
    }

    @Nested
    @DisplayName("Search")
    class Search {

        private StoreQuery all(int limit) {
            return new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), Instant.MAX, limit);
        }

        private List<String> ids(StorePage page) {
            return page.newestFirst().stream().map(MessageHeader::id).toList();
        }

        @Test
        @DisplayName("ST-17 search answers newest created first; equal times, later recorded first (S1)")
        void newestFirst() {
            insert(plain("m-a", 5));
            insert(plain("m-b", 1));
            insert(plain("m-c", 9));
            insert(plain("m-d", 5));

            assertThat(ids(store.search(all(10)))).as("ST-17 order").containsExactly("m-c", "m-d", "m-a", "m-b");
        }

        @Test
        @DisplayName("ST-18 search answers at most the limit with the total number of matches (S2)")
        void limitAndTotal() {
            for (int i = 0; i < 7; i++) {
                insert(plain("m-" + i, i));
            }
            StorePage page = store.search(all(3));
            assertThat(ids(page)).as("ST-18 the newest three").containsExactly("m-6", "m-5", "m-4");
            assertThat(page.totalMatched()).as("ST-18 total").isEqualTo(7);
        }

        @Test
        @DisplayName("ST-19 the created-time range includes its start and excludes its end (S3)")
        void range() {
            for (int i = 0; i < 5; i++) {
                insert(plain("m-" + i, i));
            }
            StorePage page = store.search(new StoreQuery(BASE.plusSeconds(60), BASE.plusSeconds(180), null, Set.of(),
                    Instant.MAX, 10));
            assertThat(ids(page)).as("ST-19 range").containsExactly("m-2", "m-1");
            assertThat(page.totalMatched()).as("ST-19 total").isEqualTo(2);
        }

        @Test
        @DisplayName("ST-20 sender and school filters, alone and together (T1, T3)")
        void filters() {
            insert(plain("m-1", 1, "u-1", "Lincoln", "", null));
            insert(plain("m-2", 2, "u-2", "Lincoln", "", null));
            insert(plain("m-3", 3, "u-1", "Harrison", "", null));
            insert(plain("m-4", 4, "u-1", "District", "", null));

            StorePage bySender = store.search(new StoreQuery(Instant.MIN, Instant.MAX, "u-1", Set.of(), Instant.MAX, 10));
            StorePage bySchools = store.search(new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of("Lincoln",
                    "Harrison"), Instant.MAX, 10));
            StorePage both = store.search(new StoreQuery(Instant.MIN, Instant.MAX, "u-1", Set.of("Lincoln", "District"),
                    Instant.MAX, 1));
            assertThat(ids(bySender)).as("ST-20 sender").containsExactly("m-4", "m-3", "m-1");
            assertThat(ids(bySchools)).as("ST-20 schools").containsExactly("m-3", "m-2", "m-1");
            assertThat(ids(both)).as("ST-20 both").containsExactly("m-4");
            assertThat(both.totalMatched()).as("ST-20 total of both").isEqualTo(2);
        }

        @Test
        @DisplayName("ST-21 a scheduler-created message is hidden until its scheduled time, from the page and the "
                + "total (V2)")
        void schedulerHidden() {
            insert(plain("m-1", 1, "u-1", "Lincoln", "Daily", BASE.plusSeconds(3600)));
            insert(plain("m-2", 2, "u-1", "Lincoln", "", BASE.plusSeconds(3600)));

            StorePage before = store.search(new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(),
                    BASE.plusSeconds(3599), 10));
            StorePage at = store.search(new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), BASE.plusSeconds(3600),
                    10));
            assertThat(ids(before)).as("ST-21 hidden before").containsExactly("m-2");
            assertThat(before.totalMatched()).as("ST-21 total before").isEqualTo(1);
            assertThat(ids(at)).as("ST-21 visible from its time").containsExactly("m-2", "m-1");
        }

        @Test
        @DisplayName("ST-22 any query answers exactly the matching headers, newest first, and their number "
                + "(S1, S2, T1, T3, V2; 40 seeded queries)")
        void anyQuery() {
            Random random = new Random(20_260_105L);
            List<String> senders = List.of("u-1", "u-2", "u-3");
            List<String> schools = List.of("Lincoln", "Harrison", "District");
            List<MessageHeader> stored = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean scheduler = random.nextInt(4) == 0;
                stored.add(insert(plain("m-" + i, random.nextInt(30), senders.get(random.nextInt(3)),
                        schools.get(random.nextInt(3)), scheduler ? "Daily" : "",
                        BASE.plusSeconds(60L * random.nextInt(30)))));
            }
            List<String> problems = new ArrayList<>();
            for (int q = 0; q < 40; q++) {
                int from = random.nextInt(30);
                int to = from + random.nextInt(31 - from);
                StoreQuery query = new StoreQuery(BASE.plusSeconds(60L * from), BASE.plusSeconds(60L * to),
                        random.nextBoolean() ? null : senders.get(random.nextInt(3)),
                        random.nextBoolean() ? Set.of() : Set.copyOf(List.of(schools.get(random.nextInt(3)),
                                schools.get(random.nextInt(3)))), BASE.plusSeconds(60L * random.nextInt(30)),
                        1 + random.nextInt(12));
                List<String> matching = new ArrayList<>();
                for (int i = stored.size() - 1; i >= 0; i--) {
                    if (query.matches(stored.get(i))) {
                        matching.add(stored.get(i).id());
                    }
                }
                Map<String, Instant> created = new java.util.HashMap<>();
                stored.forEach(h -> created.put(h.id(), h.createdAt()));
                // a stable sort keeps the later recorded first among equal created times
                List<String> expected = matching.stream()
                        .sorted(Comparator.comparing((String id) -> created.get(id)).reversed())
                        .limit(query.limit()).toList();
                StorePage page = store.search(query);
                if (!ids(page).equals(expected) || page.totalMatched() != matching.size()) {
                    problems.add(query + " answered " + ids(page) + " of " + page.totalMatched() + ", expected "
                            + expected + " of " + matching.size());
                }
            }
            assertThat(problems).as("ST-22 queries answered wrongly").isEmpty();
        }
    }

    @Nested
    @DisplayName("Jobs and active messages")
    class JobsAndActive {

        @Test
        @DisplayName("ST-23 messageOfJob finds the message holding a provider's job, by provider and job id (R2)")
        void messageOfJob() {
            insert(plain("m-1", 0));
            insert(plain("m-2", 1));
            store.compareAndSet("m-1", 0, waiting().withJobsAdded(List.of(
                    new ProviderJob("relay", "j-1", Set.of(Channel.EMAIL), false))));
            store.compareAndSet("m-2", 0, waiting().withJobsAdded(List.of(
                    new ProviderJob("dialer", "j-1", Set.of(Channel.VOICE), false),
                    new ProviderJob("relay", "j-2", Set.of(Channel.EMAIL), false))));

            assertThat(store.messageOfJob("relay", "j-1")).as("ST-23 relay j-1").contains("m-1");
            assertThat(store.messageOfJob("dialer", "j-1")).as("ST-23 dialer j-1").contains("m-2");
            assertThat(store.messageOfJob("relay", "j-2")).as("ST-23 relay j-2").contains("m-2");
            assertThat(store.messageOfJob("relay", "j-3")).as("ST-23 unknown job").isEmpty();
        }

        @Test
        @DisplayName("ST-24 active lists the messages whose status is not final, oldest created first, at most the "
                + "limit")
        void active() {
            insert(plain("m-c", 3));
            insert(plain("m-a", 1));
            insert(plain("m-b", 2));
            insert(plain("m-d", 4));
            store.compareAndSet("m-b", 0, waiting().withStatus(MessageStatus.IN_PROGRESS));
            store.compareAndSet("m-a", 0, waiting().withStatus(MessageStatus.SENT));
            store.insert(plain("m-e", 0), MessageState.initial(MessageStatus.FAILED));

            assertThat(store.active(10).stream().map(MessageHeader::id)).as("ST-24 active")
                    .containsExactly("m-b", "m-c", "m-d");
            assertThat(store.active(2).stream().map(MessageHeader::id)).as("ST-24 limit")
                    .containsExactly("m-b", "m-c");
            assertThat(store.active(10).get(0).state().status()).as("ST-24 current state")
                    .isEqualTo(MessageStatus.IN_PROGRESS);
        }
    }

    @Nested
    @DisplayName("Concurrent use")
    class Concurrency {

        @Test
        @DisplayName("ST-25 concurrent callbacks on one message lose no change (N3 groundwork)")
        void noLostUpdate() throws Exception {
            insert(wide("m-1"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                int first = th;
                work.add(pool.submit(() -> {
                    await(start, "the start");
                    for (int row = first; row < 48; row += THREADS) {
                        int r = row;
                        store.withDevices("m-1", t -> {
                            int before = t.submittedCount();
                            t.markSubmitted(r);
                            return before;
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                await(f);
            }
            assertThat(store.withDevices("m-1", t -> t.submittedCount() + "/" + t.openCount()))
                    .as("ST-25 counts after concurrent callbacks").contains("48/48");
        }

        @Test
        @DisplayName("ST-26 concurrent inserts, changes and searches from several threads all take effect")
        void threadSafety() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                int thread = th;
                work.add(pool.submit(() -> {
                    await(start, "the start");
                    for (int i = 0; i < 10; i++) {
                        String id = "m-" + thread + "-" + i;
                        insert(plain(id, i));
                        store.compareAndSet(id, 0, waiting().withJobsAdded(List.of(
                                new ProviderJob("relay", id, Set.of(Channel.EMAIL), false))));
                        store.search(new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), Instant.MAX, 5));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                await(f);
            }
            assertThat(store.search(new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), Instant.MAX, 100))
                    .totalMatched()).as("ST-26 every insert stored").isEqualTo(4L * 10);
            for (int th = 0; th < THREADS; th++) {
                assertThat(store.messageOfJob("relay", "m-" + th + "-9")).as("ST-26 jobs indexed")
                        .contains("m-" + th + "-9");
            }
        }
    }

    // ---- issue #16: the maintained summary (ST-40..ST-49) ----

    /**
     * Duplicates in other spellings (D1, D2), a number shared by two persons on Voice and Text, an
     * inbox, a person without a device and a blank address: every D3 case a device change can touch.
     * Devices: 0.0 Voice, 0.1 Email, 0.2 Text (the Voice number), 1.0 Voice (the same), 1.1 Email (the
     * same), 1.2 Inbox, 1.3 Text, 2.0 a blank Email, 3.0 Text (the first number again).
     *
     * @param id the message id
     * @return a Waiting message created at {@link #BASE}, every delivery mode, text messaging on
     */
    public static Message shared(String id) {
        Person pat = Person.of("p-1", "Parent, Pat");
        Person gale = Person.of("p-2", "Guardian, Gale");
        Person kim = Person.of("p-3", "Kid, Kim");
        return plain(id, 0).toBuilder().deliveryModes(EnumSet.allOf(Channel.class)).textMessagingEnabled(true)
                .recipients(List.of(
                        RecipientEntry.of(pat, null, List.of(
                                Device.of(Channel.VOICE, "(555) 123-4567", DeviceStatus.PENDING),
                                Device.of(Channel.EMAIL, "Pat@Nomail.com", DeviceStatus.PENDING),
                                Device.of(Channel.TEXT, "555.123.4567", DeviceStatus.PENDING))),
                        RecipientEntry.of(gale, null, List.of(
                                Device.of(Channel.VOICE, "1-555-123-4567", DeviceStatus.PENDING),
                                Device.of(Channel.EMAIL, "  pat@nomail.com ", DeviceStatus.PENDING),
                                Device.of(Channel.INBOX, "gale-portal", DeviceStatus.PENDING),
                                Device.of(Channel.TEXT, "5559990000", DeviceStatus.PENDING))),
                        RecipientEntry.of(kim, null, List.of(Device.of(Channel.EMAIL, "  ", DeviceStatus.PENDING))),
                        RecipientEntry.of(pat, null, List.of(
                                Device.of(Channel.TEXT, "+1 555 123 4567", DeviceStatus.PENDING)))))
                .build();
    }

    /** The figures the analysis of the message's current devices gives, under the store's classification. */
    private SummaryFigures analysed(String id) {
        return SummaryFigures.of(DeliveryAnalysis.of(store.snapshot(id).orElseThrow(), store.summaryClassifier()));
    }

    private SummaryFigures maintained(String id) {
        return store.summary(id).orElseThrow().figures();
    }

    @Nested
    @DisplayName("Maintained summary")
    class MaintainedSummary {

        @Test
        @DisplayName("ST-40 after insert, summary equals the analysis of the recorded devices, outcomes, "
                + "confirmations and times included (E3)")
        void summaryAfterInsert() {
            insert(fullMessage("m-1"));
            insert(shared("m-2"));

            assertThat(maintained("m-1")).as("ST-40 full message summary").isEqualTo(analysed("m-1"));
            assertThat(maintained("m-2")).as("ST-40 shared addresses summary").isEqualTo(analysed("m-2"));
        }

        @Test
        @DisplayName("ST-41 after each callback, summary equals the analysis of the devices: duplicates in other "
                + "spellings, shared numbers, confirmations, opt-outs, times out of order (D3, D6, E3)")
        void summaryFollowsDeviceChanges() {
            insert(shared("m-1"));
            Instant at = BASE.plusSeconds(60);
            List<java.util.function.Consumer<DeviceTable>> steps = List.of(
                    t -> t.set(0, DeviceOutcome.of(DeviceStatus.IN_PROGRESS), false, at, 1, false),
                    t -> t.set(3, DeviceOutcome.call(17), false, at.plusSeconds(5), 1, false),
                    t -> t.set(2, DeviceOutcome.call(-33), false, at.plusSeconds(9), 1, true),
                    t -> t.set(8, DeviceOutcome.call(-28), false, at.minusSeconds(30), 1, true),
                    t -> t.set(0, DeviceOutcome.call(0), true, at.plusSeconds(20), 2, true),
                    t -> {
                        t.set(1, DeviceOutcome.of(DeviceStatus.SENT), false, at.plusSeconds(3), 1, true);
                        t.set(4, DeviceOutcome.of(DeviceStatus.FAILED), false, at.plusSeconds(40), 1, true);
                        t.set(5, DeviceOutcome.of(DeviceStatus.SENT), false, at.plusSeconds(1), 1, true);
                    },
                    t -> t.set(3, DeviceOutcome.of(DeviceStatus.CANCELED), false, null, -2, true),
                    t -> t.set(6, DeviceOutcome.of(DeviceStatus.OPTED_OUT), false, at.plusSeconds(7), 1, true),
                    t -> t.set(8, DeviceOutcome.call(-28), false, at.plusSeconds(90), 2, true));
            int n = 0;
            for (java.util.function.Consumer<DeviceTable> step : steps) {
                n++;
                store.withDevices("m-1", t -> {
                    step.accept(t);
                    return null;
                });
                assertThat(maintained("m-1")).as("ST-41 after step %d summary", n).isEqualTo(analysed("m-1"));
            }
        }

        @Test
        @DisplayName("ST-42 a callback that throws leaves the summary as it was (N1, E3)")
        void failedCallbackLeavesSummary() {
            insert(shared("m-1"));
            store.withDevices("m-1", t -> {
                t.set(0, DeviceOutcome.call(5), false, BASE.plusSeconds(5), 1, true);
                return null;
            });
            SummaryFigures before = maintained("m-1");

            assertThatThrownBy(() -> store.withDevices("m-1", t -> {
                for (int row = 0; row < t.size(); row++) {
                    t.set(row, DeviceOutcome.of(DeviceStatus.CANCELED), false, BASE.plusSeconds(row), 2, true);
                }
                throw new IllegalStateException("callback fails");
            })).hasMessage("callback fails");

            assertThat(maintained("m-1")).as("ST-42 unchanged summary").isEqualTo(before)
                    .isEqualTo(analysed("m-1"));
        }

        @Test
        @DisplayName("ST-43 the four-argument compareAndSet's device changes reach the summary; with a stale "
                + "version they do not (C3, E3)")
        void compareAndSetWithDevicesReachesSummary() {
            MessageHeader h = insert(shared("m-1"));
            SummaryFigures before = maintained("m-1");
            java.util.function.Consumer<DeviceTable> cancelAll = t -> {
                for (int row = 0; row < t.size(); row++) {
                    t.set(row, DeviceOutcome.of(DeviceStatus.SENT), false, BASE.plusSeconds(row), 1, true);
                }
            };

            store.compareAndSet("m-1", h.state().version() + 5, h.state(), cancelAll);
            assertThat(maintained("m-1")).as("ST-43 stale version summary").isEqualTo(before);

            store.compareAndSet("m-1", h.state().version(), h.state().withStatus(MessageStatus.IN_PROGRESS),
                    cancelAll);
            assertThat(maintained("m-1")).as("ST-43 applied summary").isEqualTo(analysed("m-1"))
                    .isNotEqualTo(before);
        }

        @Test
        @DisplayName("ST-44 summary answers the status, version, recorded times and cancel request of the same "
                + "moment, and empty for an unknown id (C4, D6)")
        void summaryCarriesState() {
            MessageHeader h = insert(shared("m-1"));
            Cancellation cancel = new Cancellation(Person.of("u-9", "Admin, Ann"), BASE.plusSeconds(7));
            MessageState next = h.state().withStatus(MessageStatus.IN_PROGRESS).withStartedAt(BASE.plusSeconds(1))
                    .withCancellation(cancel);
            store.compareAndSet("m-1", 0, next);

            StoredSummary s = store.summary("m-1").orElseThrow();
            assertThat(s.status()).as("[ST-44 status]").isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(s.version()).as("[ST-44 version]").isEqualTo(1);
            assertThat(s.summary().startedAt()).as("[ST-44 start]").contains(BASE.plusSeconds(1));
            assertThat(s.summary().cancellation()).as("[ST-44 cancel request]").contains(cancel);
            assertThat(s.summary().textMessagingEnabled()).as("[ST-44 text messaging]").isTrue();
            assertThat(store.summary("m-unknown")).as("[ST-44 unknown id]").isEmpty();
        }
    }
}
