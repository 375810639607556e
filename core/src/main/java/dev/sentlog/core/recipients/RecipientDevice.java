package dev.sentlog.core.recipients;

import dev.sentlog.core.engagement.DeviceEngagement;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Person;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.OutcomeClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One device of a Recipient Log row (SPEC H1): whose it is, for which student, the address as
 * recorded, and the outcome it shows. A duplicate occurrence of an address (D2) shows the outcome the
 * occurrences share (D3), so a number that succeeded on another entry shows that success here.
 * Immutable.
 */
public final class RecipientDevice {

    private final Person person;
    private final Person student;
    private final Channel channel;
    private final String address;
    private final DeviceOutcome outcome;
    private final boolean confirmed;
    private final Instant time;
    private final OutcomeClass outcomeClass;
    private final boolean duplicate;
    private final DeviceEngagement engagement;

    /**
     * Creates the value.
     *
     * @param person       the person the device belongs to
     * @param student      the student of the device's entry, or null
     * @param channel      the channel
     * @param address      the address as recorded
     * @param outcome      the outcome shown (shared, D3)
     * @param confirmed    whether the shown outcome was confirmed by pressing 0
     * @param time         when the shown outcome was reached, or null
     * @param outcomeClass the class of the shown outcome (K3-K6)
     * @param duplicate    whether the device is a duplicate occurrence (D2)
     * @throws NullPointerException when a required component is null
     */
    public RecipientDevice(Person person, Person student, Channel channel, String address, DeviceOutcome outcome,
                           boolean confirmed, Instant time, OutcomeClass outcomeClass, boolean duplicate) {
        this(person, student, channel, address, outcome, confirmed, time, outcomeClass, duplicate, null);
    }

    /**
     * Creates the value with the device's engagement (SPEC H5).
     *
     * @param person       the person the device belongs to
     * @param student      the student of the device's entry, or null
     * @param channel      the channel
     * @param address      the address as recorded
     * @param outcome      the outcome shown (shared, D3)
     * @param confirmed    whether the shown outcome was confirmed by pressing 0
     * @param time         when the shown outcome was reached, or null
     * @param outcomeClass the class of the shown outcome (K3-K6)
     * @param duplicate    whether the device is a duplicate occurrence (D2)
     * @param engagement   the device's own feedback (opened, clicked, ...), or null when it has none
     * @throws NullPointerException when a required component is null
     */
    public RecipientDevice(Person person, Person student, Channel channel, String address, DeviceOutcome outcome,
                           boolean confirmed, Instant time, OutcomeClass outcomeClass, boolean duplicate,
                           DeviceEngagement engagement) {
        this.person = Checks.requireNonNull(person, "person");
        this.student = student;
        this.channel = Checks.requireNonNull(channel, "channel");
        this.address = Checks.requireNonNull(address, "address");
        this.outcome = Checks.requireNonNull(outcome, "outcome");
        this.confirmed = confirmed;
        this.time = time;
        this.outcomeClass = Checks.requireNonNull(outcomeClass, "outcomeClass");
        this.duplicate = duplicate;
        this.engagement = engagement;
    }

    /** The person the device belongs to. */
    public Person person() {
        return person;
    }

    /** The student of the device's recipient entry, if any. */
    public Optional<Person> student() {
        return Optional.ofNullable(student);
    }

    /** The channel. */
    public Channel channel() {
        return channel;
    }

    /** The address as recorded. */
    public String address() {
        return address;
    }

    /** The outcome shown: the device's own, or the one its address's occurrences share (D3). */
    public DeviceOutcome outcome() {
        return outcome;
    }

    /** Whether the shown outcome was confirmed by pressing 0 (K3). */
    public boolean confirmed() {
        return confirmed;
    }

    /** When the shown outcome was reached, if known. */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** The class of the shown outcome: success, failure, opted out, canceled, in flight, not attempted. */
    public OutcomeClass outcomeClass() {
        return outcomeClass;
    }

    /** Whether the device is a second or later occurrence of its address on its channel (D2). */
    public boolean duplicate() {
        return duplicate;
    }

    /**
     * The device's own feedback beside its outcome (SPEC H5): opened, clicked, unsubscribed,
     * complained, each with its first time and count. Feedback never changes the outcome (R2).
     *
     * @return the engagement; empty when the device has no feedback
     */
    public Optional<DeviceEngagement> engagement() {
        return Optional.ofNullable(engagement);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientDevice d && person.equals(d.person) && Objects.equals(student, d.student)
                && channel == d.channel && address.equals(d.address) && outcome.equals(d.outcome)
                && confirmed == d.confirmed && Objects.equals(time, d.time) && outcomeClass == d.outcomeClass
                && duplicate == d.duplicate && Objects.equals(engagement, d.engagement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(person, student, channel, address, outcome, confirmed, time, outcomeClass, duplicate,
                engagement);
    }

    @Override
    public String toString() {
        // no address: it is personal data and toString ends up in logs
        return "RecipientDevice[" + channel + ", " + outcome + ", " + outcomeClass + (duplicate ? ", duplicate" : "")
                + "]";
    }
}
