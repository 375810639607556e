package dev.sentlog.core.store.postgres.testing;

import static dev.sentlog.core.store.postgres.testing.PostgresClusterTest.strings;
import static dev.sentlog.core.store.postgres.testing.PostgresClusterTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Private clusters: crash and recovery, and nothing left behind. */
class PostgresClusterLifecycleTest {

    @Test
    @DisplayName("N1 groundwork: after kill() and restart() committed rows are there and uncommitted ones are not")
    void committedRowsSurviveKillAndRestart() throws SQLException, IOException {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            DataSource dataSource = cluster.dataSource();
            int port = cluster.port();
            Connection open = dataSource.getConnection();
            try (Connection connection = dataSource.getConnection()) {
                update(connection, "CREATE TABLE durable (id integer PRIMARY KEY)");
                update(connection, "INSERT INTO durable VALUES (1), (2)");
            }
            open.setAutoCommit(false);
            update(open, "INSERT INTO durable VALUES (3)");
            if (isRoot()) {
                assertThat(Files.getOwner(cluster.directory().resolve("data")).getName())
                        .as("initdb ran as the postgres user").isEqualTo("postgres");
            }

            cluster.kill();

            assertThat(cluster.isRunning()).isFalse();
            assertThatThrownBy(() -> strings(open, "SELECT 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
            assertThatThrownBy(cluster::kill).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already stopped");

            cluster.restart();

            assertThat(cluster.isRunning()).isTrue();
            assertThat(cluster.port()).as("same port, so old URLs work").isEqualTo(port);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT id::text FROM durable ORDER BY id")).containsExactly("1", "2");
            }
        }
    }

    @Test
    @DisplayName("close() stops the server and removes its directory; closing twice does nothing; a closed cluster refuses to restart")
    void closeRemovesEverything() throws SQLException {
        PostgresCluster cluster = PostgresCluster.start();
        Path directory = cluster.directory();
        DataSource dataSource = cluster.dataSource();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT 'up'")).containsExactly("up");
        }
        assertThat(directory.resolve("data")).isDirectory();

        cluster.close();

        assertThat(directory).doesNotExist();
        assertThat(cluster.isRunning()).isFalse();
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
        cluster.close();
        assertThatThrownBy(cluster::restart).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static boolean isRoot() {
        return "root".equals(ProcessHandle.current().info().user().orElse(""));
    }
}
