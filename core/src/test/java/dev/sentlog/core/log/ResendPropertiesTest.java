package dev.sentlog.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of resend (SPEC Y1, Y3, Y4) over generated finished messages, with generated
 * "do not contact" addresses in the contact ledger (H3).
 */
class ResendPropertiesTest {

    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();
    private static final Instant NOW = TestMessages.T0.plusSeconds(86_400);

    @Provide
    Arbitrary<Message> finished() {
        return Combinators.combine(MessageArbitraries.message(), Arbitraries.of(MessageStatus.SENT,
                MessageStatus.FAILED, MessageStatus.ERROR, MessageStatus.CANCELED_IP))
                .as((m, status) -> m.toBuilder().id("orig").status(status).build());
    }

    /** A store holding the original and, as ledger facts, "do not contact" marks for some of its addresses. */
    private static MessageStore storeWith(Message original, long dncSeed) {
        MessageStore store = MessageStore.inMemory();
        store.insert(original, MessageState.initial(original.status()));
        List<Device> marked = new ArrayList<>();
        long bits = dncSeed;
        for (RecipientEntry e : original.recipients()) {
            for (Device d : e.devices()) {
                if ((bits & 1) == 1 && !Addresses.normalise(d.channel(), d.address()).isBlank()) {
                    marked.add(new Device(d.channel(), d.address(), DeviceOutcome.of(dev.sentlog.spi.DeviceStatus.SENT),
                            false, NOW));
                }
                bits = Long.rotateRight(bits, 1);
            }
        }
        Message dnc = original.toBuilder().id("dnc-source").recipients(List.of(RecipientEntry.of(
                Person.of("p-x", "X, X"), null, marked))).status(MessageStatus.SENT).build();
        store.insert(dnc, MessageState.initial(MessageStatus.SENT));
        store.withDevices("dnc-source", t -> {
            for (int row = 0; row < t.size(); row++) {
                t.noteContact(row, ContactKind.DO_NOT_CONTACT);
            }
            return Boolean.TRUE;
        });
        return store;
    }

    private static String key(Channel c, String address) {
        return c + ":" + Addresses.normalise(c, address);
    }

