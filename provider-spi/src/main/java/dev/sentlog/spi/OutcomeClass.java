package dev.sentlog.spi;

/**
 * How the rules see one device outcome (SPEC K3-K6). An {@link OutcomeClassifier} maps each
 * outcome to one of these.
 */
public enum OutcomeClass {
    /** Not yet handed to a provider (PENDING). Not attempted. */
    NOT_ATTEMPTED(false, false),
    /** Handed over, a later report may follow (IN_PROGRESS, 17, -39; SPEC K4). Attempted, not final. */
    IN_FLIGHT(true, false),
    /** A successful delivery or phone contact (SPEC K3). Attempted and final. */
    SUCCESS(true, true),
    /** A final outcome that is neither success, cancel nor opt-out (SPEC K6). */
    FAILURE(true, true),
    /** Stopped before it was attempted (SPEC C2, C5). Not attempted, final, never a failure. */
    CANCELED(false, true),
    /** The number opted out of texts (SPEC K5). Attempted and final. */
    OPTED_OUT(true, true);

    private final boolean attempted;
    private final boolean terminal;

    OutcomeClass(boolean attempted, boolean terminal) {
        this.attempted = attempted;
        this.terminal = terminal;
    }

    /** Whether the device counts as attempted: its status is neither PENDING nor CANCELED (SPEC D4). */
    public boolean attempted() {
        return attempted;
    }

    /** Whether no later report may change the outcome (SPEC R2, K4). */
    public boolean isFinal() {
        return terminal;
    }
}
