package dev.sentlog.examples.cli;

import dev.sentlog.core.SentlogException;

/**
 * A user error on the command line: a bad or missing option, a missing or malformed file, report
 * options that do not apply (SPEC L4). Its message is the paragraph printed on standard error.
 */
final class UsageException extends SentlogException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
