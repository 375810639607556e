package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directory of a command-line fuzz class: its input and output files. */
final class FuzzDirectory {

    private FuzzDirectory() {
    }

    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    static void remove(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** L4: no hidden {@code .part} file is left behind, whether the command succeeded or not. */
    static void assertNoPartialFile(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no partial file is left")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }
}
