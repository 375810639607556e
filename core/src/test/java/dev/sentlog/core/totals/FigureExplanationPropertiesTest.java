package dev.sentlog.core.totals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the figures' explanations (SPEC E1) over generated messages. */
class FigureExplanationPropertiesTest {

    private static final OutcomeClassifier K = OutcomeClassifier.standard();

    @Property
    @Label("E1: for every figure the number of items explained equals the figure")
    void e1CountEqualsFigure(@ForAll("messages") Message m) {
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        ReferenceTotals.Result r = ReferenceTotals.compute(m.recipients(), m.deliveryModes(), K);
        for (Figure f : Figure.values()) {
            assertThat(a.explain(f).count()).as(f.label()).isEqualTo(a.figure(f));
        }
        // the figure values themselves are the core's totals (checked against the reference elsewhere)
        assertThat(a.figure(Figure.TOTAL_TEXT_ATTEMPTED)).isEqualTo(r.totals().totalTextAttempted());
        assertThat(a.figure(Figure.TOTAL_VOICE_TEXT_ATTEMPTED)).isEqualTo(r.voiceTextAttempted());
    }

    @Property
    @Label("D4, D5, E3: the Delivery Summary answers each figure by name with the reference count, as the analysis does")
    void summaryFigureByNameIsTheReferenceCount(@ForAll("messages") Message m) {
        DeliverySummary s = DeliverySummary.of(m);
        ReferenceTotals.Result r = ReferenceTotals.compute(m.recipients(), m.deliveryModes(), K);
        DeliveryTotals t = r.totals();
        Map<Figure, Integer> expected = new EnumMap<>(Figure.class);
        expected.put(Figure.TOTAL_RECIPIENTS, t.totalRecipients());
        expected.put(Figure.TOTAL_NO_DEVICE, t.totalNoDevice());
        expected.put(Figure.TOTAL_INBOX, t.totalInbox());
        expected.put(Figure.TOTAL_EMAILS, t.totalEmails());
        expected.put(Figure.TOTAL_EMAILS_ATTEMPTED, t.totalEmailsAttempted());
        expected.put(Figure.TOTAL_VOICE, t.totalVoice());
        expected.put(Figure.TOTAL_VOICE_ATTEMPTED, t.totalVoiceAttempted());
        expected.put(Figure.TOTAL_TEXT, t.totalText());
        expected.put(Figure.TOTAL_TEXT_ATTEMPTED, t.totalTextAttempted());
        expected.put(Figure.CONTACTED_BY_PHONE, t.contactedByPhone());
        expected.put(Figure.NOT_CONTACTED_BY_PHONE, t.notContactedByPhone());
        expected.put(Figure.TOTAL_VOICE_TEXT, r.voiceText());
        expected.put(Figure.TOTAL_VOICE_TEXT_ATTEMPTED, r.voiceTextAttempted());
        assertThat(expected.keySet()).containsExactly(Figure.values());
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        for (Figure f : Figure.values()) {
            assertThat(s.figure(f)).as(f.label()).isEqualTo(expected.get(f)).isEqualTo(a.figure(f));
        }
    }

    @Property
    @Label("E1, D2: an address item's devices all normalise to its address, and on each channel only the first is not a duplicate")
    void e1AddressItemsCarryTheirOccurrencesAndDuplicateMarks(@ForAll("messages") Message m) {
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        for (Figure f : Figure.values()) {
            if (f.counts() != Figure.Counts.ADDRESSES) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (CountedItem item : a.explain(f).items()) {
                CountedItem.Address address = (CountedItem.Address) item;
                assertThat(seen.add(address.address())).as("%s lists %s once", f, address.address()).isTrue();
                Set<Channel> firstSeen = new HashSet<>();
                for (DeviceRef d : address.devices()) {
                    Device device = m.recipients().get(d.entryIndex()).devices().get(d.deviceIndex());
                    assertThat(d.device()).isSameAs(device);
                    assertThat(Addresses.normalise(device.channel(), device.address())).isEqualTo(address.address());
                    assertThat(m.deliveryModes()).contains(device.channel());
                    assertThat(address.channels()).contains(device.channel());
                    assertThat(d.duplicate()).as("%s device %d.%d", f, d.entryIndex(), d.deviceIndex())
                            .isEqualTo(!firstSeen.add(device.channel()));
                    assertThat(d.outcomeClass()).isEqualTo(K.classify(device.channel(), device.outcome(),
                            device.confirmed()));
                }
            }
        }
    }

