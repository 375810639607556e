package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.ALL_RIGHTS;
import static dev.sentlog.core.log.TestMessages.HARRISON;
import static dev.sentlog.core.log.TestMessages.LINCOLN;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random chains of record / report / provider finishing a message / duplicate reports / cancel /
 * refresh / clock advance (with housekeeping) / provider outage against a simple model, with the invariants of M2, M3, C3, C5, R2, S2, T4,
 * V2 and D7 checked after every step.
 */
class LogStatefulTest {

    /** Steps per chain: short, so that ten thousand chains run in about a minute. */
    static final int CHAIN_LENGTH = 12;
    private static final OutcomeClassifier STANDARD = OutcomeClassifier.standard();
    private static final SearchCriteria WEEK = SearchCriteria.createdBetween(TestMessages.DAY.minusDays(1),
            TestMessages.DAY.plusDays(7));
    private static final List<String> DEVICES = List.of("0.0", "0.1", "0.2", "0.3", "1.0", "2.1", "2.2");
    private static final List<List<DeviceOutcome>> OUTCOMES = List.of(
            List.of(DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED)),
            List.of(DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED)),
            List.of(DeviceOutcome.call(5), DeviceOutcome.call(17), DeviceOutcome.call(-2)),
            List.of(DeviceOutcome.call(-27), DeviceOutcome.call(-39), DeviceOutcome.of(DeviceStatus.OPTED_OUT)),
            List.of(DeviceOutcome.call(6), DeviceOutcome.call(17), DeviceOutcome.call(8)),
            List.of(DeviceOutcome.call(5), DeviceOutcome.call(10)),
            List.of(DeviceOutcome.call(-28), DeviceOutcome.call(-33)));

    /** The system under test and the model it is compared with. */
    static final class World {
        final TransitionCheckingStore store = new TransitionCheckingStore();
        final LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.store(store).searchCap(3));
        final List<String> ids = new ArrayList<>();
        final Map<String, String> schoolOf = new HashMap<>();
        final Set<String> scheduler = new HashSet<>();
        final Map<String, String> jobOf = new HashMap<>();
        /** Devices once seen CANCELED, and once seen final: R2, C5 say they stay so. */
        final Set<String> seenCanceled = new HashSet<>();
        /**
         * Heather's other phone devices in messages where her call was confirmed: a confirmation's
         * CANCELED (R3) is the log's guess, which the provider's final report replaces (R2, C2).
         */
        final Set<String> stoppedByConfirmation = new HashSet<>();
        final Map<String, DeviceOutcome> seenFinal = new HashMap<>();
        final Caller lincolnOnly = Caller.of("u-1", "Administrator, System", ALL_RIGHTS, Set.of(LINCOLN))
                .inAdministrationLog();

        void record(int kind, boolean lincoln) {
            String id = "m-" + ids.size();
            Message.Builder b = message(id).createdAt(h.clock.instant()).scheduledAt(h.clock.instant())
                    .districtOrSchool(lincoln ? LINCOLN : HARRISON);
            if (kind == 1) {
                b.scheduledAt(h.clock.instant().plus(Duration.ofMinutes(90)));
            } else if (kind == 2) {
                b.scheduledAt(h.clock.instant().plus(Duration.ofMinutes(90))).scheduleName("Daily");
                scheduler.add(id);
            }
            h.log.record(b.build());
            ids.add(id);
            schoolOf.put(id, lincoln ? LINCOLN : HARRISON);
        }

        String job(String id) {
            if (!jobOf.containsKey(id)) {
                for (String job : h.provider.submittedJobs) {
                    if (h.provider.batches.get(job).messageId().equals(id)) {
                        jobOf.put(id, job);
                    }
                }
            }
            return jobOf.get(id);
        }

        void report(int message, int device, int outcome) {
            String id = ids.get(message % ids.size());
            String job = job(id);
            if (job == null) {
                return;
            }
            String d = DEVICES.get(device);
            List<DeviceOutcome> options = OUTCOMES.get(device);
            boolean confirmed = device == 2 && outcome == 0;
            DeviceReport r = h.provider.reach(job, d, options.get(outcome % options.size()), confirmed,
                    h.clock.instant());
            if (r != null) {
                if (confirmed) {
                    stoppedByConfirmation.add(id + "/0.3");
                    stoppedByConfirmation.add(id + "/1.0");
                }
                h.log.acceptReports("sim", job, List.of(r));
            }
        }

        void finish(int message) {
            String id = ids.get(message % ids.size());
            String job = job(id);
            if (job == null) {
                return;
            }
            List<DeviceReport> all = new ArrayList<>();
            for (int d = 0; d < DEVICES.size(); d++) {
                DeviceReport r = h.provider.reach(job, DEVICES.get(d), OUTCOMES.get(d).get(0), false,
                        h.clock.instant());
                if (r != null) {
                    all.add(r);
                }
            }
            h.log.acceptReports("sim", job, all);
        }

        void duplicateReports(int message) {
            String id = ids.get(message % ids.size());
            String job = job(id);
            if (job == null) {
                return;
            }
            List<DeviceReport> again = h.provider.latestReports(job);
            Message before = h.log.printable(admin(), id);
            ReportsApplied applied = h.log.acceptReports("sim", job, again);
            assertThat(applied.applied()).as("R2: a repeated report changes nothing").isZero();
            assertThat(h.log.printable(admin(), id).recipients()).isEqualTo(before.recipients());
        }

        void cancel(int message) {
            String id = ids.get(message % ids.size());
            Throwable t = catchThrowable(() -> h.log.cancel(admin(), id));
            if (t instanceof MessageNotCancelableException e) {
                assertThat(e.status().isCancelable()).as("C1").isFalse();
            } else if (t instanceof MessageNotFoundException) {
                assertThat(hidden(id)).as("V2: only a hidden message is not found").isTrue();
            } else {
                assertThat(t).isNull();
            }
        }

        void refresh(int message) {
            String id = ids.get(message % ids.size());
            Throwable t = catchThrowable(() -> h.log.refresh(admin(), id));
            assertThat(t == null || t instanceof MessageNotFoundException && hidden(id)).as(String.valueOf(t))
                    .isTrue();
        }

        void advance(int minutes) {
            h.clock.advance(Duration.ofMinutes(minutes));
            h.log.tick();
        }

        void outage(boolean down) {
            ScriptedProvider.Behaviour b = down ? ScriptedProvider.Behaviour.THROW : ScriptedProvider.Behaviour.ANSWER;
            h.provider.onCancel = b;
            h.provider.onPoll = b;
        }

        boolean hidden(String id) {
            return !visibleNow(id);
        }

        void checkInvariants() {
            assertThat(store.illegal).as("M2: only allowed transitions").isEmpty();
            SearchResult all = h.log.search(admin(), WEEK);
            long visible = ids.stream().filter(this::visibleNow).count();
            assertThat(all.totalMatched()).as("S2 total, V2").isEqualTo(visible);
            assertThat(all.rows().size()).as("S2 cap").isEqualTo((int) Math.min(3, visible));
            assertThat(all.isCut()).isEqualTo(visible > 3);
            SearchResult scoped = h.log.search(lincolnOnly, WEEK);
            assertThat(scoped.rows()).extracting(MessageRow::districtOrSchool).as("T3").allMatch(LINCOLN::equals);
            for (String id : ids) {
                if (!visibleNow(id)) {
                    assertThat(catchThrowable(() -> h.log.select(admin(), id)))
                            .isInstanceOf(MessageNotFoundException.class);
                    continue;
                }
                if (!LINCOLN.equals(schoolOf.get(id))) {
                    assertThat(catchThrowable(() -> h.log.select(lincolnOnly, id))).as("T4")
                            .isExactlyInstanceOf(MessageNotFoundException.class)
                            .hasMessage(new MessageNotFoundException(id).getMessage());
                }
                checkMessage(h.log.printable(admin(), id));
            }
        }

        private boolean visibleNow(String id) {
            if (!scheduler.contains(id)) {
                return true;
            }
            return !store.header(id).orElseThrow().scheduledAt().orElseThrow().isAfter(h.clock.instant());
        }

        private void checkMessage(Message m) {
            List<Device> deliverable = new ArrayList<>();
            for (int e = 0; e < m.recipients().size(); e++) {
                List<Device> ds = m.recipients().get(e).devices();
                for (int d = 0; d < ds.size(); d++) {
                    Device dev = ds.get(d);
                    String key = m.id() + "/" + e + "." + d;
                    OutcomeClass c = STANDARD.classify(dev.channel(), dev.outcome(), dev.confirmed());
                    if (seenCanceled.contains(key) && !stoppedByConfirmation.contains(key)) {
                        assertThat(c).as("C5: canceled stays canceled " + key).isEqualTo(OutcomeClass.CANCELED);
                    }
                    if (c == OutcomeClass.CANCELED) {
                        seenCanceled.add(key);
                    }
                    if (seenFinal.containsKey(key)) {
                        assertThat(c.isFinal()).as("R2: final never replaced by non-final " + key).isTrue();
                    }
                    if (c.isFinal()) {
                        seenFinal.put(key, dev.outcome());
                    }
                    if (!Addresses.normalise(dev.channel(), dev.address()).isBlank()) {
                        deliverable.add(dev);
                    }
                }
            }
            MessageStatus s = m.status();
            if (s == MessageStatus.CANCELED) {
                assertThat(deliverable).as("C3: Canceled means nothing attempted").allMatch(d ->
                        !STANDARD.classify(d.channel(), d.outcome(), d.confirmed()).attempted());
            }
            if (s == MessageStatus.CANCELED || s == MessageStatus.CANCELED_IP) {
                assertThat(m.cancellation()).as("C4: a canceled message shows its request").isPresent();
            }
            if (s == MessageStatus.CANCELED_IP) {
                assertThat(m.startedAt()).as("C3: Canceled IP only after the handover").isPresent();
            }
            if (s == MessageStatus.SENT || s == MessageStatus.CANCELED_IP) {
                assertThat(deliverable).as("M3: every handed-over device final").allMatch(d ->
                        STANDARD.classify(d.channel(), d.outcome(), d.confirmed()).isFinal());
            }
            DeliveryTotals t = h.log.select(admin(), m.id()).summary().totals();
            assertThat(t.totalEmailsAttempted()).as("D7").isLessThanOrEqualTo(t.totalEmails());
            assertThat(t.totalVoiceAttempted()).as("D7").isLessThanOrEqualTo(t.totalVoice());
            assertThat(t.totalTextAttempted()).as("D7").isLessThanOrEqualTo(t.totalText());
            assertThat(t.contactedByPhone() + t.notContactedByPhone()).as("D7").isEqualTo(t.totalRecipients());
            assertThat(t.totalNoDevice()).as("D7").isLessThanOrEqualTo(t.totalRecipients());
        }
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, (Action.Independent<World>) () -> Combinators.combine(
                        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false)).as((k, l) ->
                        Transformer.mutate("record kind " + k + (l ? " Lincoln" : " Harrison"), w -> w.record(k, l))))
                .withAction(6, new Action.Dependent<World>() {
                    @Override
                    public boolean precondition(World w) {
                        return !w.ids.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<World>> transformer(World w) {
                        return Combinators.combine(Arbitraries.integers().between(0, 50),
                                Arbitraries.integers().between(0, DEVICES.size() - 1),
                                Arbitraries.integers().between(0, 2)).as((m, d, o) ->
                                Transformer.mutate("report m" + m + " device " + d + " outcome " + o,
                                        x -> x.report(m, d, o)));
                    }
                })
                .withAction(2, new IndexAction("duplicate reports", World::duplicateReports))
                .withAction(1, new IndexAction("provider finishes", World::finish))
                .withAction(2, new IndexAction("cancel", World::cancel))
                .withAction(2, new IndexAction("refresh", World::refresh))
                .withAction(2, (Action.Independent<World>) () -> Arbitraries.integers().between(1, 150)
                        .map(min -> Transformer.mutate("advance " + min + " min", w -> w.advance(min))))
                .withAction(1, (Action.Independent<World>) () -> Arbitraries.of(true, false)
                        .map(down -> Transformer.mutate("provider " + (down ? "down" : "up"), w -> w.outage(down))))
                .withMaxTransformations(CHAIN_LENGTH);
    }

    /** An action on one recorded message, by index. */
    private record IndexAction(String name, java.util.function.ObjIntConsumer<World> step)
            implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.ids.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.integers().between(0, 50).map(i -> Transformer.mutate(name + " m" + i,
                    x -> step.accept(x, i)));
        }
    }

    /**
     * Ten thousand chains of up to {@value #CHAIN_LENGTH} steps per build; the seed comes from the
     * system property {@code sentlog.test.seed} when set ({@link SeedFromSystemProperty}).
     */
    @Property(tries = 10_000)
    @AddLifecycleHook(SeedFromSystemProperty.class)
    void M2_C3_C5_R2_S2_T4_D7_holdAfterEveryStepOfAnyChain(@ForAll("chains") ActionChain<World> chain) {
        World end = chain.withInvariant("M2 C3 C5 R2 S2 T4 D7", World::checkInvariants).run();
        end.h.close();
    }
}
