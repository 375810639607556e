package dev.sentlog.spi.kit.selftest;

import java.util.Set;

/**
 * One way to break the provider contract, and the clauses (the {@code DP-…} ids) the kit must then
 * report broken. {@link #NONE} keeps every clause.
 */
enum Fault {
    NONE(),
    BLANK_NAME("DP-I1"),
    NO_CHANNELS("DP-I2"),
    FUTURE_SPI_VERSION("DP-I3"),
    BLANK_JOB_ID("DP-S1"),
    REUSED_JOB_ID("DP-S2", "DP-T1"),
    ATTEMPTS_AT_SUBMIT("DP-S3", "DP-C1"),
    ACCEPTS_UNSERVED_CHANNEL("DP-S4"),
    REFUSES_WITH_WRONG_EXCEPTION("DP-S5", "DP-F2"),
    /** Claims SPI version 2 but makes a new job for every submit, also of a batch key it accepted. */
    IGNORES_BATCH_KEY("DP-S6"),
    CANCEL_UNSENDS("DP-C2"),
    CANCELED_KEEP_DELIVERING("DP-C3", "DP-T1"),
    CANCEL_MISSES_ONE("DP-C1", "DP-C4"),
    CANCEL_REPEATS("DP-C5", "DP-C7", "DP-T1"),
    CANCEL_TOUCHES_SETTLED("DP-C6"),
    DUPLICATE_REPORTS("DP-P1", "DP-T1"),
    NOT_IDEMPOTENT("DP-P2", "DP-C6"),
    FOREIGN_DEVICE("DP-P3", "DP-B1"),
    REUSED_EVENT_ID("DP-P4", "DP-B1"),
    SEQUENCE_BACKWARDS("DP-P5", "DP-B1"),
    FINAL_THEN_NOT_FINAL("DP-P6", "DP-B1"),
    CODE_ON_EMAIL("DP-P7", "DP-B1"),
    REPORT_FROM_THE_FUTURE("DP-P8"),
    NEVER_SETTLES("DP-P9"),
    CONFIRMATION_IGNORED("DP-P10"),
    UNKNOWN_JOB_ANSWERED("DP-F1"),
    ADDRESS_IN_MESSAGE("DP-F2"),
    RACY_JOB_IDS("DP-T1"),
    PUSHES_UNDER_ANOTHER_NAME("DP-B1"),
    /** Reports feedback on Voice devices too. */
    FEEDBACK_ON_VOICE("DP-E1"),
    /**
     * Keeps the contract, but never pushes, never reports a confirmed call and never reports
     * feedback: the kit must skip DP-B1, DP-P10 and DP-E1 (aborted by an assumption), not pass them.
     */
    PULL_ONLY_NO_CONFIRMATION(),
    /**
     * Of SPI version 1 and, as such a provider may, makes a new job for every submit whatever its
     * batch key: the kit must skip DP-S6 (aborted by an assumption), not fail it.
     */
    OLDER_SPI_VERSION();

    private final Set<String> broken;

    Fault(String... broken) {
        this.broken = Set.of(broken);
    }

    /** The clause ids the kit must report broken. */
    Set<String> broken() {
        return broken;
    }
}
