package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.live.Subscription;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One event stream on its own (SPEC E4, W2): what it writes for the changes queued, its overflow, its
 * heartbeat, and that it always closes its subscription. The writer runs on the test's thread, after
 * the changes are queued, so each case is one fixed interleaving.
 */
@Timeout(30)
class EventStreamTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    /** A subscription that counts its closes. */
    private static final class CountedSubscription implements Subscription {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public String messageId() {
            return "m-1";
        }

        @Override
        public boolean isOpen() {
            return closes.get() == 0;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static MessageChange change(long sequence, MessageChange.Kind kind, MessageStatus status, int recipients) {
        DeliveryTotals totals = new DeliveryTotals(recipients, 0, 0, 0, 0, 0, 0, 0, 0, 0, recipients);
        return new MessageChange("m-1", sequence, kind, status, new DeliverySummary(totals, 0, 0, false, null, null, null));
    }

    private static String data(MessageChange c) {
        return c.status().name() + " " + c.summary().totals().totalRecipients();
    }

    private static List<String> events(String written) {
        List<String> events = new ArrayList<>();
        for (String block : written.split("\n\n")) {
            if (!block.isEmpty()) {
                events.add(block.replace('\n', '|'));
            }
        }
        return events;
    }

    @Test
    @DisplayName("E4 W2 each change is one event, in order, named after its kind, with the change's sequence as its id;"
            + " a final status ends the stream and closes the subscription")
    void changesInOrderUntilFinal() throws IOException {
        EventStream stream = new EventStream(() -> {
            throw new AssertionError("the state now is read only after an overflow");
        }, EventStreamTest::data, LONG, 8);
        CountedSubscription s = new CountedSubscription();
        stream.attach(s);
        stream.onChange(change(3, MessageChange.Kind.CURRENT, MessageStatus.IN_PROGRESS, 1));
        stream.onChange(change(4, MessageChange.Kind.CHANGED, MessageStatus.IN_PROGRESS, 2));
        stream.onChange(change(5, MessageChange.Kind.CHANGED, MessageStatus.SENT, 3));
        stream.onChange(change(6, MessageChange.Kind.CHANGED, MessageStatus.SENT, 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        assertThat(events(out.toString(StandardCharsets.UTF_8))).containsExactly(
                "id: 3|event: current|data: IN_PROGRESS 1",
                "id: 4|event: changed|data: IN_PROGRESS 2",
                "id: 5|event: changed|data: SENT 3");
        assertThat(s.closes).hasValue(1);
    }

    @Test
    @DisplayName("E4 a client slower than the changes is sent the state now once, as an overflow event, instead of the"
            + " changes it missed; a change it already has is not sent again")
    void overflowSendsTheStateNow() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        EventStream stream = new EventStream(() -> {
            reads.incrementAndGet();
            return change(4, MessageChange.Kind.CURRENT, MessageStatus.IN_PROGRESS, 40);
        }, EventStreamTest::data, LONG, 3);
        stream.attach(new CountedSubscription());
        stream.onChange(change(0, MessageChange.Kind.CURRENT, MessageStatus.IN_PROGRESS, 0));
        stream.onChange(change(1, MessageChange.Kind.CHANGED, MessageStatus.IN_PROGRESS, 10));
        stream.onChange(change(2, MessageChange.Kind.CHANGED, MessageStatus.IN_PROGRESS, 20));
        // the queue holds 3: this one overflows it, and the three waiting are dropped
        stream.onChange(change(3, MessageChange.Kind.CHANGED, MessageStatus.IN_PROGRESS, 30));
        stream.onChange(change(5, MessageChange.Kind.CHANGED, MessageStatus.SENT, 50));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        assertThat(events(out.toString(StandardCharsets.UTF_8))).containsExactly(
                "id: 4|event: overflow|data: IN_PROGRESS 40",
                "id: 5|event: changed|data: SENT 50");
        assertThat(reads).hasValue(1);
    }

    @Test
    @DisplayName("E4 the log's own OVERFLOW event is answered with the state now")
    void logOverflowReadsTheStateNow() throws IOException {
        EventStream stream = new EventStream(() -> change(9, MessageChange.Kind.CURRENT, MessageStatus.SENT, 90),
                EventStreamTest::data, LONG, 8);
        stream.attach(new CountedSubscription());
        stream.onChange(change(7, MessageChange.Kind.OVERFLOW, MessageStatus.IN_PROGRESS, 70));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        stream.writeTo(out);

        assertThat(events(out.toString(StandardCharsets.UTF_8))).containsExactly("id: 9|event: overflow|data: SENT 90");
    }

    @Test
    @DisplayName("W2 E4 a silent stream sends comment heartbeats; when the client has gone the next write fails, the"
            + " stream ends and its subscription is closed")
    void heartbeatThenClientGone() {
        EventStream stream = new EventStream(() -> {
            throw new AssertionError("not read");
        }, EventStreamTest::data, Duration.ofMillis(1), 8);
        CountedSubscription s = new CountedSubscription();
        stream.attach(s);
        List<String> written = new ArrayList<>();
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("written whole");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written.size() == 2) {
                    throw new IOException("the client closed the connection");
                }
                written.add(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };

        assertThatThrownBy(() -> stream.writeTo(client)).isInstanceOf(IOException.class);

        assertThat(written).containsExactly(": heartbeat\n\n", ": heartbeat\n\n");
        assertThat(s.closes).hasValue(1);
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    @DisplayName("E4 a stream whose writer is interrupted (the server closing) ends and closes its subscription")
    void interruptedEnds() throws IOException {
        EventStream stream = new EventStream(() -> {
            throw new AssertionError("not read");
        }, EventStreamTest::data, LONG, 8);
        CountedSubscription s = new CountedSubscription();
        stream.attach(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Thread.currentThread().interrupt();
        stream.writeTo(out);

        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(out.size()).isZero();
        assertThat(s.closes).hasValue(1);
    }
}