    @Property(tries = 300)
    @Label("Y1, D2, D3, H3, C5: the resend audience never holds an address that succeeded, opted out or is do not "
            + "contact, a canceled device or a second occurrence of an address")
    void audienceNeverIntersectsSucceededOrDoNotContact(@ForAll("finished") Message original,
                                                        @ForAll ResendAudience audience, @ForAll long dncSeed) {
        MessageStore store = storeWith(original, dncSeed);
        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(new dev.sentlog.core.clock.ManualClock(NOW))
                .build()) {
            Set<String> succeeded = new HashSet<>();
            Set<String> refused = new HashSet<>();
            Set<String> failedOrPending = new HashSet<>();
            Set<String> reachedPersons = new HashSet<>();
            for (RecipientEntry e : original.recipients()) {
                for (Device d : e.devices()) {
                    if (!original.deliveryModes().contains(d.channel())
                            || Addresses.normalise(d.channel(), d.address()).isBlank()) {
                        continue; // D1: a blank address is no device
                    }
                    OutcomeClass c = STANDARD.classify(d.channel(), d.outcome(), d.confirmed());
                    if (c == OutcomeClass.SUCCESS) {
                        succeeded.add(key(d.channel(), d.address()));
                    }
                    if (c == OutcomeClass.OPTED_OUT || d.outcome().equals(DeviceOutcome.call(-3))
                            || d.outcome().equals(DeviceOutcome.call(-33))) {
                        refused.add(key(d.channel(), d.address()));
                    }
                }
            }
            for (RecipientEntry e : original.recipients()) {
                for (Device d : e.devices()) {
                    if (original.deliveryModes().contains(d.channel())
                            && !Addresses.normalise(d.channel(), d.address()).isBlank()
                            && succeeded.contains(key(d.channel(), d.address()))) {
                        reachedPersons.add(e.person().id());
                    }
                }
            }
            store.doNotContactAddresses().forEach(hist -> refused.add(hist.channel() + ":" + hist.address()));

            ResendPreview p = log.previewResend(TestMessages.admin(), "orig", audience);

            Set<String> seen = new HashSet<>();
            for (RecipientEntry e : p.recipients()) {
                assertThat(e.devices()).as("no entry without a device").isNotEmpty();
                if (audience == ResendAudience.NOT_REACHED) {
                    assertThat(reachedPersons).as("Y1: only persons not reached").doesNotContain(e.person().id());
                }
                for (Device d : e.devices()) {
                    String k = key(d.channel(), d.address());
                    assertThat(succeeded).as("D3: never an address that succeeded").doesNotContain(k);
                    assertThat(refused).as("H3: never opted out or do not contact").doesNotContain(k);
                    assertThat(seen.add(k)).as("D2: never a duplicate: %s", k).isTrue();
                    assertThat(original.deliveryModes()).contains(d.channel());
                    assertThat(Addresses.normalise(d.channel(), d.address())).isNotBlank();
                }
            }
            // and it leaves out no device that qualifies
            for (RecipientEntry e : original.recipients()) {
                for (Device d : e.devices()) {
                    OutcomeClass c = STANDARD.classify(d.channel(), d.outcome(), d.confirmed());
                    String k = key(d.channel(), d.address());
                    boolean qualifies = original.deliveryModes().contains(d.channel())
                            && !Addresses.normalise(d.channel(), d.address()).isBlank() && !succeeded.contains(k)
                            && !refused.contains(k) && c != OutcomeClass.CANCELED
                            && (audience == ResendAudience.NOT_REACHED ? !reachedPersons.contains(e.person().id())
                            : c == OutcomeClass.FAILURE);
                    if (qualifies) {
                        failedOrPending.add(k);
                    }
                }
            }
            assertThat(seen).as("Y1: every qualifying address is resent once").isEqualTo(failedOrPending);
        }
    }

    @Property(tries = 150)
    @Label("Y4: the preview equals exactly what is then sent")
    void previewEqualsSent(@ForAll("finished") Message original, @ForAll ResendAudience audience,
                           @ForAll long dncSeed) {
        MessageStore store = storeWith(original, dncSeed);
        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(new dev.sentlog.core.clock.ManualClock(NOW))
                .build()) {
            ResendPreview preview = log.previewResend(TestMessages.admin(), "orig", audience);
            if (preview.recipients().isEmpty()) {
                assertThat(catchThrowable(() -> log.resend(TestMessages.admin(), "orig", audience, "again")))
                        .isInstanceOf(dev.sentlog.core.resend.ResendRefusedException.class);
                return;
            }
            assertThat(log.resend(TestMessages.admin(), "orig", audience, "again").sent()).isEqualTo(preview);
            Message sent = log.printable(TestMessages.admin(), "again");
            assertThat(ResendTest.lines(sent.recipients())).isEqualTo(ResendTest.lines(preview.recipients()));
        }
    }

    @Property(tries = 200)
    @Label("Y3, T4: a message out of the caller's scope is refused exactly as a missing one, and nothing is resent")
    void outOfScopeLooksLikeMissing(@ForAll("finished") Message original, @ForAll boolean ownLog,
                                    @ForAll boolean limited, @ForAll boolean preview) {
        MessageStore store = storeWith(original, 0);
        Caller c = Caller.of(ownLog ? "u-someone-else" : "u-1", "Other, User", EnumSet.allOf(ToolRight.class),
                limited ? Set.of("Another School") : Set.of());
        c = ownLog ? c : c.inAdministrationLog();
        boolean inScope = !ownLog && !limited;
        Caller caller = c;
        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(new dev.sentlog.core.clock.ManualClock(NOW))
                .build()) {
            Throwable missing = catchThrowable(() -> call(log, caller, "nowhere", preview));
            Throwable outOfScope = catchThrowable(() -> call(log, caller, "orig", preview));
            if (inScope) {
                return;
            }
            assertThat(outOfScope).isInstanceOf(MessageNotFoundException.class)
                    .hasMessage(missing.getMessage().replace("nowhere", "orig"));
            assertThat(missing.getClass()).isEqualTo(outOfScope.getClass());
            assertThat(store.resendsOf("orig")).isEmpty();
        }
    }

    private static void call(SentMessageLog log, Caller c, String id, boolean preview) {
        if (preview) {
            log.previewResend(c, id, ResendAudience.NOT_REACHED);
        } else {
            log.resend(c, id, ResendAudience.NOT_REACHED, "again");
        }
    }
}
