package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;

/**
 * The caller lacks a tool right the call needs (SPEC T1, T2). Checked before any message is
 * looked up, so it never hints at a message's existence (T4).
 */
public class AccessDeniedException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String userId;
    private final ToolRight missing;

    /**
     * Creates the exception.
     *
     * @param userId  the caller
     * @param missing the right the call needs
     */
    public AccessDeniedException(String userId, ToolRight missing) {
        super("user " + userId + " lacks the " + missing.label() + " right of the " + missing.tool());
        this.userId = userId;
        this.missing = missing;
    }

    /** The caller's user id. */
    public String userId() {
        return userId;
    }

    /** The right that was missing. */
    public ToolRight missing() {
        return missing;
    }
}
