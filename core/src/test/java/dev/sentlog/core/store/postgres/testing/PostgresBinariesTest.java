package dev.sentlog.core.store.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the server binaries: newest version, the override, and a loud failure. */
class PostgresBinariesTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("without binaries the fixture fails, naming where it looked and how to install them (no silent skip)")
    void missingBinariesFail() {
        assertThatThrownBy(() -> PostgresBinaries.locate(root, Optional.empty()))
                .isInstanceOf(PostgresClusterException.class)
                .hasMessageContaining("PostgreSQL server binaries not found under " + root + "/*/bin")
                .hasMessageContaining("install the Debian package postgresql (.ci/run does)");
        assertThatThrownBy(() -> PostgresBinaries.locate(root.resolve("absent"), Optional.empty()))
                .isInstanceOf(PostgresClusterException.class)
                .hasMessageContaining("not found under");
    }

    @Test
    @DisplayName("a version directory without initdb does not count")
    void incompleteVersionIsIgnored() throws IOException {
        fakeBinaries(root.resolve("15/bin"), "pg_ctl");
        assertThatThrownBy(() -> PostgresBinaries.locate(root, Optional.empty()))
                .isInstanceOf(PostgresClusterException.class)
                .hasMessageContaining("not found under");
    }

    @Test
    @DisplayName("the newest version is chosen by number, not by spelling (16 over 15 over 9.6)")
    void newestVersionWins() throws IOException {
        fakeBinaries(root.resolve("9.6/bin"), "initdb", "pg_ctl");
        fakeBinaries(root.resolve("16/bin"), "initdb", "pg_ctl");
        fakeBinaries(root.resolve("15/bin"), "initdb", "pg_ctl");
        Files.createDirectories(root.resolve("17/bin"));
        Files.createDirectories(root.resolve("notes"));

        assertThat(PostgresBinaries.locate(root, Optional.empty()).directory()).isEqualTo(root.resolve("16/bin"));
    }

    @Test
    @DisplayName("SENTLOG_PG_BIN wins over the installed versions, and a wrong one is named in the failure")
    void overrideIsHonoured() throws IOException {
        fakeBinaries(root.resolve("16/bin"), "initdb", "pg_ctl");
        Path elsewhere = fakeBinaries(root.resolve("custom"), "initdb", "pg_ctl");
        assertThat(PostgresBinaries.locate(root, Optional.of(elsewhere.toString())).directory()).isEqualTo(elsewhere);

        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> PostgresBinaries.locate(root, Optional.of(empty.toString())))
                .isInstanceOf(PostgresClusterException.class)
                .hasMessageContaining(PostgresBinaries.OVERRIDE + " names " + empty);
    }

    @Test
    @DisplayName("the installed binaries of this machine are found (the build needs them)")
    void installedBinariesAreFound() {
        PostgresBinaries binaries = PostgresBinaries.locate();
        assertThat(binaries.binary("initdb")).isExecutable();
        assertThat(binaries.binary("pg_ctl")).isExecutable();
    }

    private static Path fakeBinaries(Path bin, String... names) throws IOException {
        Files.createDirectories(bin);
        for (String name : names) {
            Files.createFile(bin.resolve(name), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        return bin;
    }
}
