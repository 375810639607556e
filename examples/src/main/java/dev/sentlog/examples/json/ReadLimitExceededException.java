package dev.sentlog.examples.json;

import java.util.Locale;

/**
 * A message file that goes over one of the {@link ReadLimits}. It names the limit, the JSON path
 * where reading stopped and the value of the limit, never the content that went over it, e.g.
 * {@code recipients[500000]: more recipients than the limit allows (maxRecipients = 500000)}.
 * Nothing of the file has been imported when this is thrown.
 */
public class ReadLimitExceededException extends MalformedMessageException {

    private static final long serialVersionUID = 1L;

    private final String limit;
    private final long limitValue;

    /**
     * Creates the exception.
     *
     * @param jsonPath   where reading stopped, or {@link #TOP_LEVEL}
     * @param what       what went over the limit, e.g. {@code "more recipients than the limit allows"}
     * @param limit      the name of the limit, e.g. {@code "maxRecipients"}
     * @param limitValue the value of the limit
     */
    public ReadLimitExceededException(String jsonPath, String what, String limit, long limitValue) {
        super(jsonPath, String.format(Locale.ROOT, "%s (%s = %d)", what, limit, limitValue));
        this.limit = limit;
        this.limitValue = limitValue;
    }

    /** The name of the limit that was exceeded, e.g. {@code "maxRecipients"} (see {@link ReadLimits}). */
    public String limit() {
        return limit;
    }

    /** The value of the limit that was exceeded. */
    public long limitValue() {
        return limitValue;
    }
}
