package dev.sentlog.examples.internal;

import java.util.Locale;

/** Error texts as one line: control characters shown as escapes. Not exported. */
public final class OneLine {

    private OneLine() {
    }

    /**
     * The text with {@code \n}, {@code \r}, {@code \t}, every other ISO control character and the
     * line and paragraph separators written as escapes ({@code \n}, {@code \u0000}), so that it is
     * always one line.
     *
     * @param text the text
     * @return the one-line text
     */
    public static String of(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
