package dev.sentlog.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one Javadoc breakage doclint lets through: two block tags on one line
 * ({@code @param v the zone @return this builder}), which the javadoc tool reads as one long
 * parameter description and no return. The build runs doclint (all but "missing") on every
 * module; this test closes that gap for the main sources of every module. Runs from the examples
 * module's directory and reads the others through relative paths.
 */
class JavadocTagsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("provider-spi", "core", "report", "examples");
    /** A Javadoc line that starts with a block tag and holds another one later. */
    static final Pattern TWO_BLOCK_TAGS = Pattern.compile(
            "^\\s*\\*\\s*@(param|return|throws|exception|see|since)\\b.*\\s@(param|return|throws|exception)\\b");

    @Test
    @DisplayName("no Javadoc line of the main sources holds two block tags")
    void noLineHoldsTwoBlockTags() {
        List<String> offenders = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                    List<String> lines = read(p);
                    for (int i = 0; i < lines.size(); i++) {
                        if (TWO_BLOCK_TAGS.matcher(lines.get(i)).find()) {
                            offenders.add(ROOT.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(offenders).as("Javadoc lines with two block tags (split them)").isEmpty();
    }

    @Test
    @DisplayName("the check finds the broken shape and passes the sound one")
    void theCheckTellsTheShapesApart() {
        assertThat(TWO_BLOCK_TAGS.matcher("     * @param v the zone @return this builder").find()).isTrue();
        assertThat(TWO_BLOCK_TAGS.matcher("     * @return the builder @throws NullPointerException if null").find())
                .isTrue();
        assertThat(TWO_BLOCK_TAGS.matcher("     * @param v the zone").find()).isFalse();
        assertThat(TWO_BLOCK_TAGS.matcher("     * @return this builder, see {@link Foo#bar}").find()).isFalse();
        assertThat(TWO_BLOCK_TAGS.matcher("     * @param v an address such as a@return.example").find()).isFalse();
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
