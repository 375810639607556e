package dev.sentlog.examples.cli;

import dev.sentlog.core.SentlogException;
import dev.sentlog.examples.internal.OneLine;

/**
 * A user error on the command line: a bad or missing option, a missing or malformed file, report
 * options that do not apply (SPEC L4). Its message is the paragraph printed on standard error.
 */
final class UsageException extends SentlogException {

    private static final long serialVersionUID = 1L;

    /** The message is made one line: a quoted argument may hold control characters (escaped). */
    UsageException(String message) {
        super(OneLine.of(message));
    }

    UsageException(String message, Throwable cause) {
        super(OneLine.of(message), cause);
    }
}
