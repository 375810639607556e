package dev.sentlog.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class InMemoryMessageStoreTest {

    private static final Instant BASE = Instant.parse("2022-05-01T12:00:00Z");
    private static final List<String> SENDERS = List.of("u-1", "u-2", "u-3");
    private static final List<String> SCHOOLS = List.of("Harrison High", "Lincoln Elementary", "District");

    /** Generated message facts: created offset (minutes), sender, school, scheduler flag, scheduled offset. */
    record Facts(int createdMinute, int sender, int school, boolean scheduler, int scheduledMinute) {
    }

    /** A generated query. */
    record Query(int from, int to, int sender, Set<String> schools, int visibleMinute, int limit) {
    }

    static Message message(String id, Facts f) {
        return Message.builder().id(id).messageType("Staff Messenger").districtOrSchool(SCHOOLS.get(f.school()))
                .subject("s").sender(Sender.of(SENDERS.get(f.sender()), "N, N", ""))
                .createdAt(BASE.plusSeconds(60L * f.createdMinute()))
                .scheduledAt(BASE.plusSeconds(60L * f.scheduledMinute()))
                .scheduleName(f.scheduler() ? "Daily" : "")
                .deliveryModes(Channel.EMAIL)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "P, P"), null, List.of(
                        Device.of(Channel.EMAIL, "a@b.c", DeviceStatus.PENDING),
                        Device.of(Channel.VOICE, "5551234567", DeviceStatus.PENDING))),
                        RecipientEntry.of(Person.of("p-2", "Q, Q"), null, List.of()),
                        RecipientEntry.of(Person.of("p-1", "P, P"), null, List.of(
                                Device.of(Channel.TEXT, "5551234567", DeviceStatus.PENDING)))))
                .build();
    }

    @Provide
    Arbitrary<List<Facts>> messages() {
        Arbitrary<Facts> facts = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 40)).as(Facts::new);
        return facts.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Query> queries() {
        return Combinators.combine(Arbitraries.integers().between(-2, 32), Arbitraries.integers().between(-2, 32),
                Arbitraries.integers().between(-1, 2), Arbitraries.subsetOf(SCHOOLS),
                Arbitraries.integers().between(-1, 41), Arbitraries.integers().between(1, 12)).as(Query::new);
    }

    @Property(tries = 200)
    void S2_V2_T1_T3_searchAnswersExactlyThePlainDefinition_newestFirstCutAtTheLimit(
            @ForAll("messages") List<Facts> facts, @ForAll("queries") Query gq) {
        MessageStore store = MessageStore.inMemory();
        List<MessageHeader> all = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            all.add(store.insert(message("m-" + i, facts.get(i)), MessageState.initial(MessageStatus.WAITING)));
        }
        int lo = Math.min(gq.from(), gq.to());
        int hi = Math.max(gq.from(), gq.to());
        StoreQuery q = new StoreQuery(BASE.plusSeconds(60L * lo), BASE.plusSeconds(60L * hi),
                gq.sender() < 0 ? null : SENDERS.get(gq.sender()), gq.schools(),
                BASE.plusSeconds(60L * gq.visibleMinute()), gq.limit());

        StorePage page = store.search(q);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (q.matches(all.get(i))) {
                expected.add(i);
            }
        }
        expected.sort(Comparator.<Integer, Instant>comparing(i -> all.get(i).createdAt())
                .thenComparing(i -> i).reversed());
        assertThat(page.totalMatched()).isEqualTo(expected.size());
        assertThat(page.newestFirst()).extracting(MessageHeader::id).containsExactlyElementsOf(
                expected.stream().limit(gq.limit()).map(i -> "m-" + i).toList());
        assertThat(page.isCut()).isEqualTo(expected.size() > gq.limit());
    }

    @Test
    void compareAndSetReplacesTheStateOnlyAtTheExpectedVersion() {
        MessageStore store = MessageStore.inMemory();
        store.insert(message("m-1", new Facts(0, 0, 0, false, 0)), MessageState.initial(MessageStatus.WAITING));
        MessageState next = MessageState.initial(MessageStatus.IN_PROGRESS).withStartedAt(BASE);

        assertThat(store.compareAndSet("m-1", 1, next)).isEmpty();
        assertThat(store.compareAndSet("m-2", 0, next)).isEmpty();
        MessageHeader h = store.compareAndSet("m-1", 0, next).orElseThrow();
        assertThat(h.state().version()).isEqualTo(1);
        assertThat(h.state().status()).isEqualTo(MessageStatus.IN_PROGRESS);
        assertThat(store.compareAndSet("m-1", 0, next)).isEmpty();
        assertThat(store.header("m-1")).contains(h);
        assertThat(store.active(10)).containsExactly(h);
        store.compareAndSet("m-1", 1, next.withStatus(MessageStatus.SENT));
        assertThat(store.active(10)).isEmpty();
    }

    @Test
    void aSecondInsertOfAnIdIsRefused() {
        MessageStore store = MessageStore.inMemory();
        Message m = message("m-1", new Facts(0, 0, 0, false, 0));
        store.insert(m, MessageState.initial(MessageStatus.WAITING));
        assertThatThrownBy(() -> store.insert(m, MessageState.initial(MessageStatus.WAITING)))
                .isInstanceOf(DuplicateMessageException.class).hasMessage("message m-1 is already recorded");
    }

    @Test
    void jobsAreFoundByProviderAndJobId() {
        MessageStore store = MessageStore.inMemory();
        store.insert(message("m-1", new Facts(0, 0, 0, false, 0)), MessageState.initial(MessageStatus.WAITING));
        store.compareAndSet("m-1", 0, MessageState.initial(MessageStatus.IN_PROGRESS).withJobsAdded(List.of(
                new ProviderJob("sim", "j-1", Set.of(Channel.EMAIL), false))));
        assertThat(store.messageOfJob("sim", "j-1")).contains("m-1");
        assertThat(store.messageOfJob("other", "j-1")).isEmpty();
    }

    @Test
    void deviceRowsKeepPerDeviceStateAndTheOpenCount_andSnapshotsShowIt() {
        MessageStore store = MessageStore.inMemory();
        store.insert(message("m-1", new Facts(0, 0, 0, false, 0)), MessageState.initial(MessageStatus.WAITING));
        store.withDevices("m-1", t -> {
            assertThat(t.size()).isEqualTo(3);
            assertThat(t.row(2, 0)).isEqualTo(2);
            assertThat(t.row(1, 0)).isEqualTo(-1);
            assertThat(t.row(0, 2)).isEqualTo(-1);
            assertThat(t.entryIndex(2)).isEqualTo(2);
            assertThat(t.deviceIndex(1)).isEqualTo(1);
            assertThat(t.nextRowOfPerson(0)).isEqualTo(1);
            assertThat(t.nextRowOfPerson(1)).isEqualTo(2);
            assertThat(t.nextRowOfPerson(2)).as("cycles").isEqualTo(0);
            t.markSubmitted(0);
            t.markSubmitted(1);
            assertThat(t.openCount()).isEqualTo(2);
            t.set(0, DeviceOutcome.of(DeviceStatus.SENT), false, BASE, 3, true);
            assertThat(t.openCount()).isEqualTo(1);
            assertThat(t.submittedCount()).isEqualTo(2);
            t.touch(BASE);
            return null;
        });
        Message snap = store.snapshot("m-1").orElseThrow();
        Device first = snap.recipients().get(0).devices().get(0);
        assertThat(first.outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.SENT));
        assertThat(first.time()).contains(BASE);
        assertThat(store.withDevices("m-1", DeviceTable::lastActivity)).contains(BASE);
        assertThat(store.withDevices("nope", DeviceTable::size)).isEmpty();
    }

    @Test
    void compareAndSetWithDevices_changesTheDevicesOnlyWhenTheStateIsReplaced() {
        MessageStore store = MessageStore.inMemory();
        store.insert(message("m-1", new Facts(0, 0, 0, false, 0)), MessageState.initial(MessageStatus.WAITING));
        DeviceOutcome canceled = DeviceOutcome.of(DeviceStatus.CANCELED);
        MessageState canceledState = MessageState.initial(MessageStatus.CANCELED);

        assertThat(store.compareAndSet("m-1", 7, canceledState, t -> t.set(0, canceled, false, null, -2, true)))
                .as("a stale version replaces nothing").isEmpty();
        assertThat(store.snapshot("m-1").orElseThrow().recipients().get(0).devices().get(0).outcome())
                .as("and changes no device").isEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));

        assertThat(store.compareAndSet("m-1", 0, canceledState, t -> t.set(0, canceled, false, null, -2, true)))
                .isPresent();
        Message after = store.snapshot("m-1").orElseThrow();
        assertThat(after.status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(after.recipients().get(0).devices().get(0).outcome()).isEqualTo(canceled);
    }
}
