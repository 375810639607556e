package dev.sentlog.core.store;

import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.time.Instant;

/**
 * The devices of one stored message as a table of rows, read and changed under the message's lock
 * (see {@link MessageStore#withDevices}). Rows are numbered {@code 0..size()-1} in recipient-list
 * order; row {@code i} is device {@link #deviceIndex(int)} of entry {@link #entryIndex(int)}.
 *
 * <p>The table keeps per-row state only: what the last applied report said (outcome, confirmation,
 * time, sequence), whether the row was handed to a provider, and whether its outcome is final. The
 * rules that decide those values are the log's. A view is valid only inside the callback that
 * received it.
 */
public interface DeviceTable {

    /** The number of rows (devices). */
    int size();

    /**
     * The row of a device.
     *
     * @param entry  the recipient entry index
     * @param device the device index inside the entry
     * @return the row, or -1 when there is no such device
     */
    int row(int entry, int device);

    /**
     * Announces the devices the caller is about to look up with {@link #row(int, int)} and read, so
     * that a store can fetch their rows in one step instead of one by one (the PostgreSQL store reads
     * them in one query; a store holding its rows in memory has nothing to do, which is the default).
     * Changes nothing the table answers; devices that do not exist are simply not found later.
     *
     * @param entries the recipient entry index of each device
     * @param devices the device index inside its entry, at the same positions as {@code entries}
     * @throws IllegalArgumentException when the arrays differ in length
     */
    default void prefetch(int[] entries, int[] devices) {
        Checks.requireArgument(entries.length == devices.length,
                "prefetch got %d entry indexes but %d device indexes", entries.length, devices.length);
    }

    /**
     * Returns its recipient entry index.
     *
     * @param row a row
     * @return its recipient entry index
     */
    int entryIndex(int row);

    /**
     * Returns its device index inside the entry.
     *
     * @param row a row
     * @return its device index inside the entry
     */
    int deviceIndex(int row);

    /**
     * Returns the device's channel.
     *
     * @param row a row
     * @return the device's channel
     */
    Channel channel(int row);

    /**
     * Returns the address as recorded.
     *
     * @param row a row
     * @return the address as recorded
     */
    String address(int row);

    /**
     * Returns the id of the person the device belongs to.
     *
     * @param row a row
     * @return the id of the person the device belongs to
     */
    String personId(int row);

    /**
     * The next row of the same person (same person id) in this message, cycling: following the
     * chain from any row visits every row of the person and comes back (SPEC R3).
     *
     * @param row a row
     * @return the next row of the person; {@code row} itself when it is the person's only row
     */
    int nextRowOfPerson(int row);

    /**
     * Returns the current outcome.
     *
     * @param row a row
     * @return the current outcome
     */
    DeviceOutcome outcome(int row);

    /**
     * Returns whether the recipient confirmed by pressing 0.
     *
     * @param row a row
     * @return whether the recipient confirmed by pressing 0
     */
    boolean confirmed(int row);

    /**
     * Returns when the device was reached, or null.
     *
     * @param row a row
     * @return when the device was reached, or null
     */
    Instant reachedAt(int row);

    /**
     * Returns the sequence of the last applied report (at least 0), or the negative marker the
     * log set with its own outcome; -1 when none.
     *
     * @param row a row
     * @return the sequence of the last applied report, a negative marker, -1 when none
     */
    long sequence(int row);

    /**
     * Returns whether the device was handed to a provider.
     *
     * @param row a row
     * @return whether the device was handed to a provider
     */
    boolean submitted(int row);

    /**
     * Returns whether the device's outcome is final (no report may replace it by a non-final one).
     *
     * @param row a row
     * @return whether the device's outcome is final (no report may replace it by a non-final one)
     */
    boolean isFinal(int row);

    /**
     * Records a new outcome for a row.
     *
     * @param row       the row
     * @param outcome   the outcome
     * @param confirmed whether the recipient confirmed
     * @param reachedAt when reached, or null
     * @param sequence  the report's sequence (at least 0), or a negative marker when the log itself
     *                  set the outcome
     * @param isFinal   whether the outcome is final
     */
    void set(int row, DeviceOutcome outcome, boolean confirmed, Instant reachedAt, long sequence, boolean isFinal);

    /**
     * Marks a row as handed to a provider.
     *
     * @param row the row
     */
    void markSubmitted(int row);

    /** The number of rows handed to a provider whose outcome is not final (SPEC M3). */
    int openCount();

    /** The number of rows handed to a provider. */
    int submittedCount();

    /** The last time a provider's report or handover touched the message, or null (SPEC M4). */
    Instant lastActivity();

    /**
     * Records provider activity.
     *
     * @param at when
     */
    void touch(Instant at);

    /**
     * Notes a row's final outcome for the contact ledger (SPEC H3), in the same unit of work as the
     * callback's other changes: when the callback returns, the store records the row's fact (its
     * channel, normalised address, outcome, time, person and the message's school) with this kind,
     * replacing the row's earlier fact, or removes the row's fact when the kind is
     * {@link ContactKind#NOT_ATTEMPTED}. A row whose normalised address is blank, or that has no
     * time, has no fact. A callback that throws records nothing.
     *
     * @param row  the row, after its final outcome was set
     * @param kind what the outcome says about the address
     */
    void noteContact(int row, ContactKind kind);
}
