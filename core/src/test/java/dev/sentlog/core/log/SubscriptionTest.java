package dev.sentlog.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.live.ChangeFeed;
import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.live.Subscription;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC E4: subscriptions to a message's changes, on one log and across two logs over one store. */
class SubscriptionTest {

    private static final long TIMEOUT = 10;

    /** The reports of the seed message that each move a figure, in order. */
    private static final List<Object[]> CHANGES = List.of(
            new Object[] {"0.0", DeviceOutcome.of(DeviceStatus.SENT)},
            new Object[] {"0.1", DeviceOutcome.of(DeviceStatus.SENT)},
            new Object[] {"0.2", DeviceOutcome.call(17)},
            new Object[] {"0.3", DeviceOutcome.call(-33)},
            new Object[] {"2.1", DeviceOutcome.call(5)},
            new Object[] {"0.2", DeviceOutcome.call(6)},
            new Object[] {"1.0", DeviceOutcome.call(-2)},
            new Object[] {"2.2", DeviceOutcome.call(-28)});

    private static final class Recorder implements Consumer<MessageChange> {
        final BlockingQueue<MessageChange> events = new LinkedBlockingQueue<>();

        @Override
        public void accept(MessageChange c) {
            events.add(c);
        }

        MessageChange next() throws InterruptedException {
            MessageChange c = events.poll(TIMEOUT, TimeUnit.SECONDS);
            assertThat(c).as("an event within %d s", TIMEOUT).isNotNull();
            return c;
        }

        /** Events until one shows the expected state. */
        List<MessageChange> until(MessageChange expected) throws InterruptedException {
            List<MessageChange> out = new ArrayList<>();
            while (out.isEmpty() || !sameState(out.get(out.size() - 1), expected)) {
                out.add(next());
            }
            return out;
        }
    }

    private static boolean sameState(MessageChange a, MessageChange b) {
        return a.status() == b.status() && a.summary().equals(b.summary());
    }

    private static MessageChange current(LogHarness h) {
        return h.log.current(TestMessages.admin(), "m-1");
    }

