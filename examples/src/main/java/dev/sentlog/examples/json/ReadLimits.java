package dev.sentlog.examples.json;

/**
 * The resource limits of {@link MessageJson#read(java.io.InputStream)}: a file that goes over one is
 * refused with a {@link ReadLimitExceededException} while it is being read, before the message is
 * built. The defaults ({@link #defaults()}) suit a district-wide message; a host lowers them for
 * files from less trusted sources.
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>what it bounds</th></tr>
 *   <tr><td>{@code maxFileBytes}</td><td>268,435,456 (256 MiB)</td><td>the size of the file in bytes</td></tr>
 *   <tr><td>{@code maxRecipients}</td><td>500,000</td><td>the entries of {@code recipients}</td></tr>
 *   <tr><td>{@code maxAddressLength}</td><td>320</td><td>a device's {@code address}, {@code sender.email},
 *       {@code replyToEmail} and {@code callerId}, in characters</td></tr>
 *   <tr><td>{@code maxTextLength}</td><td>1,048,576</td><td>{@code subject}, {@code body} and {@code text}, in
 *       characters; also the longest any other string of the file may be</td></tr>
 * </table>
 *
 * <p>Besides these, a file may nest at most {@value #MAX_NESTING_DEPTH} arrays and objects deep
 * (a valid file nests 6), a number may have at most {@value #MAX_NUMBER_LENGTH} characters and a
 * field name at most {@value #MAX_NAME_LENGTH}; these are fixed, since no valid file comes near them.
 *
 * @param maxFileBytes     the largest file, in bytes; at least 1
 * @param maxRecipients    the most recipients of one message; at least 1
 * @param maxAddressLength the longest address, in characters; at least 1
 * @param maxTextLength    the longest subject, body or text, in characters; at least 1
 */
public record ReadLimits(long maxFileBytes, int maxRecipients, int maxAddressLength, int maxTextLength) {

    /** The deepest nesting of arrays and objects a file may have. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** The most characters of one number. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The most characters of one field name. */
    public static final int MAX_NAME_LENGTH = 256;

    private static final ReadLimits DEFAULTS = new ReadLimits(256L * 1024 * 1024, 500_000, 320, 1024 * 1024);

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException when a limit is below 1
     */
    public ReadLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxRecipients", maxRecipients);
        positive("maxAddressLength", maxAddressLength);
        positive("maxTextLength", maxTextLength);
    }

    /**
     * The default limits: 256 MiB files, 500,000 recipients, 320-character addresses and
     * 1,048,576-character texts.
     *
     * @return the defaults
     */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * These limits with another largest file.
     *
     * @param bytes the largest file, in bytes; at least 1
     * @return the new limits
     * @throws IllegalArgumentException when bytes is below 1
     */
    public ReadLimits withMaxFileBytes(long bytes) {
        return new ReadLimits(bytes, maxRecipients, maxAddressLength, maxTextLength);
    }

    /**
     * These limits with another most recipients.
     *
     * @param recipients the most recipients of one message; at least 1
     * @return the new limits
     * @throws IllegalArgumentException when recipients is below 1
     */
    public ReadLimits withMaxRecipients(int recipients) {
        return new ReadLimits(maxFileBytes, recipients, maxAddressLength, maxTextLength);
    }

    /**
     * These limits with another longest address.
     *
     * @param length the longest address, in characters; at least 1
     * @return the new limits
     * @throws IllegalArgumentException when length is below 1
     */
    public ReadLimits withMaxAddressLength(int length) {
        return new ReadLimits(maxFileBytes, maxRecipients, length, maxTextLength);
    }

    /**
     * These limits with another longest text.
     *
     * @param length the longest subject, body or text, in characters; at least 1
     * @return the new limits
     * @throws IllegalArgumentException when length is below 1
     */
    public ReadLimits withMaxTextLength(int length) {
        return new ReadLimits(maxFileBytes, maxRecipients, maxAddressLength, length);
    }

    /** The longest string of any kind: the longer of the text and address limits. */
    int maxStringLength() {
        return Math.max(maxTextLength, maxAddressLength);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("read limit " + name + " must be at least 1 but was " + value);
        }
    }
}
