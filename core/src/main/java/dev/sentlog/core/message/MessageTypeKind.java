package dev.sentlog.core.message;

/**
 * The kind of tool that sent a message; decides whether Filter Criteria Detail exists (SPEC S7).
 */
public enum MessageTypeKind {
    /** A Messenger tool or scheduler (e.g. Message Builder, Staff Messenger): has filter criteria. */
    MESSENGER,
    /** A tool using a Recipient Selector (Class Messages, Scheduling Messenger): no filter criteria. */
    RECIPIENT_SELECTOR,
    /** A non-Messenger tool (Behavior Referrals, Special Education Process Alerts): no filter criteria. */
    NON_MESSENGER;

    /** Whether messages of this kind show Filter Criteria Detail (SPEC S7). */
    public boolean hasFilterCriteria() {
        return this == MESSENGER;
    }
}
