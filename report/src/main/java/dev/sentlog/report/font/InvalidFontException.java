package dev.sentlog.report.font;

import dev.sentlog.core.SentlogException;

/** A font a host registered is not a TrueType font the PDF renderer can embed (SPEC P8). */
public final class InvalidFontException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String fontName;

    InvalidFontException(String fontName, Throwable cause) {
        super("the font " + fontName + " is not a TrueType (.ttf) font that can be embedded: " + cause.getMessage(),
                cause);
        this.fontName = fontName;
    }

    /** The name the font was registered under. */
    public String fontName() {
        return fontName;
    }
}
