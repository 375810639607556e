package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;

/**
 * A cancel request: who asked and when (SPEC C4). Shown in the Delivery Summary.
 *
 * @param by the user who canceled
 * @param at when the request was recorded
 */
public record Cancellation(Person by, Instant at) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public Cancellation {
        Checks.requireNonNull(by, "cancellation.by");
        Checks.requireNonNull(at, "cancellation.at");
    }
}
