package dev.sentlog.core.log;

/** Which Sent Message Log a caller works in (SPEC T1). */
public enum LogKind {
    /** The user's own log: only messages the user sent. */
    OWN("Sent Message Log"),
    /** The administration log: messages sent by any user of the district; needs its own rights. */
    ADMINISTRATION("administration Sent Message Log");

    private final String label;

    LogKind(String label) {
        this.label = label;
    }

    /** The log's name as people read it. */
    public String label() {
        return label;
    }
}
