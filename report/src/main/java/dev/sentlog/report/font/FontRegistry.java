package dev.sentlog.report.font;

import dev.sentlog.report.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts a PDF report draws with (SPEC P8): the bundled DejaVu Sans (Latin with diacritics,
 * Vietnamese, Cyrillic, Greek and more; regular and bold; licence in
 * {@code dev/sentlog/report/font/DejaVu-LICENSE.txt}), then the host's fallback fonts in the order
 * registered. Each character is drawn with the first font that has it; a character that no font has
 * is drawn as U+FFFD (a visible replacement), never dropped and never an error.
 *
 * <p>All fonts are embedded as subsets. Immutable and thread-safe; build one per application and
 * share it.
 *
 * <pre>{@code
 * FontRegistry fonts = FontRegistry.builder()
 *         .fallback(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttf"))
 *         .build();
 * }</pre>
 */
public final class FontRegistry {

    private static final String RESOURCE_DIR = "/dev/sentlog/report/font/";
    private static final FontRegistry BUNDLED = new FontRegistry(List.of());

    private final List<FontSource> fallbacks;

    private FontRegistry(List<FontSource> fallbacks) {
        this.fallbacks = List.copyOf(fallbacks);
    }

    /** The bundled DejaVu Sans only. */
    public static FontRegistry bundled() {
        return BUNDLED;
    }

    /** A builder starting from the bundled fonts. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bundled regular face, DejaVu Sans. */
    public FontSource regular() {
        return Bundled.REGULAR;
    }

    /** The bundled bold face, DejaVu Sans Bold. */
    public FontSource bold() {
        return Bundled.BOLD;
    }

    /** The host's fallback fonts, in the order they are tried. */
    public List<FontSource> fallbacks() {
        return fallbacks;
    }

    /** Loads the bundled faces once, on first use. */
    private static final class Bundled {
        static final FontSource REGULAR = load("DejaVuSans.ttf");
        static final FontSource BOLD = load("DejaVuSans-Bold.ttf");

        private static FontSource load(String file) {
            try (InputStream in = FontRegistry.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    // a broken build of this module, not the host's doing
                    throw new IllegalStateException("the bundled font " + RESOURCE_DIR + file
                            + " is missing from the sentlog-report jar");
                }
                return FontSource.of(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled font " + file, e);
            }
        }
    }

    /** Builds a {@link FontRegistry}: the bundled fonts plus fallbacks. */
    public static final class Builder {
        private final List<FontSource> fallbacks = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a fallback font, tried after the bundled font and the fallbacks added before it.
         *
         * @param font the font
         * @return this builder
         */
        public Builder fallback(FontSource font) {
            fallbacks.add(Checks.requireNonNull(font, "font"));
            return this;
        }

        /**
         * Adds a fallback font from a TrueType file.
         *
         * @param ttf the {@code .ttf} file
         * @return this builder
         * @throws UncheckedIOException when the file cannot be read
         */
        public Builder fallback(Path ttf) {
            Checks.requireNonNull(ttf, "ttf");
            try {
                return fallback(FontSource.of(ttf.getFileName().toString(), Files.readAllBytes(ttf)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font file " + ttf, e);
            }
        }

        /** Builds the registry. */
        public FontRegistry build() {
            return new FontRegistry(fallbacks);
        }
    }
}
