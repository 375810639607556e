package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * A hand-over of one message in progress, as the store keeps it (SPEC N2, N3): who runs it, until
 * when its lease holds, and the batches it is submitting. Modelled on a job scheduler's "picked"
 * row: the owner renews the lease before each batch; once the lease has run out any log instance
 * may take the hand-over over and resume it under the same batch keys.
 *
 * @param messageId   the message being handed over
 * @param owner       the node id of the log instance running it
 * @param leaseUntil  when the lease runs out unless renewed (from the owner's injected clock)
 * @param version     the lease's version: a renewal or a take-over must name the version it read,
 *                    and stores the next
 * @param deliverable how many devices of the message were deliverable when the hand-over was
 *                    planned, with or without a provider (a hand-over that gets no batch taken fails
 *                    the message only when this is positive, SPEC M5)
 * @param batches     the planned batches, in submission order
 */
public record HandOverLease(String messageId, String owner, Instant leaseUntil, long version, int deliverable,
                            List<PlannedBatch> batches) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component or a batch is null
     * @throws IllegalArgumentException when an id is blank, the deliverable count is negative or a
     *                                  batch belongs to another message
     */
    public HandOverLease {
        Checks.requireNonBlank(messageId, "lease.messageId");
        Checks.requireNonBlank(owner, "lease.owner");
        Checks.requireNonNull(leaseUntil, "lease.leaseUntil");
        Checks.requireNonNull(batches, "lease.batches");
        Checks.requireArgument(deliverable >= 0, "the hand-over of %s has a negative deliverable count %d",
                messageId, deliverable);
        batches = List.copyOf(batches);
        for (PlannedBatch b : batches) {
            Checks.requireArgument(b.key().messageId().equals(messageId),
                    "the hand-over of %s holds batch %s of another message", messageId, b.key());
        }
    }

    /** Whether the lease has run out at the given time (it holds strictly before {@link #leaseUntil}). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(leaseUntil);
    }

    /** A copy with another owner, lease end and version. */
    public HandOverLease renewed(String newOwner, Instant newLeaseUntil, long newVersion) {
        return new HandOverLease(messageId, newOwner, newLeaseUntil, newVersion, deliverable, batches);
    }
}
