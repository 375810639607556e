package dev.sentlog.examples.json;

import dev.sentlog.core.SentlogException;
import dev.sentlog.examples.internal.OneLine;

/**
 * A message file that is not valid "sentlog-message/1" (SPEC J2). Names the JSON path of the first
 * bad field, e.g. {@code recipients[3].devices[1].channel}, and what is wrong with it. Nothing of the
 * file has been imported when this is thrown.
 */
public class MalformedMessageException extends SentlogException {

    private static final long serialVersionUID = 1L;

    /** The path shown for a problem with the document as a whole. */
    public static final String TOP_LEVEL = "(top level)";

    private final String jsonPath;
    private final String problem;

    /**
     * Creates the exception. Its message is one line: control characters in the path or the problem
     * (a quoted value may hold some) are shown as escapes, e.g. {@code \n} or {@code \u0000}.
     *
     * @param jsonPath the path of the first bad field, or {@link #TOP_LEVEL}
     * @param problem  what is wrong with it
     */
    public MalformedMessageException(String jsonPath, String problem) {
        super(OneLine.of(jsonPath) + ": " + OneLine.of(problem));
        this.jsonPath = OneLine.of(jsonPath);
        this.problem = OneLine.of(problem);
    }

    /** The JSON path of the first bad field, e.g. {@code recipients[3].devices[1].channel}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong with the field, e.g. {@code "FAX" is not one of INBOX, EMAIL, VOICE, TEXT}. */
    public String problem() {
        return problem;
    }
}
