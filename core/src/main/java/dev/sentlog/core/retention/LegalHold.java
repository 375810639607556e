package dev.sentlog.core.retention;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Person;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold on one message (SPEC X3): who placed it, when and why, and, once lifted, who lifted
 * it, when and why. A message with a hold in force is neither purged nor redacted. Immutable.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class LegalHold {

    private final Person placedBy;
    private final Instant placedAt;
    private final String reason;
    private final Person liftedBy;
    private final Instant liftedAt;
    private final String liftReason;

    /**
     * Creates the value.
     *
     * @param placedBy   who placed the hold
     * @param placedAt   when
     * @param reason     why (not blank)
     * @param liftedBy   who lifted it, or null while it is in force
     * @param liftedAt   when it was lifted, or null while it is in force
     * @param liftReason why it was lifted, or null while it is in force
     * @throws NullPointerException     when a required component is null, naming it
     * @throws IllegalArgumentException when a reason is blank, or the lift is only partly given, or it
     *                                  is lifted before it was placed
     */
    public LegalHold(Person placedBy, Instant placedAt, String reason, Person liftedBy, Instant liftedAt,
                     String liftReason) {
        Checks.requireNonNull(placedBy, "hold.placedBy");
        Checks.requireNonNull(placedAt, "hold.placedAt");
        Checks.requireNonBlank(reason, "hold.reason");
        boolean lifted = liftedBy != null;
        Checks.requireArgument(lifted == (liftedAt != null) && lifted == (liftReason != null),
                "hold lift needs who, when and why together (liftedBy %s, liftedAt %s, liftReason %s)",
                lifted ? "set" : "missing", liftedAt != null ? "set" : "missing", liftReason != null ? "set" : "missing");
        if (lifted) {
            Checks.requireNonBlank(liftReason, "hold.liftReason");
            Checks.requireArgument(!liftedAt.isBefore(placedAt), "hold lifted at %s, before it was placed at %s",
                    liftedAt, placedAt);
        }
        this.placedBy = placedBy;
        this.placedAt = placedAt;
        this.reason = reason;
        this.liftedBy = liftedBy;
        this.liftedAt = liftedAt;
        this.liftReason = liftReason;
    }

    /**
     * A hold in force.
     *
     * @param placedBy who places it
     * @param placedAt when
     * @param reason   why (not blank)
     * @return the hold
     */
    public static LegalHold placed(Person placedBy, Instant placedAt, String reason) {
        return new LegalHold(placedBy, placedAt, reason, null, null, null);
    }

    /**
     * This hold, lifted.
     *
     * @param by     who lifts it
     * @param at     when
     * @param reason why (not blank)
     * @return the lifted copy
     * @throws IllegalStateException when it is already lifted
     */
    public LegalHold lifted(Person by, Instant at, String reason) {
        if (!isInForce()) {
            throw new IllegalStateException("the hold placed at " + placedAt + " was already lifted at " + liftedAt);
        }
        return new LegalHold(placedBy, placedAt, this.reason, Checks.requireNonNull(by, "liftedBy"),
                Checks.requireNonNull(at, "liftedAt"), reason);
    }

    /**
     * Whether the hold is in force (not lifted).
     *
     * @return true while in force
     */
    public boolean isInForce() {
        return liftedBy == null;
    }

    /**
     * Who placed the hold.
     *
     * @return the person
     */
    public Person placedBy() {
        return placedBy;
    }

    /**
     * When the hold was placed (the log's clock).
     *
     * @return the instant
     */
    public Instant placedAt() {
        return placedAt;
    }

    /**
     * Why the hold was placed.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Who lifted the hold, once lifted.
     *
     * @return the person, or empty while in force
     */
    public Optional<Person> liftedBy() {
        return Optional.ofNullable(liftedBy);
    }

    /**
     * When the hold was lifted, once lifted.
     *
     * @return the instant, or empty while in force
     */
    public Optional<Instant> liftedAt() {
        return Optional.ofNullable(liftedAt);
    }

    /**
     * Why the hold was lifted, once lifted.
     *
     * @return the reason, or empty while in force
     */
    public Optional<String> liftReason() {
        return Optional.ofNullable(liftReason);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LegalHold o
                && placedBy.equals(o.placedBy) && placedAt.equals(o.placedAt) && reason.equals(o.reason)
                && Objects.equals(liftedBy, o.liftedBy) && Objects.equals(liftedAt, o.liftedAt)
                && Objects.equals(liftReason, o.liftReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(placedBy, placedAt, reason, liftedBy, liftedAt, liftReason);
    }

    /** Who and when only: the reasons may hold names of people. */
    @Override
    public String toString() {
        return "LegalHold[placedBy=" + placedBy.id() + ", placedAt=" + placedAt
                + (isInForce() ? ", in force" : ", liftedBy=" + liftedBy.id() + ", liftedAt=" + liftedAt) + "]";
    }
}
