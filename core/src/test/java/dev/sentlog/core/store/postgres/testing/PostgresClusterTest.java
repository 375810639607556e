package dev.sentlog.core.store.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared throwaway cluster: SQL runs, nodes see each other, lost connections fail loudly. */
class PostgresClusterTest {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startShared() {
        cluster = PostgresCluster.shared();
    }

    @Test
    @DisplayName("the shared cluster runs SQL in its default database, on the loopback address")
    void runsSql() throws SQLException {
        assertThat(cluster.isRunning()).isTrue();
        assertThat(cluster.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/sentlog");
        assertThat(cluster.user()).isEqualTo(PostgresCluster.SUPERUSER);
        try (Connection connection = cluster.dataSource().getConnection()) {
            update(connection, "CREATE TABLE fixture_runs (id integer PRIMARY KEY, label text NOT NULL)");
            update(connection, "INSERT INTO fixture_runs VALUES (1, 'one'), (2, 'two')");
            assertThat(strings(connection, "SELECT label FROM fixture_runs ORDER BY id")).containsExactly("one", "two");
            assertThat(strings(connection, "SELECT current_database()")).containsExactly("sentlog");
            assertThat(strings(connection, "SELECT inet_server_addr()::text")).containsExactly("127.0.0.1/32");
        }
        assertThat(PostgresCluster.shared()).as("one cluster per JVM").isSameAs(cluster);
    }

    @Test
    @DisplayName("N3 groundwork: two data sources over one database see each other's committed rows, not uncommitted ones")
    void twoDataSourcesShareCommittedRows() throws SQLException {
        PostgresDatabase database = cluster.createDatabase("fixture_two_nodes");
        DataSource nodeA = database.dataSource();
        DataSource nodeB = database.dataSource();
        try (Connection a = nodeA.getConnection(); Connection b = nodeB.getConnection()) {
            update(a, "CREATE TABLE shared_rows (id integer PRIMARY KEY, writer text NOT NULL)");
            a.setAutoCommit(false);
            update(a, "INSERT INTO shared_rows VALUES (1, 'a')");
            assertThat(strings(b, "SELECT writer FROM shared_rows")).as("before A commits").isEmpty();
            a.commit();
            assertThat(strings(b, "SELECT writer FROM shared_rows")).containsExactly("a");

            update(b, "INSERT INTO shared_rows VALUES (2, 'b')");
            assertThat(strings(a, "SELECT writer FROM shared_rows ORDER BY id")).containsExactly("a", "b");
        }
    }

    @Test
    @DisplayName("N4 groundwork: terminating a database's connections makes the next statement raise SQLException; other databases keep theirs")
    void terminatedConnectionRaisesSqlException() throws SQLException {
        PostgresDatabase lost = cluster.createDatabase("fixture_lost");
        PostgresDatabase kept = cluster.createDatabase("fixture_kept");
        try (Connection victim = lost.dataSource().getConnection();
                Connection bystander = kept.dataSource().getConnection()) {
            assertThat(strings(victim, "SELECT 'alive'")).containsExactly("alive");

            assertThat(cluster.terminateConnections("fixture_lost")).isEqualTo(1);

            assertThatThrownBy(() -> strings(victim, "SELECT 'after'")).isInstanceOf(SQLException.class);
            assertThat(strings(bystander, "SELECT 'still here'")).containsExactly("still here");
        }
        try (Connection fresh = lost.dataSource().getConnection()) {
            assertThat(strings(fresh, "SELECT 'reconnected'")).containsExactly("reconnected");
        }
        assertThat(cluster.terminateConnections("fixture_lost")).as("none left").isZero();
    }

    @Test
    @DisplayName("createDatabase names what is wrong: a malformed name, or one that exists")
    void createDatabaseRejectsBadNames() {
        assertThatThrownBy(() -> cluster.createDatabase("Bad-Name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad-Name");
        assertThatThrownBy(() -> cluster.createDatabase("x; DROP DATABASE sentlog"))
                .isInstanceOf(IllegalArgumentException.class);
        cluster.createDatabase("fixture_twice");
        assertThatThrownBy(() -> cluster.createDatabase("fixture_twice"))
                .isInstanceOf(PostgresClusterException.class)
                .hasMessageContaining("CREATE DATABASE fixture_twice")
                .hasMessageContaining("already exists");
    }

    static void update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
