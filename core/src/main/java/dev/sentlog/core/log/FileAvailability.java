package dev.sentlog.core.log;

import dev.sentlog.core.message.FileRef;

/**
 * The host's answer to "does this attachment or audio file still exist?" (SPEC S8): the Message
 * Detail shows a file's link only while it does. Called on every selection; must be thread-safe
 * and quick, and must not throw (a throw counts as "does not exist").
 */
@FunctionalInterface
public interface FileAvailability {

    /**
     * Whether a file still exists.
     *
     * @param file the reference
     * @return true when the link may be shown
     */
    boolean exists(FileRef file);

    /** The default: every file exists. */
    static FileAvailability always() {
        return f -> true;
    }
}
