package dev.sentlog.report.font;

import com.lowagie.text.pdf.BaseFont;
import dev.sentlog.report.internal.Checks;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A TrueType font the report may embed: its name and file bytes. Immutable; the bytes are copied in
 * and out.
 */
public final class FontSource {

    private final String name;
    private final byte[] data;

    private FontSource(String name, byte[] data) {
        this.name = name;
        this.data = data;
    }

    /**
     * A font from TrueType ({@code .ttf}) bytes.
     *
     * @param name a name for logs and errors, e.g. {@code "Noto Sans CJK"}
     * @param ttf  the file's bytes; copied
     * @return the source
     * @throws InvalidFontException when the bytes are not a TrueType font the PDF library can embed
     */
    public static FontSource of(String name, byte[] ttf) {
        Checks.requireNonBlank(name, "font.name");
        Checks.requireNonNull(ttf, "font.bytes");
        FontSource source = new FontSource(name, ttf.clone());
        try {
            BaseFont.createFont(source.fileName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, source.data, null);
        } catch (IOException | RuntimeException e) {
            throw new InvalidFontException(name, e);
        }
        return source;
    }

    /** The name as a TrueType file name, which is how the PDF library recognises the format. */
    public String fileName() {
        return name.toLowerCase(Locale.ROOT).endsWith(".ttf") ? name : name + ".ttf";
    }

    /** The font's name. */
    public String name() {
        return name;
    }

    /** A copy of the font file's bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    /** The size of the font file in bytes. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FontSource f && f.name.equals(name) && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FontSource[" + name + ", " + data.length + " bytes]";
    }
}
