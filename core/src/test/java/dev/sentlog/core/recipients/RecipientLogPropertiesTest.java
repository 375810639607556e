package dev.sentlog.core.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the Recipient Log over generated messages (SPEC H1). */
class RecipientLogPropertiesTest {

    private static final Instant BASE = Instant.parse("2019-12-02T14:55:00Z");
    private static final LocalDate DAY = LocalDate.of(2019, 12, 2);

    @Property(tries = 200)
    @Label("H1: the Recipient Log of a person lists exactly the messages whose recipient list holds that person, "
            + "newest first, with exactly that person's devices on each message's delivery modes")
    void personLogListsExactlyTheirMessages(@ForAll("messages") List<Message> messages,
                                            @ForAll @IntRange(min = 1, max = 13) int person) {
        MessageStore store = MessageStore.inMemory();
        List<Message> stored = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i).toBuilder().id("m-" + i).createdAt(BASE.plus(Duration.ofMinutes(i))).build();
            store.insert(m, MessageState.initial(MessageStatus.WAITING));
            stored.add(m);
        }
        String id = "p-" + person;

        RecipientLog log = new RecipientLogReader(store, OutcomeClassifier.standard(), ZoneOffset.UTC, 4000)
                .read(RecipientQuery.person(id, DAY, DAY.plusDays(1)), Set.of(), BASE);

        List<String> expected = new ArrayList<>();
        List<Integer> devices = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            List<RecipientEntry> own = stored.get(i).recipients().stream().filter(e -> e.person().id().equals(id))
                    .toList();
            if (!own.isEmpty()) {
                expected.add(stored.get(i).id());
                Message m = stored.get(i);
                // the devices the message delivered: those on its delivery modes
                devices.add((int) own.stream().flatMap(e -> e.devices().stream())
                        .filter(d -> m.deliveryModes().contains(d.channel())).count());
            }
        }
        assertThat(log.rows()).extracting(RecipientLogRow::messageId).containsExactlyElementsOf(expected);
        assertThat(log.rows()).extracting(r -> r.devices().size()).containsExactlyElementsOf(devices);
        assertThat(log.rows()).allSatisfy(r -> assertThat(r.devices())
                .allSatisfy(d -> assertThat(d.person().id()).isEqualTo(id)));
        assertThat(log.totalMatched()).isEqualTo(expected.size());
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        return MessageArbitraries.message().list().ofMaxSize(12);
    }
}
