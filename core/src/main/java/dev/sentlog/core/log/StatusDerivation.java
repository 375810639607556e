package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message status changes: compare-and-set on the stored state's version, and the status M3/M4
 * derive from the device outcomes and the clock.
 */
final class StatusDerivation {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);

    private final MessageStore store;
    private final Clock clock;
    private final Duration reportingWindow;

    StatusDerivation(MessageStore store, Clock clock, Duration reportingWindow) {
        this.store = store;
        this.clock = clock;
        this.reportingWindow = reportingWindow;
    }

    /**
     * Derives the status after a step applied reports (SPEC M3, M4), unless it cannot change: when the
     * step applied news and left devices open, M3 needs every device closed and M4's window has just
     * restarted, so the reads of {@link #derive} are skipped; the step that closes the last open
     * device, on any node, derives after it.
     *
     * @param applied  the reports the step applied
     * @param openLeft the open devices at the end of the step, in its transaction
     */
    void deriveAfterReports(String id, int applied, int openLeft) {
        if (applied == 0 || openLeft == 0) {
            derive(id);
        }
    }

    /**
     * Derives the status from device outcomes and the clock (SPEC M3, M4). Not while a hand-over of
     * the message is stored (running on any node, or interrupted and waiting for a resume): devices of providers not yet called are not open yet, so the message could
     * look finished; the hand-over derives once it is done.
     */
    void derive(String id) {
        Instant now = clock.instant();
        while (true) {
            // the state first, then the stored hand-over, then the devices: the decision is stored only
            // when the state is still the one read, so it is made on devices read under that state (a
            // hand-over, on any node, starts only from a Waiting state and ends before it derives)
            MessageHeader h = header(id);
            if (store.handOver(id).isPresent()) {
                return;
            }
            MessageState s = h.state();
            MessageStatus st = s.status();
            if (st != MessageStatus.IN_PROGRESS && st != MessageStatus.ERROR) {
                return;
            }
            long[] progress = store.withDevices(id, t -> new long[] {t.openCount(),
                    t.lastActivity() == null ? Long.MIN_VALUE : t.lastActivity().toEpochMilli()})
                    .orElseThrow(() -> new MessageNotFoundException(id));
            MessageState next = derived(id, s, progress[0], progress[1], now);
            if (next == null || store.compareAndSet(id, s.version(), next).isPresent()) {
                return;
            }
        }
    }

    /** The state M3/M4 derive from an In-Progress or Error state and its devices, or null for no change. */
    private MessageState derived(String id, MessageState s, long open, long lastActivityMillis, Instant now) {
        MessageStatus st = s.status();
        if (open == 0) {
            MessageStatus target = s.cancellation().isPresent() ? MessageStatus.CANCELED_IP : MessageStatus.SENT;
            return s.withStatus(st.moveTo(id, target)).withEndedAt(now);
        }
        Instant base = s.startedAt().orElse(null);
        if (lastActivityMillis != Long.MIN_VALUE) {
            Instant last = Instant.ofEpochMilli(lastActivityMillis);
            base = base == null || last.isAfter(base) ? last : base;
        }
        if (st == MessageStatus.IN_PROGRESS && base != null && !now.isBefore(base.plus(reportingWindow))) {
            LOG.warn("message {}: {} device status(es) not reported within {}; status Error", id, open,
                    reportingWindow);
            return s.withStatus(st.moveTo(id, MessageStatus.ERROR));
        }
        return null;
    }

    /** Applies a state change with compare-and-set, retrying on a concurrent change; the header after it. */
    MessageHeader update(String id, UnaryOperator<MessageState> change) {
        return tryUpdate(id, change).orElseGet(() -> header(id));
    }

    /**
     * Applies a state change with compare-and-set, retrying on a concurrent change. A change to
     * Canceled cancels the message's deliverable devices in the same store step (C3).
     *
     * @param change the new state from the current one, or null for "no change"
     * @return the header this call stored; empty when the change function declined
     */
    Optional<MessageHeader> tryUpdate(String id, UnaryOperator<MessageState> change) {
        while (true) {
            MessageHeader h = header(id);
            MessageState next = change.apply(h.state());
            if (next == null || next.equals(h.state())) {
                return Optional.empty();
            }
            // C3: a move to Canceled cancels the deliverable devices in the same step
            Optional<MessageHeader> replaced = next.status() == MessageStatus.CANCELED
                    && h.state().status() != MessageStatus.CANCELED
                    ? store.compareAndSet(id, h.state().version(), next, t -> cancelDeliverable(t, h.deliveryModes()))
                    : store.compareAndSet(id, h.state().version(), next);
            if (replaced.isPresent()) {
                return replaced;
            }
        }
    }

    MessageHeader header(String id) {
        return store.header(id).orElseThrow(() -> new MessageNotFoundException(id));
    }

    /** Every deliverable device of a message canceled before anything was handed over becomes CANCELED (C3). */
    private static void cancelDeliverable(DeviceTable t, Set<Channel> modes) {
        for (int row = 0; row < t.size(); row++) {
            if (isDeliverable(t, row, modes)) {
                ReportRules.cancel(t, row);
            }
        }
    }

    /** A device is a delivery when its channel is a delivery mode and its normalised address is not blank. */
    static boolean isDeliverable(DeviceTable t, int row, Set<Channel> modes) {
        Channel c = t.channel(row);
        return modes.contains(c) && !Addresses.normalise(c, t.address(row)).isBlank();
    }
}
