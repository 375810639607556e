package dev.sentlog.core.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's answer to "does this attachment or audio file still exist?" (SPEC S8): the Message
 * Detail, on screen and in the report, shows a file's link only while it does. Called on every
 * selection and every report; must be thread-safe and quick. A throw counts as "does not exist"
 * and is logged as a warning (see {@link #shows(FileAvailability, FileRef)}).
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

    /**
     * Asks the host, treating a failure as "does not exist" and logging it: the one place both the
     * log's Message Detail and the report decide whether a link is shown.
     *
     * @param files the host's check
     * @param file  the file, or null when the message has none
     * @return true when the file is present and exists
     */
    static boolean shows(FileAvailability files, FileRef file) {
        if (file == null) {
            return false;
        }
        try {
            return files.exists(file);
        } catch (RuntimeException e) {
            Logger log = LoggerFactory.getLogger(FileAvailability.class);
            log.warn("the host's file check failed for {}; the link is not shown: {}", file.name(), e.toString());
            return false;
        }
    }
}
