package dev.sentlog.core.store.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.contacts.AddressHistory;
import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.FeedbackRecord;
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
import dev.sentlog.core.message.Redaction;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.core.store.RecipientHit;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.StoredSummary;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.OutcomeClass;
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
import java.util.function.Function;
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

    // ---- issue #13: contacts to fix (H3) and resend links (Y2) ----

    /** A message of {@code school} whose device rows are the given addresses, one person each. */
    static Message ledgerMessage(String id, String school, Device... devices) {
        List<RecipientEntry> entries = new ArrayList<>();
        for (int i = 0; i < devices.length; i++) {
            entries.add(RecipientEntry.of(Person.of("p-" + i, "P, " + i), null, List.of(devices[i])));
        }
        return plain(id, 0, "u-1", school, "", null).toBuilder().deliveryModes(EnumSet.allOf(Channel.class))
                .recipients(entries).build();
    }

    /** Sets a row's final outcome at a time and notes its kind for the ledger, in one callback. */
    private void fact(String messageId, int row, DeviceOutcome outcome, int minute, ContactKind kind) {
        store.withDevices(messageId, t -> {
            t.set(row, outcome, false, BASE.plusSeconds(60L * minute), minute, true);
            t.noteContact(row, kind);
            return Boolean.TRUE;
        });
    }

    private static List<String> keys(List<AddressHistory> histories) {
        return histories.stream().map(h -> h.channel() + ":" + h.address()).toList();
    }

    private static final DeviceOutcome NOT_IN_SERVICE = DeviceOutcome.call(3);
    private static final Device PHONE = Device.of(Channel.VOICE, "(555) 000-0001", DeviceStatus.PENDING);
    private static final Device EMAIL = Device.of(Channel.EMAIL, " Ann@NoMail.com", DeviceStatus.PENDING);

    @Nested
    @DisplayName("Contact ledger (SPEC H3)")
    class ContactLedger {

        @Test
        @DisplayName("ST-60 facts noted in a device callback are kept per normalised address, one per message row, "
                + "newest first, each with its outcome, time, person and the message's school; a row's later fact "
                + "replaces its earlier one")
        void factsAreKept() {
            insert(ledgerMessage("m-1", "Harrison High", PHONE, EMAIL));
            insert(ledgerMessage("m-2", "Lincoln Elementary", PHONE));
            fact("m-1", 0, DeviceOutcome.call(1), 1, ContactKind.OTHER_FAILURE);
            fact("m-1", 0, NOT_IN_SERVICE, 2, ContactKind.PERMANENT_FAILURE);
            fact("m-2", 0, DeviceOutcome.call(-2), 3, ContactKind.PERMANENT_FAILURE);

            List<AddressHistory> failing = store.failingAddresses(1);
            assertThat(keys(failing)).as("ST-60 failing addresses").containsExactly("VOICE:5550000001");
            assertThat(failing.get(0).facts()).as("ST-60 facts newest first").containsExactly(
                    new ContactFact(Channel.VOICE, "5550000001", "m-2", 0, ContactKind.PERMANENT_FAILURE,
                            DeviceOutcome.call(-2), BASE.plusSeconds(180), "p-0", "Lincoln Elementary"),
                    new ContactFact(Channel.VOICE, "5550000001", "m-1", 0, ContactKind.PERMANENT_FAILURE,
                            NOT_IN_SERVICE, BASE.plusSeconds(120), "p-0", "Harrison High"));
            assertThat(failing.get(0).standing().streak()).as("ST-60 streak").isEqualTo(2);
        }

        @Test
        @DisplayName("ST-61 failingAddresses answers exactly the addresses whose newest attempts in a row failed "
                + "permanently at least the given number of times, sorted by channel and address; a newer success "
                + "ends the streak")
        void streaks() {
            insert(ledgerMessage("m-1", "Harrison High", PHONE, EMAIL));
            insert(ledgerMessage("m-2", "Harrison High", PHONE, EMAIL));
            insert(ledgerMessage("m-3", "Harrison High", PHONE));
            fact("m-1", 0, NOT_IN_SERVICE, 1, ContactKind.PERMANENT_FAILURE);
            fact("m-2", 0, NOT_IN_SERVICE, 2, ContactKind.PERMANENT_FAILURE);
            fact("m-1", 1, DeviceOutcome.of(DeviceStatus.FAILED), 1, ContactKind.PERMANENT_FAILURE);
            assertThat(keys(store.failingAddresses(1))).as("ST-61 at least 1")
                    .containsExactly("EMAIL:ann@nomail.com", "VOICE:5550000001");
            assertThat(keys(store.failingAddresses(2))).as("ST-61 at least 2").containsExactly("VOICE:5550000001");

            fact("m-3", 0, DeviceOutcome.call(5), 3, ContactKind.SUCCESS);
            fact("m-2", 1, DeviceOutcome.of(DeviceStatus.SENT), 2, ContactKind.SUCCESS);
            assertThat(store.failingAddresses(1)).as("ST-61 a newer success ends the streak").isEmpty();
        }

        @Test
        @DisplayName("ST-62 a do-not-contact fact marks its address for good: doNotContactAddresses lists it and "
                + "doNotContactAmong answers it among others; a NOT_ATTEMPTED note removes the row's fact")
        void doNotContact() {
            insert(ledgerMessage("m-1", "Harrison High", PHONE, EMAIL));
            insert(ledgerMessage("m-2", "Harrison High", PHONE));
            fact("m-1", 0, DeviceOutcome.call(-3), 1, ContactKind.DO_NOT_CONTACT);
            fact("m-2", 0, DeviceOutcome.call(5), 2, ContactKind.SUCCESS);
            fact("m-1", 1, DeviceOutcome.of(DeviceStatus.FAILED), 1, ContactKind.PERMANENT_FAILURE);
            assertThat(keys(store.doNotContactAddresses())).as("ST-62 listed").containsExactly("VOICE:5550000001");
            assertThat(store.doNotContactAmong(Channel.VOICE, List.of("5550000001", "5559999999")))
                    .as("ST-62 among").containsExactly("5550000001");
            assertThat(store.doNotContactAmong(Channel.TEXT, List.of("5550000001"))).as("ST-62 per channel")
                    .isEmpty();

            store.withDevices("m-1", t -> {
                t.noteContact(1, ContactKind.NOT_ATTEMPTED);
                return Boolean.TRUE;
            });
            assertThat(store.failingAddresses(1)).as("ST-62 NOT_ATTEMPTED removes the fact").isEmpty();
        }

        @Test
        @DisplayName("ST-63 a callback that throws records no fact (N1)")
        void rollback() {
            insert(ledgerMessage("m-1", "Harrison High", PHONE));
            assertThatThrownBy(() -> store.withDevices("m-1", t -> {
                t.set(0, NOT_IN_SERVICE, false, BASE, 1, true);
                t.noteContact(0, ContactKind.PERMANENT_FAILURE);
                throw new IllegalStateException("callback fails");
            })).hasMessage("callback fails");
            assertThat(store.failingAddresses(1)).as("ST-63 nothing recorded").isEmpty();
            fact("m-1", 0, NOT_IN_SERVICE, 1, ContactKind.PERMANENT_FAILURE);
            assertThat(keys(store.failingAddresses(1))).as("ST-63 a callback that returns records")
                    .containsExactly("VOICE:5550000001");
        }

        @Test
        @DisplayName("ST-64 concurrent callbacks of different messages on one address lose no fact (N3)")
        void concurrentFacts() throws Exception {
            int messages = THREADS * 3;
            for (int m = 0; m < messages; m++) {
                insert(ledgerMessage("m-" + m, "Harrison High", PHONE));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                int first = th;
                work.add(pool.submit(() -> {
                    await(start, "the start");
                    for (int m = first; m < messages; m += THREADS) {
                        fact("m-" + m, 0, NOT_IN_SERVICE, m, ContactKind.PERMANENT_FAILURE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                await(f);
            }
            List<AddressHistory> failing = store.failingAddresses(1);
            assertThat(failing).as("ST-64 one address").hasSize(1);
            assertThat(failing.get(0).facts()).as("ST-64 every fact").hasSize(messages);
            assertThat(failing.get(0).standing().streak()).as("ST-64 the streak").isEqualTo(messages);
            assertThat(store.failingAddresses(messages)).as("ST-64 the stored streak").hasSize(1);
        }
    }

    @Nested
    @DisplayName("Resend links (SPEC Y2)")
    class ResendLinks {

        @Test
        @DisplayName("ST-65 claimResend links at most the allowed number of resends to an original; resendsOf "
                + "answers them in claim order, originalOf each one's original")
        void claims() {
            insert(plain("m-1", 0));
            assertThat(store.claimResend("m-1", "r-1", 2)).as("ST-65 first claim").isTrue();
            assertThat(store.claimResend("m-1", "r-2", 2)).as("ST-65 second claim").isTrue();
            assertThat(store.claimResend("m-1", "r-3", 2)).as("ST-65 over the limit").isFalse();
            assertThat(store.resendsOf("m-1")).as("ST-65 resendsOf").containsExactly("r-1", "r-2");
            assertThat(store.originalOf("r-2")).as("ST-65 originalOf").contains("m-1");
            assertThat(store.originalOf("r-3")).as("ST-65 not linked").isEmpty();
            assertThat(store.resendsOf("m-2")).as("ST-65 none").isEmpty();
        }

        @Test
        @DisplayName("ST-66 releaseResend removes a link and gives its allowance back")
        void release() {
            insert(plain("m-1", 0));
            assertThat(store.claimResend("m-1", "r-1", 1)).isTrue();
            store.releaseResend("m-1", "r-1");
            assertThat(store.resendsOf("m-1")).as("ST-66 removed").isEmpty();
            assertThat(store.originalOf("r-1")).as("ST-66 no original").isEmpty();
            assertThat(store.claimResend("m-1", "r-2", 1)).as("ST-66 allowance back").isTrue();
        }

        @Test
        @DisplayName("ST-67 of concurrent claims on one original exactly the allowed number succeed")
        void concurrentClaims() throws Exception {
            insert(plain("m-1", 0));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> work = new ArrayList<>();
            for (int th = 0; th < THREADS * 2; th++) {
                String id = "r-" + th;
                work.add(pool.submit(() -> {
                    await(start, "the start");
                    return store.claimResend("m-1", id, 3);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : work) {
                won += await(f) ? 1 : 0;
            }
            assertThat(won).as("ST-67 claims won").isEqualTo(3);
            assertThat(store.resendsOf("m-1")).as("ST-67 links").hasSize(3);
        }
    }

    // ---- retention (SPEC X1-X3; issue #14): ST-70..ST-79 ----

    private static final Person COUNSEL = Person.of("u-9", "Counsel, Dana");

    private MessageHeader insertFinal(Message m) {
        return store.insert(m, MessageState.initial(MessageStatus.SENT));
    }

    private static StoreQuery everything() {
        return new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), Instant.MAX, 100);
    }

    private List<String> searchIds() {
        return store.search(everything()).newestFirst().stream().map(MessageHeader::id).toList();
    }

    /** Erases batch by batch until the store answers 0; answers the batches' row counts. */
    private List<Integer> eraseAll(String id, int batch) {
        List<Integer> counts = new ArrayList<>();
        for (int n = store.eraseBatch(id, batch); n > 0; n = store.eraseBatch(id, batch)) {
            counts.add(n);
            if (counts.size() > 10_000) {
                throw new AssertionError("eraseBatch of " + id + " never answered 0");
            }
        }
        return counts;
    }

    /**
     * Redaction figures that do not depend on the snapshot: the kit checks they are stored as given
     * (their text-messaging flag and cancellation are {@link #fullMessage}'s, as a store may keep those
     * with the message).
     */
    private static Redaction figuresAt(Instant at) {
        DeliverySummary summary = new DeliverySummary(new DeliveryTotals(2, 1, 0, 1, 1, 2, 1, 1, 1, 1, 1), 3, 2,
                true, BASE.plusSeconds(3), BASE.plusSeconds(90), null);
        return new Redaction(at, summary, Map.of(Channel.VOICE, Map.of(OutcomeClass.SUCCESS, 1,
                OutcomeClass.FAILURE, 1), Channel.EMAIL, Map.of(OutcomeClass.SUCCESS, 1)));
    }

    @Nested
    @DisplayName("Retention")
    class RetentionClauses {

        @Test
        @DisplayName("ST-70 a message marked for purge is at once absent from header, snapshot, devices, state, jobs, "
                + "holds and search, page and count (X1)")
        void markHidesAtOnce() {
            insertFinal(fullMessage("m-1"));
            insertFinal(plain("m-2", 1));
            store.compareAndSet("m-1", 0, MessageState.initial(MessageStatus.SENT).withJobsAdded(List.of(
                    new ProviderJob("relay", "j-1", Set.of(Channel.EMAIL), false))));

            assertThat(store.markForPurge("m-1")).as("ST-70 marked").isTrue();

            assertThat(store.header("m-1")).as("ST-70 header").isEmpty();
            assertThat(store.snapshot("m-1")).as("ST-70 snapshot").isEmpty();
            assertThat(store.withDevices("m-1", DeviceTable::size)).as("ST-70 withDevices").isEmpty();
            assertThat(store.compareAndSet("m-1", 1, MessageState.initial(MessageStatus.SENT))).as("ST-70 compareAndSet")
                    .isEmpty();
            assertThat(store.messageOfJob("relay", "j-1")).as("ST-70 messageOfJob").isEmpty();
            assertThat(store.holds("m-1")).as("ST-70 holds").isEmpty();
            assertThat(store.placeHold("m-1", LegalHold.placed(COUNSEL, BASE, "late"))).as("ST-70 placeHold").isEmpty();
            StorePage page = store.search(everything());
            assertThat(page.newestFirst().stream().map(MessageHeader::id)).as("ST-70 search page").containsExactly("m-2");
            assertThat(page.totalMatched()).as("ST-70 search count").isEqualTo(1);
            assertThat(store.markForPurge("m-1")).as("ST-70 marking again").isTrue();
        }

        @Test
        @DisplayName("ST-71 erasing a marked message batch by batch ends with 0 and removes everything stored for "
                + "it: the id is free again, with no holds or jobs left (X1)")
        void eraseRemovesEverything() {
            Message m = wide("m-1");
            insertFinal(m);
            store.placeHold("m-1", LegalHold.placed(COUNSEL, BASE, "audit"));
            store.liftHold("m-1", COUNSEL, BASE.plusSeconds(1), "audit closed");
            store.compareAndSet("m-1", 0, MessageState.initial(MessageStatus.SENT).withJobsAdded(List.of(
                    new ProviderJob("relay", "j-1", Set.of(Channel.EMAIL), false))));
            assertThat(store.markForPurge("m-1")).as("ST-71 marked").isTrue();

            List<Integer> batches = eraseAll("m-1", 7);

            assertThat(batches.stream().mapToInt(Integer::intValue).sum()).as("ST-71 rows removed")
                    .isGreaterThanOrEqualTo(1);
            assertThat(store.eraseBatch("m-1", 7)).as("ST-71 nothing left").isZero();
            assertThat(store.purgeCandidates(Instant.MAX, 10)).as("ST-71 no longer a candidate").isEmpty();
            insert(plain("m-1", 3));
            assertThat(store.holds("m-1")).as("ST-71 no hold of the purged message").isEmpty();
            assertThat(store.messageOfJob("relay", "j-1")).as("ST-71 no job of the purged message").isEmpty();
            assertThat(store.snapshot("m-1")).as("ST-71 the new message only").contains(plain("m-1", 3));
        }

        @Test
        @DisplayName("ST-72 markForPurge refuses a message whose status is not final and one under legal hold; "
                + "both stay whole (X1, X3)")
        void markRefusesActiveAndHeld() {
            insert(plain("m-1", 0));
            store.insert(plain("m-2", 1), MessageState.initial(MessageStatus.ERROR));
            insertFinal(plain("m-3", 2));
            store.placeHold("m-3", LegalHold.placed(COUNSEL, BASE, "complaint"));

            assertThat(store.markForPurge("m-1")).as("ST-72 Waiting refused").isFalse();
            assertThat(store.markForPurge("m-2")).as("ST-72 Error refused").isFalse();
            assertThat(store.markForPurge("m-3")).as("ST-72 held refused").isFalse();
            assertThat(store.markForPurge("m-4")).as("ST-72 unknown refused").isFalse();
            assertThat(searchIds()).as("ST-72 all still found").containsExactly("m-3", "m-2", "m-1");
            assertThat(store.snapshot("m-3")).as("ST-72 held message whole").isPresent();

            store.liftHold("m-3", COUNSEL, BASE.plusSeconds(5), "settled");
            assertThat(store.markForPurge("m-3")).as("ST-72 marked once the hold is lifted").isTrue();
        }

        @Test
        @DisplayName("ST-73 candidates: final, not held, created before the cut-off, oldest first; a purge lists "
                + "marked messages first, a redaction skips redacted ones (X1, X2, X3)")
        void candidates() {
            insertFinal(plain("m-d", 4));
            insertFinal(plain("m-a", 1));
            insertFinal(plain("m-b", 2));
            insert(plain("m-c", 3));
            insertFinal(plain("m-e", 5));
            insertFinal(plain("m-f", 9));
            store.placeHold("m-e", LegalHold.placed(COUNSEL, BASE, "records request"));
            Instant cut = BASE.plusSeconds(60L * 9);

            assertThat(store.purgeCandidates(cut, 10)).as("ST-73 purge candidates").containsExactly("m-a", "m-b", "m-d");
            assertThat(store.purgeCandidates(cut, 2)).as("ST-73 limit").containsExactly("m-a", "m-b");
            assertThat(store.redactionCandidates(cut, 10)).as("ST-73 redaction candidates")
                    .containsExactly("m-a", "m-b", "m-d");

            store.redact("m-a", m -> figuresAt(BASE));
            eraseAll("m-a", 100);
            store.markForPurge("m-d");
            assertThat(store.redactionCandidates(cut, 10)).as("ST-73 redaction skips redacted and marked")
                    .containsExactly("m-b");
            assertThat(store.purgeCandidates(cut, 10)).as("ST-73 marked first").containsExactly("m-d", "m-a", "m-b");
        }

        @Test
        @DisplayName("ST-74 redact stores the figures computed from the whole snapshot, erases names, addresses, "
                + "texts, files and filter criteria, keeps header and state, and stays searchable (X2)")
        void redactKeepsHeaderAndFigures() {
            Message m = fullMessage("m-1").toBuilder().status(MessageStatus.SENT).build();
            MessageHeader header = insertFinal(m);
            List<Message> seen = new ArrayList<>();
            Redaction figures = figuresAt(BASE.plusSeconds(3600));

            Optional<Redaction> stored = store.redact("m-1", snapshot -> {
                seen.add(snapshot);
                return figures;
            });

            assertThat(stored).as("ST-74 answer").contains(figures);
            assertThat(seen).as("ST-74 the figures saw the whole message").containsExactly(m);
            Message expected = m.toBuilder().body("").text("").emailAttachment(null).audioFile(null)
                    .filterCriteria(List.of()).recipients(List.of()).redaction(figures).build();
            assertThat(store.snapshot("m-1")).as("ST-74 snapshot right after").contains(expected);
            assertThat(store.withDevices("m-1", DeviceTable::size)).as("ST-74 no device rows").contains(0);
            eraseAll("m-1", 2);
            assertThat(store.snapshot("m-1")).as("ST-74 snapshot after the erasure").contains(expected);
            assertThat(store.header("m-1")).as("ST-74 header and state kept").contains(header);
            assertThat(searchIds()).as("ST-74 still searchable").containsExactly("m-1");
            assertThat(store.redact("m-1", x -> figures)).as("ST-74 redacted once").isEmpty();
        }

        @Test
        @DisplayName("ST-75 redact refuses a message whose status is not final, one under legal hold and one marked "
                + "for purge, and does not call the figures (X2, X3)")
        void redactRefuses() {
            insert(plain("m-1", 0));
            insertFinal(plain("m-2", 1));
            insertFinal(plain("m-3", 2));
            store.placeHold("m-2", LegalHold.placed(COUNSEL, BASE, "litigation"));
            store.markForPurge("m-3");
            List<String> called = new ArrayList<>();

            for (String id : List.of("m-1", "m-2", "m-3", "m-4")) {
                assertThat(store.redact(id, x -> {
                    called.add(id);
                    return figuresAt(BASE);
                })).as("ST-75 %s refused", id).isEmpty();
            }
            assertThat(called).as("ST-75 figures not computed").isEmpty();
            assertThat(store.snapshot("m-2").orElseThrow().redaction()).as("ST-75 held message whole").isEmpty();
            assertThat(store.snapshot("m-2").orElseThrow().recipients()).as("ST-75 held message's recipients")
                    .isEqualTo(plain("m-2", 1).recipients());
        }

        @Test
        @DisplayName("ST-76 legal holds: who, when and why are kept; a second hold keeps the first; a lift keeps "
                + "who, when and why; the history stays readable (X3)")
        void holds() {
            insertFinal(plain("m-1", 0));
            LegalHold first = LegalHold.placed(COUNSEL, BASE.plusNanos(5), "complaint 114");
            Person clerk = Person.of("u-3", "Clerk, Lee");

            assertThat(store.placeHold("m-1", first)).as("ST-76 placed").contains(first);
            assertThat(store.placeHold("m-1", LegalHold.placed(clerk, BASE.plusSeconds(9), "again")))
                    .as("ST-76 the hold in force stays").contains(first);
            LegalHold lifted = first.lifted(clerk, BASE.plusSeconds(60).plusNanos(3), "complaint closed");
            assertThat(store.liftHold("m-1", clerk, BASE.plusSeconds(60).plusNanos(3), "complaint closed"))
                    .as("ST-76 lifted").contains(lifted);
            assertThat(store.liftHold("m-1", clerk, BASE.plusSeconds(61), "twice")).as("ST-76 nothing to lift")
                    .isEmpty();
            LegalHold second = LegalHold.placed(clerk, BASE.plusSeconds(120), "subpoena");
            store.placeHold("m-1", second);

            assertThat(store.holds("m-1")).as("ST-76 history").containsExactly(lifted, second);
            assertThat(store.holds("m-2")).as("ST-76 unknown message").isEmpty();
            assertThat(store.placeHold("m-2", first)).as("ST-76 unknown message, place").isEmpty();
            assertThat(store.liftHold("m-2", clerk, BASE, "x")).as("ST-76 unknown message, lift").isEmpty();
        }

        @Test
        @DisplayName("ST-77 between any two batches of a purge or a redaction, search, header and snapshot show each "
                + "message whole or not at all (X1, X2)")
        void noHalfPurgedMessage() {
            Message wide = wide("m-1").toBuilder().createdAt(BASE).build();
            insertFinal(wide);
            insertFinal(wide("m-2").toBuilder().createdAt(BASE.plusSeconds(1)).build());
            List<String> problems = new ArrayList<>();
            Runnable look = () -> {
                for (MessageHeader h : store.search(everything()).newestFirst()) {
                    Optional<Message> m = store.snapshot(h.id());
                    if (m.isPresent() && m.get().redaction().isEmpty() && m.get().deviceCount() != h.deviceCount()) {
                        problems.add(h.id() + " shows " + m.get().deviceCount() + " of " + h.deviceCount() + " devices");
                    }
                    if (m.isPresent() && m.get().redaction().isPresent() && !m.get().recipients().isEmpty()) {
                        problems.add(h.id() + " is redacted but shows recipients");
                    }
                }
            };
            store.markForPurge("m-1");
            store.redact("m-2", m -> figuresAt(BASE));
            look.run();
            for (int n = store.eraseBatch("m-1", 5); n > 0; n = store.eraseBatch("m-1", 5)) {
                look.run();
                assertThat(searchIds()).as("ST-77 the purged message is never found").containsExactly("m-2");
            }
            for (int n = store.eraseBatch("m-2", 5); n > 0; n = store.eraseBatch("m-2", 5)) {
                look.run();
            }
            assertThat(problems).as("ST-77 half-erased messages seen").isEmpty();
            assertThat(searchIds()).as("ST-77 after the last batch only the redacted message is found")
                    .containsExactly("m-2");
        }
    }

    // ---- issue #12: hand-over leases (ST-30 to ST-39) ----

    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";

    /** Two batches of the wide message: one to a mail relay, one to a dialer. */
    private static List<PlannedBatch> twoBatches(String id) {
        return List.of(new PlannedBatch(new BatchKey(id, "relay", 1), List.of(0, 2, 4)),
                new PlannedBatch(new BatchKey(id, "dialer", 1), List.of(1, 3, 49)));
    }

    private Optional<HandOverLease> begin(String id, long version, String owner, Instant until) {
        return store.beginHandOver(id, version, waiting().withStartedAt(BASE), owner, until, 6, twoBatches(id));
    }

    /** Runs the attempt on every pool thread at once (one owner each) and answers the leases won. */
    private List<HandOverLease> race(Function<String, Optional<HandOverLease>> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<HandOverLease>>> tries = new ArrayList<>();
        for (int th = 0; th < THREADS; th++) {
            String owner = "node-" + th;
            tries.add(pool.submit(() -> {
                await(start, "the start");
                return attempt.apply(owner);
            }));
        }
        start.countDown();
        List<HandOverLease> won = new ArrayList<>();
        for (Future<Optional<HandOverLease>> f : tries) {
            await(f).ifPresent(won::add);
        }
        return won;
    }

    @Nested
    @DisplayName("Hand-over leases (N2, N3)")
    class HandOverLeases {

        @Test
        @DisplayName("ST-30 beginHandOver stores the claimed state with version + 1 and a lease of version 1 with its "
                + "owner, lease end, deliverable count and batches (keys and rows, in order), read back by handOver")
        void begins() {
            insert(wide("m-1"));
            Instant until = BASE.plusSeconds(60).plusNanos(3);

            Optional<HandOverLease> lease = begin("m-1", 0, NODE_A, until);

            HandOverLease expected = new HandOverLease("m-1", NODE_A, until, 1, 6, twoBatches("m-1"));
            assertThat(lease).as("ST-30 the answer").contains(expected);
            assertThat(store.handOver("m-1")).as("ST-30 stored").contains(expected);
            assertThat(store.header("m-1").map(MessageHeader::state)).as("ST-30 the claimed state")
                    .contains(waiting().withStartedAt(BASE).withVersion(1));
            assertThat(store.handOver("m-2")).as("ST-30 no hand-over of an unknown message").isEmpty();
        }

        @Test
        @DisplayName("ST-31 beginHandOver with a stale version, while a hand-over of the message is stored, or of an "
                + "unknown message answers empty and stores neither a lease nor a state")
        void refusesBegin() {
            insert(wide("m-1"));
            insert(wide("m-2"));
            store.compareAndSet("m-2", 0, waiting().withCancellation(new Cancellation(Person.of("u-2", "T, T"), BASE)));

            assertThat(begin("m-2", 0, NODE_A, BASE)).as("ST-31 stale version").isEmpty();
            assertThat(store.handOver("m-2")).as("ST-31 no lease after a stale begin").isEmpty();
            assertThat(store.header("m-2").map(h -> h.state().version())).as("ST-31 state of a stale begin")
                    .contains(1L);

            HandOverLease first = begin("m-1", 0, NODE_A, BASE).orElseThrow();
            store.compareAndSet("m-1", 1, waiting().withStartedAt(BASE.plusSeconds(1)));
            assertThat(begin("m-1", 2, NODE_B, BASE.plusSeconds(5))).as("ST-31 a hand-over is stored").isEmpty();
            assertThat(store.handOver("m-1")).as("ST-31 the first lease kept").contains(first);
            assertThat(store.header("m-1").map(MessageHeader::state)).as("ST-31 state kept")
                    .contains(waiting().withStartedAt(BASE.plusSeconds(1)).withVersion(2));
            assertThat(begin("m-9", 0, NODE_A, BASE)).as("ST-31 unknown message").isEmpty();
        }

        @Test
        @DisplayName("ST-32 of concurrent beginHandOvers on one version exactly one wins, and its lease is stored")
        void oneBeginWins() throws Exception {
            insert(wide("m-1"));
            List<HandOverLease> won = race(owner -> begin("m-1", 0, owner, BASE.plusSeconds(60)));
            assertThat(won).as("ST-32 winners").hasSize(1);
            assertThat(store.handOver("m-1")).as("ST-32 the winner's lease").contains(won.get(0));
            assertThat(store.header("m-1").map(h -> h.state().version())).as("ST-32 one state change").contains(1L);
        }

        @Test
        @DisplayName("ST-33 renewHandOver by the owner with the held version stores the new lease end with version + 1;"
                + " another owner or a stale version is refused and changes nothing")
        void renews() {
            insert(wide("m-1"));
            begin("m-1", 0, NODE_A, BASE.plusSeconds(60));

            Optional<HandOverLease> renewed = store.renewHandOver("m-1", 1, NODE_A, BASE.plusSeconds(90));
            HandOverLease expected = new HandOverLease("m-1", NODE_A, BASE.plusSeconds(90), 2, 6, twoBatches("m-1"));
            assertThat(renewed).as("ST-33 the renewal").contains(expected);
            assertThat(store.renewHandOver("m-1", 2, NODE_B, BASE.plusSeconds(120))).as("ST-33 another owner")
                    .isEmpty();
            assertThat(store.renewHandOver("m-1", 1, NODE_A, BASE.plusSeconds(120))).as("ST-33 a stale version")
                    .isEmpty();
            assertThat(store.handOver("m-1")).as("ST-33 unchanged by refused renewals").contains(expected);
            assertThat(store.renewHandOver("m-9", 1, NODE_A, BASE)).as("ST-33 unknown message").isEmpty();
        }

        @Test
        @DisplayName("ST-34 takeOverHandOver is refused while the lease holds and accepted from its end: the new owner "
                + "and lease end with version + 1, the batches kept; the old owner's renewal is then refused")
        void takesOver() {
            insert(wide("m-1"));
            Instant end = BASE.plusSeconds(60);
            begin("m-1", 0, NODE_A, end);

            assertThat(store.takeOverHandOver("m-1", 1, NODE_B, end.minusNanos(1), end.plusSeconds(60)))
                    .as("ST-34 while the lease holds").isEmpty();
            assertThat(store.handOver("m-1").map(HandOverLease::owner)).as("ST-34 owner kept").contains(NODE_A);

            Optional<HandOverLease> taken = store.takeOverHandOver("m-1", 1, NODE_B, end, end.plusSeconds(60));
            HandOverLease expected = new HandOverLease("m-1", NODE_B, end.plusSeconds(60), 2, 6, twoBatches("m-1"));
            assertThat(taken).as("ST-34 taken over at the lease end").contains(expected);
            assertThat(store.renewHandOver("m-1", 1, NODE_A, end.plusSeconds(90))).as("ST-34 the old owner's renewal")
                    .isEmpty();
            assertThat(store.handOver("m-1")).as("ST-34 stored").contains(expected);
        }

        @Test
        @DisplayName("ST-35 of concurrent take-overs of one expired lease version exactly one wins")
        void oneTakeOverWins() throws Exception {
            insert(wide("m-1"));
            begin("m-1", 0, NODE_A, BASE);
            List<HandOverLease> won = race(owner -> store.takeOverHandOver("m-1", 1, owner, BASE.plusSeconds(1),
                    BASE.plusSeconds(61)));
            assertThat(won).as("ST-35 winners").hasSize(1);
            assertThat(store.handOver("m-1").map(HandOverLease::version)).as("ST-35 one version step").contains(2L);
        }

        @Test
        @DisplayName("ST-36 expiredHandOvers lists the leases ended at or before now with their batches, earliest end "
                + "first, ties by message id, at most the limit")
        void listsExpired() {
            for (String id : List.of("m-1", "m-2", "m-3", "m-4")) {
                insert(wide(id));
            }
            begin("m-3", 0, NODE_A, BASE.plusSeconds(10));
            begin("m-1", 0, NODE_A, BASE.plusSeconds(20));
            begin("m-2", 0, NODE_B, BASE.plusSeconds(10));
            begin("m-4", 0, NODE_B, BASE.plusSeconds(21));
            Instant now = BASE.plusSeconds(20);

            assertThat(store.expiredHandOvers(now, 10).stream().map(HandOverLease::messageId))
                    .as("ST-36 expired, earliest first").containsExactly("m-2", "m-3", "m-1");
            assertThat(store.expiredHandOvers(now, 2).stream().map(HandOverLease::messageId)).as("ST-36 limit")
                    .containsExactly("m-2", "m-3");
            assertThat(store.expiredHandOvers(now, 10).get(0).batches()).as("ST-36 with their batches")
                    .isEqualTo(twoBatches("m-2"));
            assertThat(store.expiredHandOvers(BASE, 10)).as("ST-36 none expired yet").isEmpty();
        }

        @Test
        @DisplayName("ST-37 endHandOver with the held version removes the lease and its batches (no longer expired, a "
                + "new begin possible); a stale version is refused")
        void ends() {
            insert(wide("m-1"));
            begin("m-1", 0, NODE_A, BASE);
            store.renewHandOver("m-1", 1, NODE_A, BASE.plusSeconds(1));

            assertThat(store.endHandOver("m-1", 1)).as("ST-37 stale version").isFalse();
            assertThat(store.handOver("m-1")).as("ST-37 kept after a stale end").isPresent();
            assertThat(store.endHandOver("m-1", 2)).as("ST-37 ended").isTrue();
            assertThat(store.handOver("m-1")).as("ST-37 removed").isEmpty();
            assertThat(store.expiredHandOvers(BASE.plusSeconds(5), 10)).as("ST-37 not expired").isEmpty();
            assertThat(store.endHandOver("m-1", 2)).as("ST-37 nothing to end").isFalse();
            assertThat(begin("m-1", 1, NODE_B, BASE.plusSeconds(9)).map(HandOverLease::version))
                    .as("ST-37 a new begin").contains(1L);
        }
    }

    // ---- issue #13: the Recipient Log's read (ST-50..ST-59) ----

    /** A message to one entry per person id given, each with the devices given as "CHANNEL:address". */
    static Message toPersons(String id, int minute, String school, List<List<String>> entries) {
        List<RecipientEntry> list = new ArrayList<>();
        for (List<String> e : entries) {
            List<Device> devices = new ArrayList<>();
            for (String d : e.subList(1, e.size())) {
                int colon = d.indexOf(':');
                devices.add(Device.of(Channel.valueOf(d.substring(0, colon)), d.substring(colon + 1),
                        DeviceStatus.PENDING));
            }
            list.add(RecipientEntry.of(Person.of(e.get(0), "N, " + e.get(0)), Person.of("s-" + e.get(0), "S, S"),
                    devices));
        }
        return plain(id, minute, "u-1", school, "", null).toBuilder()
                .deliveryModes(EnumSet.allOf(Channel.class)).recipients(list).build();
    }

    @Nested
    @DisplayName("Recipient Log")
    class RecipientLog {

        private StoreQuery all(int limit) {
            return new StoreQuery(Instant.MIN, Instant.MAX, null, Set.of(), Instant.MAX, limit);
        }

        private List<String> ids(RecipientPage page) {
            return page.newestFirst().stream().map(h -> h.header().id()).toList();
        }

        @Test
        @DisplayName("ST-50 a person's messages: exactly those whose list holds the person, newest first, at most "
                + "the limit, with the total (H1, S2)")
        void personNewestFirst() {
            insert(toPersons("m-a", 5, "Lincoln", List.of(List.of("p-1", "EMAIL:a@b.c"))));
            insert(toPersons("m-b", 1, "Lincoln", List.of(List.of("p-2", "EMAIL:x@b.c"), List.of("p-1"))));
            insert(toPersons("m-c", 9, "Lincoln", List.of(List.of("p-2", "EMAIL:x@b.c"))));
            insert(toPersons("m-d", 5, "Lincoln", List.of(List.of("p-3"), List.of("p-1", "VOICE:5551234567"))));
            insert(toPersons("m-e", 7, "Lincoln", List.of(List.of("p-1", "TEXT:5551234567"))));

            RecipientPage page = store.recipientMessages(RecipientKey.person("p-1"), all(3));
            assertThat(ids(page)).as("ST-50 newest first, ties later recorded first").containsExactly("m-e", "m-d",
                    "m-a");
            assertThat(page.totalMatched()).as("ST-50 total").isEqualTo(4);
            assertThat(store.recipientMessages(RecipientKey.person("p-9"), all(3)).newestFirst())
                    .as("ST-50 a person on no message").isEmpty();
        }

        @Test
        @DisplayName("ST-51 an address is found normalised on its channel only: phone digits, email case (D1)")
        void addressNormalised() {
            insert(toPersons("m-1", 1, "Lincoln", List.of(List.of("p-1", "VOICE:(555) 123-4567"))));
            insert(toPersons("m-2", 2, "Lincoln", List.of(List.of("p-2", "TEXT:555.123.4567"))));
            insert(toPersons("m-3", 3, "Lincoln", List.of(List.of("p-3", "VOICE:+1 555 123 4567 x12"))));
            insert(toPersons("m-4", 4, "Lincoln", List.of(List.of("p-4", "EMAIL: Pat@NoMail.com "))));

            assertThat(ids(store.recipientMessages(RecipientKey.address(Channel.VOICE, "15551234567"), all(10))))
                    .as("ST-51 the voice number, not the text one nor the extension").containsExactly("m-1");
            assertThat(ids(store.recipientMessages(RecipientKey.address(Channel.TEXT, "5551234567"), all(10))))
                    .as("ST-51 the text number").containsExactly("m-2");
            assertThat(ids(store.recipientMessages(RecipientKey.address(Channel.VOICE, "555-123-4567 ext. 12"),
                    all(10)))).as("ST-51 the extension").containsExactly("m-3");
            assertThat(ids(store.recipientMessages(RecipientKey.address(Channel.EMAIL, "pat@nomail.COM"), all(10))))
                    .as("ST-51 the email").containsExactly("m-4");
        }

        @Test
        @DisplayName("ST-52 the created range includes its start and excludes its end; school filter; a scheduler "
                + "message hidden until its time (S1, T3, V2)")
        void rangeScopeVisibility() {
            for (int i = 0; i < 4; i++) {
                insert(toPersons("m-" + i, i, i % 2 == 0 ? "Lincoln" : "Harrison", List.of(List.of("p-1"))));
            }
            insert(plain("m-s", 2, "u-1", "Lincoln", "Daily", BASE.plusSeconds(3600)).toBuilder()
                    .recipients(List.of(RecipientEntry.of(Person.of("p-1", "N"), null, List.of()))).build());

            RecipientKey key = RecipientKey.person("p-1");
            RecipientPage range = store.recipientMessages(key, new StoreQuery(BASE.plusSeconds(60),
                    BASE.plusSeconds(180), null, Set.of(), BASE, 10));
            RecipientPage lincoln = store.recipientMessages(key, new StoreQuery(Instant.MIN, Instant.MAX, null,
                    Set.of("Lincoln"), BASE, 10));
            RecipientPage later = store.recipientMessages(key, new StoreQuery(Instant.MIN, Instant.MAX, null,
                    Set.of("Lincoln"), BASE.plusSeconds(3600), 1));
            assertThat(ids(range)).as("ST-52 range").containsExactly("m-2", "m-1");
            assertThat(range.totalMatched()).as("ST-52 range total").isEqualTo(2);
            assertThat(ids(lincoln)).as("ST-52 school, scheduler message hidden").containsExactly("m-2", "m-0");
            assertThat(ids(later)).as("ST-52 visible from its time").containsExactly("m-s");
            assertThat(later.totalMatched()).as("ST-52 total once visible").isEqualTo(3);
        }

        @Test
        @DisplayName("ST-53 a hit carries the key's entries and every entry sharing one of their addresses on the "
                + "same channel, in list order with their indexes, no other (D2, D3)")
        void hitEntries() {
            insert(toPersons("m-1", 1, "Lincoln", List.of(
                    List.of("p-2", "VOICE:555-000-1111"),
                    List.of("p-1", "VOICE:(555) 000-1111", "EMAIL:a@b.c"),
                    List.of("p-3", "TEXT:5550001111"),
                    List.of("p-4", "EMAIL:A@B.C"),
                    List.of("p-5", "EMAIL:other@b.c"),
                    List.of("p-1"))));

            RecipientHit byPerson = store.recipientMessages(RecipientKey.person("p-1"), all(5)).newestFirst().get(0);
            assertThat(byPerson.entries()).extracting(RecipientHit.IndexedEntry::index)
                    .as("ST-53 the person's entries and those sharing an address").containsExactly(0, 1, 3, 5);
            assertThat(byPerson.entries().get(1).entry().person().id()).as("ST-53 entry 1 is the person's")
                    .isEqualTo("p-1");
            assertThat(byPerson.entries().get(1).entry().devices()).extracting(Device::address)
                    .as("ST-53 the entry's devices as recorded").containsExactly("(555) 000-1111", "a@b.c");
            RecipientHit byAddress = store.recipientMessages(RecipientKey.address(Channel.EMAIL, "a@b.c"), all(5))
                    .newestFirst().get(0);
            assertThat(byAddress.entries()).extracting(RecipientHit.IndexedEntry::index)
                    .as("ST-53 the entries holding the address").containsExactly(1, 3);
            assertThat(byAddress.header().id()).as("ST-53 the hit's header").isEqualTo("m-1");
        }

        @Test
        @DisplayName("ST-54 a hit shows the devices' current outcomes, confirmations and times (H1)")
        void currentOutcomes() {
            insert(toPersons("m-1", 1, "Lincoln", List.of(List.of("p-1", "VOICE:5550001111", "EMAIL:a@b.c"))));
            Instant at = BASE.plusSeconds(5).plusNanos(3);
            store.withDevices("m-1", t -> {
                t.set(t.row(0, 0), DeviceOutcome.call(5), true, at, 1, true);
                t.set(t.row(0, 1), DeviceOutcome.of(DeviceStatus.FAILED), false, null, 1, true);
                return Boolean.TRUE;
            });

            List<Device> devices = store.recipientMessages(RecipientKey.person("p-1"), all(5)).newestFirst().get(0)
                    .entries().get(0).entry().devices();
            assertThat(devices.get(0).outcome()).as("ST-54 voice outcome").isEqualTo(DeviceOutcome.call(5));
            assertThat(devices.get(0).confirmed()).as("ST-54 confirmation").isTrue();
            assertThat(devices.get(0).time()).as("ST-54 time").contains(at);
            assertThat(devices.get(1).outcome()).as("ST-54 email outcome")
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED));
        }

        @Test
        @DisplayName("ST-55 any person or address query answers exactly the matching messages, newest first, their "
                + "number and their entries (H1, S2, T3, V2; 40 seeded queries)")
        void anyQuery() {
            Random random = new Random(20_261_201L);
            List<String> schools = List.of("Lincoln", "Harrison");
            List<String> phones = List.of("555-000-0001", "(555) 000-0002", "5550000003");
            List<Message> stored = new ArrayList<>();
            List<MessageHeader> headers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                List<List<String>> entries = new ArrayList<>();
                for (int e = random.nextInt(5); e >= 0; e--) {
                    List<String> entry = new ArrayList<>(List.of("p-" + random.nextInt(6)));
                    for (int d = random.nextInt(3); d > 0; d--) {
                        entry.add(random.nextBoolean() ? (random.nextBoolean() ? "VOICE:" : "TEXT:")
                                + phones.get(random.nextInt(3)) : "EMAIL:m" + random.nextInt(3) + "@b.c");
                    }
                    entries.add(entry);
                }
                Message m = toPersons("m-" + i, random.nextInt(20), schools.get(random.nextInt(2)), entries);
                if (random.nextInt(5) == 0) {
                    m = m.toBuilder().scheduleName("Daily").scheduledAt(BASE.plusSeconds(60L * random.nextInt(20)))
                            .build();
                }
                stored.add(m);
                headers.add(insert(m));
            }
            List<String> problems = new ArrayList<>();
            for (int q = 0; q < 40; q++) {
                RecipientKey key = random.nextBoolean() ? RecipientKey.person("p-" + random.nextInt(7))
                        : random.nextBoolean() ? RecipientKey.address(Channel.VOICE, phones.get(random.nextInt(3)))
                        : RecipientKey.address(Channel.EMAIL, "M" + random.nextInt(3) + "@b.c");
                int from = random.nextInt(20);
                StoreQuery query = new StoreQuery(BASE.plusSeconds(60L * from),
                        BASE.plusSeconds(60L * (from + random.nextInt(21 - from))), null,
                        random.nextBoolean() ? Set.of() : Set.of(schools.get(random.nextInt(2))),
                        BASE.plusSeconds(60L * random.nextInt(20)), 1 + random.nextInt(8));
                List<Integer> matching = new ArrayList<>();
                for (int i = stored.size() - 1; i >= 0; i--) {
                    Message m = stored.get(i);
                    if (query.matches(headers.get(i)) && m.recipients().stream().anyMatch(key::holds)) {
                        matching.add(i);
                    }
                }
                List<Integer> expected = matching.stream()
                        .sorted(Comparator.comparing((Integer i) -> headers.get(i).createdAt()).reversed())
                        .limit(query.limit()).toList();
                RecipientPage page = store.recipientMessages(key, query);
                List<String> expectedIds = expected.stream().map(i -> headers.get(i).id()).toList();
                if (!ids(page).equals(expectedIds) || page.totalMatched() != matching.size()) {
                    problems.add(key + " " + query + " answered " + ids(page) + " of " + page.totalMatched()
                            + ", expected " + expectedIds + " of " + matching.size());
                    continue;
                }
                for (int h = 0; h < expected.size(); h++) {
                    List<Integer> want = KitRecipients.entryIndexes(stored.get(expected.get(h)).recipients(), key);
                    List<Integer> got = page.newestFirst().get(h).entries().stream()
                            .map(RecipientHit.IndexedEntry::index).toList();
                    if (!want.equals(got)) {
                        problems.add(key + " in " + expectedIds.get(h) + " carried entries " + got + ", expected "
                                + want);
                    }
                }
            }
            assertThat(problems).as("ST-55 queries answered wrongly").isEmpty();
        }
    }

    // ---- issue #13 (today): engagement (SPEC H5): ST-80..ST-89 ----

    private static final Device EMAIL_B = Device.of(Channel.EMAIL, "bo@nomail.com", DeviceStatus.PENDING);
    private static final DeviceOutcome SENT = DeviceOutcome.of(DeviceStatus.SENT);

    /** Feedback on the email of {@link #ledgerMessage}'s entry {@code entry} (its row), of Harrison High. */
    private static FeedbackRecord feedbackOn(int entry, String address, FeedbackKind kind, String eventId, int minute) {
        return new FeedbackRecord(new FeedbackEvent(entry, 0, kind, eventId, BASE.plusSeconds(60L * minute)), entry,
                Channel.EMAIL, address, "p-" + entry, SENT, "Harrison High");
    }

    private static FeedbackEvent event(int entry, FeedbackKind kind, String eventId, int minute) {
        return new FeedbackEvent(entry, 0, kind, eventId, BASE.plusSeconds(60L * minute));
    }

    private Map<String, List<FeedbackEvent>> feedbackOf(String... ids) {
        return store.feedback(List.of(ids));
    }

    @Nested
    @DisplayName("Engagement (SPEC H5)")
    class EngagementClauses {

        @Test
        @DisplayName("ST-80 recordFeedback keeps each (entry, device, kind, event id) once and answers how many were "
                + "new; feedback answers each message's events in FeedbackEvent.ORDER, no key without feedback (H5)")
        void eachEventOnce() {
            insert(ledgerMessage("m-1", "Harrison High", EMAIL, EMAIL_B));
            insert(ledgerMessage("m-2", "Harrison High", EMAIL));
            int first = store.recordFeedback("m-1", List.of(
                    feedbackOn(1, "bo@nomail.com", FeedbackKind.OPENED, "e-2", 5),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-1", 3),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.CLICKED, "e-3", 4),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-1", 3)));
            int second = store.recordFeedback("m-1", List.of(
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-1", 3),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-4", 9),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.CLICKED, "e-1", 3)));

            assertThat(first).as("ST-80 new events of the first batch (a repeat inside it counts once)").isEqualTo(3);
            assertThat(second).as("ST-80 new events of the second batch").isEqualTo(2);
            Map<String, List<FeedbackEvent>> answer = feedbackOf("m-1", "m-2", "m-unknown");
            assertThat(answer.keySet()).as("ST-80 messages with feedback").containsExactly("m-1");
            assertThat(answer.get("m-1")).as("ST-80 events in order").containsExactly(
                    event(0, FeedbackKind.OPENED, "e-1", 3),
                    event(0, FeedbackKind.OPENED, "e-4", 9),
                    event(0, FeedbackKind.CLICKED, "e-1", 3),
                    event(0, FeedbackKind.CLICKED, "e-3", 4),
                    event(1, FeedbackKind.OPENED, "e-2", 5));
        }

        @Test
        @DisplayName("ST-81 feedback changes no device, state, version, summary or ledger fact of the message (R2, H5)")
        void changesNothingElse() {
            insert(ledgerMessage("m-1", "Harrison High", EMAIL, EMAIL_B));
            fact("m-1", 0, SENT, 2, ContactKind.SUCCESS);
            fact("m-1", 1, DeviceOutcome.of(DeviceStatus.FAILED), 2, ContactKind.PERMANENT_FAILURE);
            MessageHeader header = store.header("m-1").orElseThrow();
            Message snapshot = store.snapshot("m-1").orElseThrow();
            Optional<StoredSummary> summary = store.summary("m-1");
            List<AddressHistory> failing = store.failingAddresses(1);
            List<AddressHistory> dnc = store.doNotContactAddresses();

            store.recordFeedback("m-1", List.of(
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-1", 3),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.COMPLAINED, "e-2", 4),
                    feedbackOn(1, "bo@nomail.com", FeedbackKind.UNSUBSCRIBED, "e-3", 5)));

            assertThat(store.header("m-1")).as("ST-81 header and version").contains(header);
            assertThat(store.snapshot("m-1")).as("ST-81 devices").contains(snapshot);
            assertThat(store.summary("m-1")).as("ST-81 summary").isEqualTo(summary);
            assertThat(store.failingAddresses(1)).as("ST-81 ledger's failing addresses").isEqualTo(failing);
            assertThat(store.doNotContactAddresses()).as("ST-81 ledger's do-not-contact facts").isEqualTo(dnc);
        }

        @Test
        @DisplayName("ST-82 an unsubscribe or a complaint marks its address: suppressions lists the first event of "
                + "each (message, row, kind) as a fact of that kind, suppressedAmong answers the address among others "
                + "on its channel; opened and clicked mark nothing (H3, H5)")
        void suppressions() {
            insert(ledgerMessage("m-1", "Harrison High", EMAIL, EMAIL_B));
            insert(ledgerMessage("m-2", "Harrison High", EMAIL));
            store.recordFeedback("m-1", List.of(
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.UNSUBSCRIBED, "e-1", 7),
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.UNSUBSCRIBED, "e-2", 6),
                    feedbackOn(1, "bo@nomail.com", FeedbackKind.OPENED, "e-3", 6),
                    feedbackOn(1, "bo@nomail.com", FeedbackKind.CLICKED, "e-4", 6)));
            store.recordFeedback("m-2", List.of(feedbackOn(0, "ann@nomail.com", FeedbackKind.COMPLAINED, "e-5", 8)));

            assertThat(store.suppressions()).as("ST-82 suppressions").containsExactly(
                    new ContactFact(Channel.EMAIL, "ann@nomail.com", "m-1", 0, ContactKind.UNSUBSCRIBED, SENT,
                            BASE.plusSeconds(360), "p-0", "Harrison High"),
                    new ContactFact(Channel.EMAIL, "ann@nomail.com", "m-2", 0, ContactKind.COMPLAINED, SENT,
                            BASE.plusSeconds(480), "p-0", "Harrison High"));
            assertThat(store.suppressedAmong(Channel.EMAIL,
                    List.of("ann@nomail.com", "bo@nomail.com", "cy@nomail.com"))).as("ST-82 among")
                    .containsExactly("ann@nomail.com");
            assertThat(store.suppressedAmong(Channel.TEXT, List.of("ann@nomail.com"))).as("ST-82 per channel")
                    .isEmpty();
        }

        @Test
        @DisplayName("ST-83 an unknown, purge-marked or redacted message records nothing; marking for purge and "
                + "redacting drop the message's feedback and the marks it made (X1, X2, H5)")
        void retention() {
            assertThat(store.recordFeedback("m-unknown", List.of(
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.COMPLAINED, "e-0", 1)))).as("ST-83 unknown").isZero();
            insertFinal(ledgerMessage("m-1", "Harrison High", EMAIL));
            insertFinal(ledgerMessage("m-2", "Harrison High", EMAIL_B));
            store.recordFeedback("m-1", List.of(feedbackOn(0, "ann@nomail.com", FeedbackKind.COMPLAINED, "e-1", 1)));
            store.recordFeedback("m-2", List.of(feedbackOn(0, "bo@nomail.com", FeedbackKind.UNSUBSCRIBED, "e-2", 1)));

            assertThat(store.markForPurge("m-1")).as("ST-83 marked").isTrue();
            assertThat(store.redact("m-2", m -> figuresAt(BASE))).as("ST-83 redacted").isPresent();

            assertThat(feedbackOf("m-1", "m-2")).as("ST-83 feedback gone").isEmpty();
            assertThat(store.suppressions()).as("ST-83 marks gone").isEmpty();
            assertThat(store.suppressedAmong(Channel.EMAIL, List.of("ann@nomail.com", "bo@nomail.com")))
                    .as("ST-83 among").isEmpty();
            assertThat(store.recordFeedback("m-1", List.of(feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED,
                    "e-3", 2)))).as("ST-83 purge-marked records nothing").isZero();
            assertThat(store.recordFeedback("m-2", List.of(feedbackOn(0, "bo@nomail.com", FeedbackKind.OPENED,
                    "e-4", 2)))).as("ST-83 redacted records nothing").isZero();
            assertThat(feedbackOf("m-1", "m-2")).as("ST-83 still nothing").isEmpty();
        }

        @Test
        @DisplayName("ST-84 feedback naming a device the message does not hold is refused with "
                + "IllegalArgumentException, and nothing of its batch is recorded (H5)")
        void unknownDevice() {
            insert(ledgerMessage("m-1", "Harrison High", EMAIL));
            assertThatThrownBy(() -> store.recordFeedback("m-1", List.of(
                    feedbackOn(0, "ann@nomail.com", FeedbackKind.OPENED, "e-1", 1),
                    feedbackOn(5, "ann@nomail.com", FeedbackKind.OPENED, "e-2", 1))))
                    .as("ST-84 refused").isInstanceOf(IllegalArgumentException.class);
            assertThat(feedbackOf("m-1")).as("ST-84 nothing recorded").isEmpty();
        }

        @Test
        @DisplayName("ST-85 concurrent recordFeedback calls of the same events record each once: their answers add up "
                + "to the number of distinct events (N3, H5)")
        void concurrentRecords() throws Exception {
            insert(ledgerMessage("m-1", "Harrison High", EMAIL, EMAIL_B));
            List<FeedbackRecord> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(feedbackOn(i % 2, i % 2 == 0 ? "ann@nomail.com" : "bo@nomail.com",
                        i % 3 == 0 ? FeedbackKind.CLICKED : FeedbackKind.OPENED, "e-" + i, i));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> work = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                work.add(pool.submit(() -> {
                    await(start, "the start");
                    return store.recordFeedback("m-1", batch);
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : work) {
                total += await(f);
            }
            assertThat(total).as("ST-85 new events over all calls").isEqualTo(20);
            assertThat(feedbackOf("m-1").get("m-1")).as("ST-85 stored events").hasSize(20);
        }
    }
}
