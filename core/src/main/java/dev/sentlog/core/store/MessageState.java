package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.MessageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The changing part of a stored message, replaced as a whole by
 * {@link MessageStore#compareAndSet(String, long, MessageState)}.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class MessageState {

    private final MessageStatus status;
    private final long version;
    private final Instant startedAt;
    private final Instant endedAt;
    private final Cancellation cancellation;
    private final List<ProviderJob> jobs;

    /**
     * Creates the value.
     *
     * @param status the message status
     * @param version the store's version; increases by one with every successful change
     * @param startedAt when the message was handed to providers, or null
     * @param endedAt when the message reached a final status, or null
     * @param cancellation the cancel request, or null
     * @param jobs the provider jobs holding the message's devices
     * @throws NullPointerException     when the status or job list is null
     * @throws IllegalArgumentException when the version is negative
     */
    public MessageState(MessageStatus status, long version, Instant startedAt, Instant endedAt,
            Cancellation cancellation, List<ProviderJob> jobs) {
        Checks.requireNonNull(status, "state.status");
        Checks.requireArgument(version >= 0, "state version is negative: %d", version);
        jobs = List.copyOf(Checks.requireNonNull(jobs, "state.jobs"));
        this.status = status;
        this.version = version;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.cancellation = cancellation;
        this.jobs = jobs;
    }

    /**
     * The state of a newly recorded message.
     *
     * @param status its status
     * @return the state, version 0
     */
    public static MessageState initial(MessageStatus status) {
        return new MessageState(status, 0, null, null, null, List.of());
    }

    /**
     * Returns a copy in that status.
     *
     * @param next the status
     * @return a copy in that status
     */
    public MessageState withStatus(MessageStatus next) {
        return new MessageState(next, version, startedAt, endedAt, cancellation, jobs);
    }

    /**
     * Returns a copy with that version.
     *
     * @param v the version
     * @return a copy with that version
     */
    public MessageState withVersion(long v) {
        return new MessageState(status, v, startedAt, endedAt, cancellation, jobs);
    }

    /**
     * Returns a copy.
     *
     * @param at when delivery started
     * @return a copy
     */
    public MessageState withStartedAt(Instant at) {
        return new MessageState(status, version, at, endedAt, cancellation, jobs);
    }

    /**
     * Returns a copy.
     *
     * @param at when the message reached a final status
     * @return a copy
     */
    public MessageState withEndedAt(Instant at) {
        return new MessageState(status, version, startedAt, at, cancellation, jobs);
    }

    /**
     * Returns a copy.
     *
     * @param c the cancel request
     * @return a copy
     */
    public MessageState withCancellation(Cancellation c) {
        return new MessageState(status, version, startedAt, endedAt, c, jobs);
    }

    /**
     * Returns a copy holding them after the present ones.
     *
     * @param added jobs to add
     * @return a copy holding them after the present ones
     */
    public MessageState withJobsAdded(List<ProviderJob> added) {
        List<ProviderJob> all = new ArrayList<>(jobs);
        all.addAll(added);
        return new MessageState(status, version, startedAt, endedAt, cancellation, all);
    }

    /**
     * A copy in which one job's cancel is confirmed.
     *
     * @param job the job
     * @return the copy
     */
    public MessageState withCancelConfirmed(ProviderJob job) {
        List<ProviderJob> all = new ArrayList<>(jobs.size());
        for (ProviderJob j : jobs) {
            boolean same = j.providerName().equals(job.providerName()) && j.jobId().equals(job.jobId());
            all.add(same ? j.withCancelConfirmed() : j);
        }
        return new MessageState(status, version, startedAt, endedAt, cancellation, all);
    }

    /**
     * Returns the message status.
     *
     * @return the value
     */
    public MessageStatus status() {
        return status;
    }

    /**
     * Returns the store's version; increases by one with every successful change.
     *
     * @return the value
     */
    public long version() {
        return version;
    }

    /**
     * When the message was handed to providers, if it has been.
     *
     * @return the value, or empty
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * When the message reached a final status, if it has.
     *
     * @return the value, or empty
     */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /**
     * The cancel request, if there is one.
     *
     * @return the value, or empty
     */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    /**
     * Returns the provider jobs holding the message's devices.
     *
     * @return the value
     */
    public List<ProviderJob> jobs() {
        return jobs;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageState o
                && Objects.equals(status, o.status)
                && version == o.version
                && Objects.equals(startedAt, o.startedAt)
                && Objects.equals(endedAt, o.endedAt)
                && Objects.equals(cancellation, o.cancellation)
                && Objects.equals(jobs, o.jobs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, version, startedAt, endedAt, cancellation, jobs);
    }

    @Override
    public String toString() {
        return "MessageState[status=" + status
                + ", version=" + version
                + ", startedAt=" + startedAt
                + ", endedAt=" + endedAt
                + ", cancellation=" + cancellation
                + ", jobs=" + jobs
                + "]";
    }
}