    @Test
    @DisplayName("E4 each change reaches each subscriber once and in order, numbered consecutively, the first "
            + "event the state when subscribed")
    void E4_eachChangeOnceAndInOrder() throws Exception {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            Subscription sa = h.log.subscribe(TestMessages.admin(), "m-1", a::accept);
            Subscription sb = h.log.subscribe(TestMessages.admin(), "m-1", b::accept);
            MessageChange first = a.next();
            assertThat(first.kind()).isEqualTo(MessageChange.Kind.CURRENT);
            assertThat(b.next()).isEqualTo(first);

            List<MessageChange> observed = new ArrayList<>();
            for (Object[] change : CHANGES) {
                h.push((String) change[0], (DeviceOutcome) change[1]);
                observed.add(current(h));
            }
            MessageChange last = observed.get(observed.size() - 1);
            List<MessageChange> eventsA = a.until(last);
            List<MessageChange> eventsB = b.until(last);

            assertThat(eventsB).as("both subscribers see the same changes").isEqualTo(eventsA);
            for (int i = 0; i < eventsA.size(); i++) {
                MessageChange e = eventsA.get(i);
                assertThat(e.kind()).isEqualTo(MessageChange.Kind.CHANGED);
                assertThat(e.sequence()).as("consecutive sequence numbers").isEqualTo(first.sequence() + i + 1);
                MessageChange previous = i == 0 ? first : eventsA.get(i - 1);
                assertThat(sameState(e, previous)).as("each event is a change").isFalse();
            }
            // every state a caller saw after a report is among the events, in the same order
            int from = 0;
            for (MessageChange seen : observed) {
                int at = from;
                while (at < eventsA.size() && !sameState(eventsA.get(at), seen)) {
                    at++;
                }
                assertThat(at).as("state after a report published in order: %s", seen).isLessThan(eventsA.size());
                from = at;
            }
            assertThat(last.status()).isEqualTo(MessageStatus.SENT);
            assertThat(last.summary()).isEqualTo(DeliverySummary.of(h.snapshot("m-1")));
            sa.close();
            sb.close();
            assertThat(sa.isOpen()).isFalse();
        }
    }

    @Test
    @DisplayName("E4 a slow subscriber never slows report intake; when its queue overflows it is told so with "
            + "the newest state, while a prompt subscriber sees every change")
    void E4_slowSubscriberOverflows() throws Exception {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.subscriberQueue(2))) {
            h.log.record(TestMessages.message("m-1").build());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            List<MessageChange> slow = new CopyOnWriteArrayList<>();
            Recorder prompt = new Recorder();
            CountDownLatch twoEvents = new CountDownLatch(2);
            h.log.subscribe(TestMessages.admin(), "m-1", c -> {
                slow.add(c);
                twoEvents.countDown();
                if (slow.size() == 1) {
                    blocked.countDown();
                    await(release);
                }
            });
            h.log.subscribe(TestMessages.admin(), "m-1", prompt::accept);
            assertThat(blocked.await(TIMEOUT, TimeUnit.SECONDS)).as("the slow listener holds its first event").isTrue();

            // intake on another thread, so that a wait on the slow subscriber fails the test instead of hanging it
            CompletableFuture<Void> intake = CompletableFuture.runAsync(() -> {
                for (Object[] change : CHANGES) {
                    h.push((String) change[0], (DeviceOutcome) change[1]);
                }
            });
            intake.get(TIMEOUT, TimeUnit.SECONDS);
            MessageChange last = current(h);
            List<MessageChange> all = prompt.until(last);
            assertThat(all.get(all.size() - 1).sequence()).isEqualTo(last.sequence());
            assertThat(slow).as("the slow listener is still on its first event").hasSize(1);

            release.countDown();
            assertThat(twoEvents.await(TIMEOUT, TimeUnit.SECONDS)).as("a second event after the release").isTrue();
            assertThat(slow).hasSize(2);
            MessageChange told = slow.get(1);
            assertThat(told.kind()).as("told it fell behind").isEqualTo(MessageChange.Kind.OVERFLOW);
            assertThat(told.sequence()).isEqualTo(last.sequence());
            assertThat(sameState(told, last)).as("the overflow event carries the newest state").isTrue();
        }
    }

    @Test
    @DisplayName("E4 a listener that throws keeps its subscription; a closed subscription receives nothing more")
    void E4_throwingAndClosedListeners() throws Exception {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            Recorder throwing = new Recorder();
            Recorder closed = new Recorder();
            h.log.subscribe(TestMessages.admin(), "m-1", c -> {
                throwing.accept(c);
                throw new IllegalStateException("listener fails");
            });
            Subscription s = h.log.subscribe(TestMessages.admin(), "m-1", closed::accept);
            throwing.next();
            closed.next();
            s.close();
            s.close();

            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("0.1", DeviceOutcome.of(DeviceStatus.SENT));
            MessageChange last = current(h);
            assertThat(throwing.until(last)).isNotEmpty();
            assertThat(closed.events).as("nothing after close").isEmpty();
        }
    }

    @Test
    @DisplayName("E4 T4 subscribing and reading the current state need the Read right and a visible message")
    void E4_T4_accessChecked() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            Caller noRights = Caller.of("u-2", "Teacher, Tina", Set.of(), Set.of());
            Caller otherSchool = Caller.of("u-1", "Administrator, System", TestMessages.ALL_RIGHTS,
                    Set.of(TestMessages.LINCOLN)).inAdministrationLog();

            assertThatThrownBy(() -> h.log.subscribe(noRights, "m-1", c -> { }))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> h.log.subscribe(otherSchool, "m-1", c -> { }))
                    .isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> h.log.current(otherSchool, "m-1")).isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> h.log.subscribe(TestMessages.admin(), "m-9", c -> { }))
                    .isInstanceOf(MessageNotFoundException.class);
        }
    }

    /** A feed that passes every change of one log to the other, as a database's notifications would. */
    private static final class LinkedFeed implements ChangeFeed {
        private volatile Consumer<String> receiver;

        @Override
        public void start(Consumer<String> changed) {
            receiver = changed;
        }

        void changed(String id) {
            receiver.accept(id);
        }

        @Override
        public void close() {
            receiver = id -> { };
        }
    }

    @Test
    @DisplayName("E4 N3 with a change feed, changes made by another log over the same store reach this log's "
            + "subscribers")
    void E4_changesOfAnotherLogArriveThroughTheFeed() throws Exception {
        MessageStore shared = MessageStore.inMemory();
        LinkedFeed feed = new LinkedFeed();
        try (LogHarness writer = new LogHarness(ScriptedProvider.all("sim"), b -> b.store(shared));
             LogHarness reader = new LogHarness(ScriptedProvider.all("sim"), b -> b.store(shared).changeFeed(feed))) {
            writer.log.record(TestMessages.message("m-1").build());
            Recorder events = new Recorder();
            reader.log.subscribe(TestMessages.admin(), "m-1", events::accept);
            MessageChange first = events.next();

            writer.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            feed.changed("m-1");
            MessageChange after = current(writer);
            List<MessageChange> seen = events.until(after);
            assertThat(seen.get(seen.size() - 1).sequence()).isEqualTo(first.sequence() + 1);

            writer.push("2.1", DeviceOutcome.call(5));
            feed.changed(ChangeFeed.ANY_MESSAGE);
            assertThat(events.until(current(writer))).hasSize(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
