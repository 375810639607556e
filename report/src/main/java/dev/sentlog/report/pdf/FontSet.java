package dev.sentlog.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import dev.sentlog.report.font.FontRegistry;
import dev.sentlog.report.font.FontSource;
import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * The fonts of one PDF document and the per-character choice between them (SPEC P8): the first font
 * that has a character draws it; a character no font has becomes U+FFFD. One per document, not
 * thread-safe (the coverage caches fill as text is laid out).
 */
final class FontSet {

    static final char REPLACEMENT = '\uFFFD';

    private final BaseFont[] regular;
    private final BaseFont[] bold;
    // per font, per BMP char: 0 unknown, 1 present, 2 absent
    private final byte[][] coverage;

    FontSet(FontRegistry registry) throws IOException {
        List<FontSource> fallbacks = registry.fallbacks();
        regular = new BaseFont[1 + fallbacks.size()];
        bold = new BaseFont[regular.length];
        regular[0] = load(registry.regular());
        bold[0] = load(registry.bold());
        for (int i = 0; i < fallbacks.size(); i++) {
            regular[i + 1] = load(fallbacks.get(i));
            bold[i + 1] = regular[i + 1];
        }
        coverage = new byte[regular.length][];
    }

    private static BaseFont load(FontSource source) throws IOException {
        BaseFont f = BaseFont.createFont(source.fileName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                source.bytes(), null);
        f.setSubset(true);
        return f;
    }

    BaseFont primary() {
        return regular[0];
    }

    private boolean has(int font, int cp) {
        if (cp > 0xFFFF) {
            return regular[font].charExists(cp);
        }
        byte[] c = coverage[font];
        if (c == null) {
            c = new byte[0x10000];
            coverage[font] = c;
        }
        byte state = c[cp];
        if (state == 0) {
            state = regular[font].charExists(cp) || Character.isWhitespace(cp) && cp < 0x80 ? (byte) 1 : (byte) 2;
            c[cp] = state;
        }
        return state == 1;
    }

    private int fontFor(int cp) {
        for (int f = 0; f < regular.length; f++) {
            if (has(f, cp)) {
                return f;
            }
        }
        return -1;
    }

    /** A size, weight and colour, with its font per face created once. */
    final class Style {
        private final Font[] fonts;

        private Style(float size, boolean isBold, Color color) {
            fonts = new Font[regular.length];
            for (int i = 0; i < fonts.length; i++) {
                fonts[i] = new Font(isBold ? bold[i] : regular[i], size, Font.NORMAL, color);
            }
        }

        Font primary() {
            return fonts[0];
        }
    }

    Style style(float size, boolean isBold, Color color) {
        return new Style(size, isBold, color);
    }

    /**
     * The text as a phrase whose chunks use the first font that has each character; characters no
     * font has are replaced by U+FFFD in the primary font.
     */
    Phrase phrase(String text, Style style) {
        int n = text.length();
        int first = -2;
        boolean single = true;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int f = fontFor(cp);
            if (first == -2) {
                first = f;
            } else if (f != first) {
                single = false;
                break;
            }
            i += Character.charCount(cp);
        }
        if (single && first != -1) {
            return new Phrase(new Chunk(text, style.fonts[Math.max(first, 0)]));
        }
        Phrase phrase = new Phrase();
        StringBuilder run = new StringBuilder();
        int runFont = -2;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int f = fontFor(cp);
            int use = f < 0 ? 0 : f;
            if (use != runFont && run.length() > 0) {
                phrase.add(new Chunk(run.toString(), style.fonts[runFont]));
                run.setLength(0);
            }
            runFont = use;
            if (f < 0) {
                run.append(REPLACEMENT);
            } else {
                run.appendCodePoint(cp);
            }
        }
        if (run.length() > 0) {
            phrase.add(new Chunk(run.toString(), style.fonts[runFont]));
        }
        return phrase;
    }
}
