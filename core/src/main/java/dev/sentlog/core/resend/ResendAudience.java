package dev.sentlog.core.resend;

/** Who a resend goes to (SPEC Y1). */
public enum ResendAudience {
    /**
     * The persons not reached: no device of theirs succeeded (a shared address that succeeded counts
     * for every person on it, D3). Each gets every device still worth trying.
     */
    NOT_REACHED,
    /** The devices that failed (K6), whoever they belong to. */
    FAILED_DEVICES
}