    @Property
    @Label("E1: every non-blank device of a counted channel is behind exactly one item of the every-status figures")
    void e1EveryDeviceIsBehindOneItem(@ForAll("messages") Message m) {
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        for (Figure f : List.of(Figure.TOTAL_EMAILS, Figure.TOTAL_VOICE, Figure.TOTAL_TEXT, Figure.TOTAL_VOICE_TEXT)) {
            Set<List<Integer>> behind = new HashSet<>();
            for (CountedItem item : a.explain(f).items()) {
                for (DeviceRef d : item.devices()) {
                    assertThat(behind.add(List.of(d.entryIndex(), d.deviceIndex()))).isTrue();
                }
            }
            Set<List<Integer>> expected = new HashSet<>();
            for (int e = 0; e < m.recipients().size(); e++) {
                List<Device> devices = m.recipients().get(e).devices();
                for (int d = 0; d < devices.size(); d++) {
                    Channel c = devices.get(d).channel();
                    boolean onFigure = f == Figure.TOTAL_VOICE_TEXT ? c.isPhone()
                            : f == Figure.TOTAL_EMAILS ? c == Channel.EMAIL
                            : f == Figure.TOTAL_VOICE ? c == Channel.VOICE : c == Channel.TEXT;
                    if (onFigure && m.deliveryModes().contains(c) && !devices.get(d).isBlank()) {
                        expected.add(List.of(e, d));
                    }
                }
            }
            assertThat(behind).as(f.label()).isEqualTo(expected);
        }
    }

    @Property
    @Label("E1, D4: the person figures list distinct persons; contacted and not contacted split Total Recipients")
    void e1PersonItems(@ForAll("messages") Message m) {
        DeliveryAnalysis a = DeliveryAnalysis.of(m);
        Set<String> all = ids(a.explain(Figure.TOTAL_RECIPIENTS));
        Set<String> contacted = ids(a.explain(Figure.CONTACTED_BY_PHONE));
        Set<String> notContacted = ids(a.explain(Figure.NOT_CONTACTED_BY_PHONE));
        Set<String> expected = new HashSet<>();
        for (RecipientEntry e : m.recipients()) {
            expected.add(e.person().id());
        }
        assertThat(all).isEqualTo(expected);
        Set<String> union = new HashSet<>(contacted);
        union.addAll(notContacted);
        assertThat(union).isEqualTo(all);
        assertThat(contacted.size() + notContacted.size()).as("disjoint").isEqualTo(all.size());
        for (CountedItem item : a.explain(Figure.TOTAL_NO_DEVICE).items()) {
            assertThat(item.devices()).isEmpty();
            String id = ((CountedItem.Recipient) item).person().id();
            assertThat(m.recipients()).filteredOn(e -> e.person().id().equals(id))
                    .allSatisfy(e -> assertThat(e.devices())
                            .allMatch(d -> !m.deliveryModes().contains(d.channel()) || d.isBlank()));
        }
        for (CountedItem item : a.explain(Figure.NOT_CONTACTED_BY_PHONE).items()) {
            assertThat(item.devices()).allMatch(d -> d.device().channel().isPhone());
        }
    }

    @net.jqwik.api.Example
    @Label("E1: explaining after the analysed list of entries changed size is refused, naming both sizes")
    void e1RefusesAChangedList() {
        List<RecipientEntry> entries = new java.util.ArrayList<>(List.of(RecipientEntry.of(
                dev.sentlog.core.message.Person.of("p-1", "A"), null, List.of())));
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, Set.of(Channel.EMAIL), K);
        entries.add(entries.get(0));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> a.explain(Figure.TOTAL_RECIPIENTS))
                .withMessage("the recipient list changed after the analysis: it has 2 entries, 1 were analysed");
        org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> a.explain(null));
    }

    private static Set<String> ids(FigureExplanation x) {
        Set<String> ids = new HashSet<>();
        for (CountedItem item : x.items()) {
            assertThat(ids.add(((CountedItem.Recipient) item).person().id())).isTrue();
        }
        return ids;
    }

    @Provide
    Arbitrary<Message> messages() {
        return MessageArbitraries.message();
    }
}
