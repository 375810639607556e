package dev.sentlog.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.SummaryFigures;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC E3 and D7 as a property: random report sequences (duplicate addresses in other spellings,
 * repeated and out-of-order reports, confirmations and R3 stops, cancels) go through the log, and
 * after each step the store's maintained summary equals the batch analysis of the devices at that
 * moment, and so does the summary the log shows.
 */
class LiveSummaryPropertyTest {

    /** One step: a report on the device at an index among the submitted ones, or a cancel. */
    record Step(boolean cancel, int device, int outcomeSeed, boolean confirmed, long sequence, int second) {
    }

    @Provide
    static Arbitrary<Message> messages() {
        return Combinators.combine(MessageArbitraries.entries(14), MessageArbitraries.modes(),
                Arbitraries.of(true, false)).as((entries, modes, texting) -> MessageArbitraries.sampleBuilder("m-1")
                .status(MessageStatus.WAITING).deliveryModes(modes).textMessagingEnabled(texting)
                .recipients(pending(entries)).build());
    }

    private static List<RecipientEntry> pending(List<RecipientEntry> entries) {
        List<RecipientEntry> out = new ArrayList<>();
        for (RecipientEntry e : entries) {
            List<Device> devices = new ArrayList<>();
            for (Device d : e.devices()) {
                devices.add(Device.of(d.channel(), d.address(), DeviceStatus.PENDING));
            }
            out.add(RecipientEntry.of(e.person(), e.student().orElse(null), devices));
        }
        return out;
    }

    @Provide
    static Arbitrary<List<Step>> steps() {
        Arbitrary<Step> report = Combinators.combine(Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 1_000), Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(4, false), net.jqwik.api.Tuple.of(1, true)),
                Arbitraries.longs().between(0, 6), Arbitraries.integers().between(0, 600))
                .as((device, outcome, confirmed, seq, second) -> new Step(false, device, outcome, confirmed, seq,
                        second));
        Arbitrary<Step> cancel = Arbitraries.just(new Step(true, 0, 0, false, 0, 0));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, report), net.jqwik.api.Tuple.of(1, cancel))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void E3_D7_theMaintainedSummaryEqualsTheAnalysisAfterEveryStep(@ForAll("messages") Message message,
                                                                    @ForAll("steps") List<Step> steps,
                                                                    @ForAll long seed) {
        Assume.that(!submitted(message).isEmpty());
        run(MessageStore.inMemory(), message, steps, seed);
    }

    /**
     * Records the message on a log over the store, then takes the steps, checking after each that the
     * maintained summary equals the analysis of the devices (E3).
     */
    static void run(MessageStore store, Message message, List<Step> steps, long seed) {
        String messageId = message.id();
        // a provider per message, so that job ids are unique in a store shared by several runs
        String provider = "sim-" + messageId;
        try (LogHarness h = new LogHarness(ScriptedProvider.all(provider), b -> b.store(store))) {
            h.log.record(message);
            List<String> deviceIds = submitted(message);
            String job = h.provider.onlyJob();
            Random random = new Random(seed);
            List<DeviceReport> sent = new ArrayList<>();
            checkSummary(h, store, messageId, "after recording");
            for (Step step : steps) {
                if (step.cancel()) {
                    try {
                        h.log.cancel(TestMessages.admin(), messageId);
                    } catch (MessageNotCancelableException e) {
                        // a final message: the step changes nothing, which the check below confirms
                    }
                    checkSummary(h, store, messageId, "after a cancel");
                    continue;
                }
                DeviceReport r;
                if (!sent.isEmpty() && random.nextInt(5) == 0) {
                    r = sent.get(random.nextInt(sent.size())); // the same report again (R2)
                } else {
                    String id = deviceIds.get(step.device() % deviceIds.size());
                    Channel channel = channelOf(message, id);
                    DeviceOutcome outcome = outcome(channel, step.outcomeSeed());
                    r = DeviceReport.of(id, outcome, step.confirmed() && channel == Channel.VOICE,
                            id + "/" + step.sequence(), step.sequence(), TestMessages.T0.plusSeconds(step.second()));
                    sent.add(r);
                }
                h.log.acceptReports(provider, job, List.of(r));
                checkSummary(h, store, messageId, "after report " + r);
            }
        }
    }

    private static void checkSummary(LogHarness h, MessageStore store, String id, String when) {
        Message now = h.snapshot(id);
        SummaryFigures expected = SummaryFigures.of(DeliveryAnalysis.of(now));
        assertThat(store.summary(id).orElseThrow().figures()).as("E3 maintained figures %s", when)
                .isEqualTo(expected);
        assertThat(h.log.current(TestMessages.admin(), id).summary()).as("E3 the log's live summary %s", when)
                .isEqualTo(DeliverySummary.of(now));
        assertThat(h.log.select(TestMessages.admin(), id).summary()).as("E3 the selected summary %s", when)
                .isEqualTo(DeliverySummary.of(now));
    }

    /** The ids of the devices the provider was handed: those on the message's delivery modes. */
    static List<String> submitted(Message m) {
        Set<Channel> modes = m.deliveryModes();
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < m.recipients().size(); e++) {
            List<Device> devices = m.recipients().get(e).devices();
            for (int d = 0; d < devices.size(); d++) {
                Device dev = devices.get(d);
                if (modes.contains(dev.channel()) && !Addresses.normalise(dev.channel(), dev.address()).isBlank()) {
                    ids.add(DeviceIds.of(e, d));
                }
            }
        }
        return ids;
    }

    private static Channel channelOf(Message m, String id) {
        return LogHarness.device(m, id).channel();
    }

    private static final DeviceOutcome[] EMAIL = {DeviceOutcome.of(DeviceStatus.IN_PROGRESS),
        DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED)};
    private static final DeviceOutcome[] VOICE = {DeviceOutcome.of(DeviceStatus.IN_PROGRESS), DeviceOutcome.call(5),
        DeviceOutcome.call(6), DeviceOutcome.call(17), DeviceOutcome.call(-2), DeviceOutcome.call(0),
        DeviceOutcome.call(99)};
    private static final DeviceOutcome[] TEXT = {DeviceOutcome.of(DeviceStatus.IN_PROGRESS),
        DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.call(-27), DeviceOutcome.call(-28), DeviceOutcome.call(-39),
        DeviceOutcome.call(-33), DeviceOutcome.of(DeviceStatus.OPTED_OUT), DeviceOutcome.of(DeviceStatus.FAILED)};

    private static DeviceOutcome outcome(Channel channel, int seed) {
        DeviceOutcome[] pool = channel == Channel.VOICE ? VOICE : channel == Channel.TEXT ? TEXT : EMAIL;
        return pool[seed % pool.length];
    }
}
