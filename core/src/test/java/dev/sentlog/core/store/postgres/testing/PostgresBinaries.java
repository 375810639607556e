package dev.sentlog.core.store.postgres.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory holding the PostgreSQL server binaries a {@link PostgresCluster} runs
 * ({@code initdb}, {@code pg_ctl}).
 *
 * <p>{@link #locate()} honours the system property, then the environment variable
 * {@value #OVERRIDE} (a {@code bin} directory); without it, it takes the newest version under
 * {@code /usr/lib/postgresql/<version>/bin}, where the Debian package {@code postgresql} installs
 * them. When none is found it throws; it never answers "skip".
 *
 * @param directory the {@code bin} directory holding {@code initdb} and {@code pg_ctl}
 */
public record PostgresBinaries(Path directory) {

    /** The system property and environment variable naming a {@code bin} directory to use instead. */
    public static final String OVERRIDE = "SENTLOG_PG_BIN";

    /** Where the Debian package {@code postgresql} installs one directory per server version. */
    public static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private static final List<String> REQUIRED = List.of("initdb", "pg_ctl");

    /**
     * The binaries in {@code directory}.
     *
     * @param directory the {@code bin} directory
     * @throws PostgresClusterException when {@code initdb} or {@code pg_ctl} is not an executable
     *     file there
     */
    public PostgresBinaries {
        Objects.requireNonNull(directory, "directory");
        for (String name : REQUIRED) {
            if (!Files.isExecutable(directory.resolve(name))) {
                throw new PostgresClusterException("PostgreSQL server binary " + name
                        + " not found (or not executable) in " + directory);
            }
        }
    }

    /**
     * The binaries named by {@value #OVERRIDE} (system property first, then environment), else the
     * newest version under {@link #DEBIAN_ROOT}.
     *
     * @return the binaries to run
     * @throws PostgresClusterException when the named directory lacks them, or none is installed
     */
    public static PostgresBinaries locate() {
        String override = Optional.ofNullable(System.getProperty(OVERRIDE))
                .orElseGet(() -> System.getenv(OVERRIDE));
        return locate(DEBIAN_ROOT, Optional.ofNullable(override).filter(s -> !s.isBlank()));
    }

    /**
     * The binaries in {@code override} when given, else the newest {@code <version>/bin} under
     * {@code root} that holds them.
     *
     * @param root the directory holding one directory per server version
     * @param override a {@code bin} directory to use instead, when given
     * @return the binaries to run
     * @throws PostgresClusterException when the override lacks them, or no version under
     *     {@code root} has them
     */
    public static PostgresBinaries locate(Path root, Optional<String> override) {
        if (override.isPresent()) {
            Path directory = Path.of(override.get());
            try {
                return new PostgresBinaries(directory);
            } catch (PostgresClusterException e) {
                throw new PostgresClusterException(OVERRIDE + " names " + directory
                        + ", which does not hold the PostgreSQL server binaries initdb and pg_ctl", e);
            }
        }
        return newestUnder(root).orElseThrow(() -> new PostgresClusterException(
                "PostgreSQL server binaries not found under " + root + "/*/bin; install the Debian"
                        + " package postgresql (.ci/run does), or set " + OVERRIDE
                        + " to a directory holding initdb and pg_ctl"));
    }

    private static Optional<PostgresBinaries> newestUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .filter(v -> REQUIRED.stream().allMatch(b -> Files.isExecutable(v.resolve("bin").resolve(b))))
                    .max(Comparator.comparing(v -> versionParts(v.getFileName().toString()),
                            Arrays::compare))
                    .map(v -> new PostgresBinaries(v.resolve("bin")));
        } catch (IOException e) {
            throw new PostgresClusterException("cannot list the PostgreSQL versions under " + root, e);
        }
    }

    private static int[] versionParts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * The path of one binary in this directory.
     *
     * @param name the binary's name, e.g. {@code pg_ctl}
     * @return its path
     */
    public Path binary(String name) {
        return directory.resolve(name);
    }
}
