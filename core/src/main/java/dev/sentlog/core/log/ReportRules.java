package dev.sentlog.core.log;

import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How a device report changes a device row (SPEC R2, R3). The stored outcome of a device is the
 * greatest of all its reports under the order (final, sequence, time, outcome, confirmed): a
 * final outcome beats every non-final one, then the newer report wins, and exact ties are broken
 * by the outcome itself. A maximum does not depend on the order or repetition of its inputs, so
 * applying reports is idempotent and order-independent.
 *
 * <p>What the log itself sets carries a negative marker as its sequence, outside the providers'
 * value space (a report's sequence is at least 0), so no provider sequence can imitate a marker:
 * the hand-over's IN_PROGRESS ({@link #LOG_HANDOVER}) is replaced by every report; CANCELED set by
 * a cancel (C2, {@link #LOG_CANCELED}) is never replaced; CANCELED set by a confirmation (R3,
 * {@link #CONFIRMATION_CANCELED}) is the log's guess that a device was not attempted, which any
 * final report from the provider replaces. A confirmation stops the person's phone devices that
 * show no attempt yet: no report, a provider's IN_PROGRESS or a text still SMS Queued (-39); a
 * later non-final report of such a device changes nothing. So the final outcome of every device
 * does not depend on whether the confirmation or the device's own reports arrived first.
 */
final class ReportRules {

    /** The marker of an outcome the log set on handover (IN_PROGRESS): every report replaces it. */
    static final long LOG_HANDOVER = -1;
    /** The marker of an outcome the log set to CANCELED: no report replaces it. */
    static final long LOG_CANCELED = -2;
    /** The marker of CANCELED set by a confirmation (R3): a final provider report replaces it. */
    static final long CONFIRMATION_CANCELED = -3;

    static final DeviceOutcome CANCELED = DeviceOutcome.of(DeviceStatus.CANCELED);
    static final DeviceOutcome IN_PROGRESS = DeviceOutcome.of(DeviceStatus.IN_PROGRESS);

    private final OutcomeClassifier classifier;
    private final boolean confirmationStopsPhone;

    ReportRules(OutcomeClassifier classifier, boolean confirmationStopsPhone) {
        this.classifier = classifier;
        this.confirmationStopsPhone = confirmationStopsPhone;
    }

    /** The row a report names inside a job, or -1 when the job holds no such device. */
    static int rowOf(DeviceTable t, ProviderJob job, String deviceId) {
        long parsed = DeviceIds.parse(deviceId);
        if (parsed < 0) {
            return -1;
        }
        int row = t.row((int) (parsed >>> 32), (int) parsed);
        if (row < 0 || !t.submitted(row) || !job.channels().contains(t.channel(row))) {
            return -1;
        }
        return row;
    }

    /** Announces the devices the reports name to the table (see {@link DeviceTable#prefetch}); ids that do not parse are left out. */
    static void prefetch(DeviceTable t, List<DeviceReport> reports) {
        int[] entries = new int[reports.size()];
        int[] devices = new int[reports.size()];
        int n = 0;
        for (DeviceReport r : reports) {
            long parsed = r == null ? -1 : DeviceIds.parse(r.deviceId());
            if (parsed >= 0) {
                entries[n] = (int) (parsed >>> 32);
                devices[n++] = (int) parsed;
            }
        }
        t.prefetch(Arrays.copyOf(entries, n), Arrays.copyOf(devices, n));
    }

    /** What is wrong with a report's content for its device's channel, or null when nothing. */
    static String problem(Channel channel, DeviceReport r) {
        if (r.outcome() instanceof DeviceOutcome.Status s && s.status() == DeviceStatus.PENDING) {
            return "status PENDING, which only the log sets (not yet handed to a provider)";
        }
        if (!channel.isPhone() && r.outcome() instanceof DeviceOutcome.Call) {
            return "call status " + r.outcome().display() + " on a " + channel.label() + " device";
        }
        if (r.outcome() instanceof DeviceOutcome.Status s && s.status() == DeviceStatus.OPTED_OUT
                && channel != Channel.TEXT) {
            return "an opt-out on a " + channel.label() + " device";
        }
        if (r.confirmed() && channel != Channel.VOICE) {
            return "a confirmation on a " + channel.label() + " device";
        }
        return null;
    }

    /**
     * Applies a valid report to its row.
     *
     * A confirmation stops the person's phones (R3) even when its report does not win its own row
     * (a final report of the call arrived first): the recipient pressed 0 whatever the order.
     *
     * @return the number of devices canceled by a confirmation (R3) plus one when the report changed
     *         the row or its confirmation stopped a device, or -1 when it changed nothing
     */
    int apply(DeviceTable t, int row, DeviceReport r) {
        Channel channel = t.channel(row);
        boolean fin = classifier.classify(channel, r.outcome(), r.confirmed()).isFinal();
        boolean changed = beats(fin, r.sequence(), r.at(), r.outcome(), r.confirmed(), t, row);
        if (changed) {
            t.set(row, r.outcome(), r.confirmed(), r.at(), r.sequence(), fin);
            if (fin) {
                // H3: the contact ledger learns each final outcome in the same unit of work
                t.noteContact(row, ContactKind.of(channel, r.outcome(), r.confirmed(), classifier));
            }
        }
        int stopped = 0;
        if (confirmationStopsPhone && r.confirmed() && channel == Channel.VOICE) {
            stopped = stopPersonsPhones(t, row);
        }
        return changed || stopped > 0 ? 1 + stopped : -1;
    }

    private static boolean beats(boolean fin, long seq, Instant at, DeviceOutcome outcome, boolean confirmed,
                                 DeviceTable t, int row) {
        boolean storedFinal = t.isFinal(row);
        if (t.sequence(row) == LOG_CANCELED) {
            return false;
        }
        if (t.sequence(row) == CONFIRMATION_CANCELED) {
            return fin;
        }
        if (fin != storedFinal) {
            return fin;
        }
        long storedSeq = t.sequence(row);
        if (seq != storedSeq) {
            return seq > storedSeq;
        }
        Instant storedAt = t.reachedAt(row);
        if (storedAt == null || !at.equals(storedAt)) {
            return storedAt == null || at.isAfter(storedAt);
        }
        int c = compare(outcome, t.outcome(row));
        if (c != 0) {
            return c > 0;
        }
        return confirmed && !t.confirmed(row);
    }

    private static int compare(DeviceOutcome a, DeviceOutcome b) {
        if (a instanceof DeviceOutcome.Status sa) {
            return b instanceof DeviceOutcome.Status sb ? Integer.compare(sa.status().ordinal(),
                    sb.status().ordinal()) : -1;
        }
        if (b instanceof DeviceOutcome.Status) {
            return 1;
        }
        return Integer.compare(((DeviceOutcome.Call) a).code().code(), ((DeviceOutcome.Call) b).code().code());
    }

    /** SPEC R3: the confirming person's phone devices with no report yet become CANCELED. */
    private static int stopPersonsPhones(DeviceTable t, int confirmedRow) {
        int stopped = 0;
        for (int q = t.nextRowOfPerson(confirmedRow); q != confirmedRow; q = t.nextRowOfPerson(q)) {
            if (t.channel(q).isPhone() && t.submitted(q) && !t.isFinal(q) && showsNoAttempt(t, q)) {
                t.set(q, CANCELED, false, null, CONFIRMATION_CANCELED, true);
                stopped++;
            }
        }
        return stopped;
    }

    /** No report yet, a provider's IN_PROGRESS, or a text the provider only queued (SPEC R3). */
    private static boolean showsNoAttempt(DeviceTable t, int row) {
        DeviceOutcome o = t.outcome(row);
        return t.sequence(row) == LOG_HANDOVER || o.equals(IN_PROGRESS)
                || o instanceof DeviceOutcome.Call c && c.code().code() == CallStatusCode.SMS_QUEUED;
    }

    /** Cancels a row the provider stopped or that was never handed over (SPEC C2). */
    static boolean cancel(DeviceTable t, int row) {
        if (t.isFinal(row)) {
            return false;
        }
        t.set(row, CANCELED, false, null, LOG_CANCELED, true);
        return true;
    }
}
