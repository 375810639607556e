package dev.sentlog.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store has: schema versions (N5) and store failures (N4). */
class JdbcMessageStoreTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-01-05T13:00:00Z");

    private static PostgresDatabase freshDatabase() {
        return PostgresCluster.shared().createDatabase("jdbc_store_" + DATABASES.incrementAndGet());
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Message message(String id) {
        return Message.builder().id(id).messageType("Staff Messenger").messageTypeKind(MessageTypeKind.NON_MESSENGER)
                .districtOrSchool("Lincoln").subject("Field trip").sender(Sender.of("u-1", "Teacher, Tina", ""))
                .createdAt(T0).status(MessageStatus.WAITING).deliveryModes(Channel.EMAIL, Channel.TEXT)
                .recipients(List.of(RecipientEntry.of(Person.of("p-1", "Parent, Pat"), null, List.of(
                        Device.of(Channel.EMAIL, "pat.parent@nomail.com", DeviceStatus.PENDING),
                        Device.of(Channel.TEXT, "5551234567", DeviceStatus.PENDING)))))
                .build();
    }

    private static JdbcMessageStore storeWithMessage(PostgresDatabase db) {
        JdbcMessageStore store = JdbcMessageStore.migrate(db.dataSource());
        store.insert(message("m-1"), MessageState.initial(MessageStatus.WAITING));
        return store;
    }

    @Test
    @DisplayName("N5 the store refuses a database without the Sentlog schema, naming the version it needs")
    void refusesMissingSchema() {
        DataSource ds = freshDatabase().dataSource();

        assertThatThrownBy(() -> JdbcMessageStore.create(ds)).isInstanceOf(StoreSchemaException.class)
                .hasMessageContaining("schema is missing but this library needs version 1")
                .hasMessageContaining(JdbcMessageStore.SCHEMA_RESOURCE)
                .satisfies(e -> assertThat(((StoreSchemaException) e).foundVersion()).isEmpty());
    }

    @Test
    @DisplayName("N5 a database of another schema version is refused naming both versions, by create and migrate, "
            + "and left unchanged")
    void refusesOtherVersion() throws SQLException {
        DataSource ds = freshDatabase().dataSource();
        JdbcMessageStore.migrate(ds);
        execute(ds, "INSERT INTO sentlog_schema_version (version) VALUES (2)");

        assertThatThrownBy(() -> JdbcMessageStore.create(ds)).isInstanceOf(StoreSchemaException.class)
                .hasMessageContaining("schema is version 2 but this library needs version 1")
                .satisfies(e -> {
                    StoreSchemaException s = (StoreSchemaException) e;
                    assertThat(s.expectedVersion()).isEqualTo(1);
                    assertThat(s.foundVersion()).hasValue(2);
                });
        assertThatThrownBy(() -> JdbcMessageStore.migrate(ds)).isInstanceOf(StoreSchemaException.class)
                .hasMessageContaining("version 2").hasMessageContaining("version 1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM sentlog_schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("N5 migrate applies the schema to an empty database when asked; again it changes nothing; create "
            + "then accepts the database")
    void migrateAppliesOnce() {
        DataSource ds = freshDatabase().dataSource();

        JdbcMessageStore.migrate(ds).insert(message("m-1"), MessageState.initial(MessageStatus.WAITING));
        JdbcMessageStore again = JdbcMessageStore.migrate(ds);

        assertThat(again.header("m-1")).isPresent();
        assertThat(JdbcMessageStore.create(ds).snapshot("m-1")).contains(message("m-1"));
    }

    @Test
    @DisplayName("N5 the schema ships as a Flyway-named class-path resource whose version is the store's")
    void schemaResource() throws IOException {
        assertThat(JdbcMessageStore.SCHEMA_RESOURCE).matches("dev/sentlog/core/store/jdbc/V1__[a-z_]+\\.sql");
        String text;
        try (InputStream in = JdbcMessageStore.class.getResourceAsStream("/" + JdbcMessageStore.SCHEMA_RESOURCE)) {
            assertThat(in).as("the resource is on the class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains("INSERT INTO sentlog_schema_version (version) VALUES ("
                + JdbcMessageStore.SCHEMA_VERSION + ")");
        assertThat(JdbcMessageStore.schemaStatements()).allSatisfy(s -> assertThat(s).doesNotContain("--"))
                .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE sentlog_message"));
    }

    @Test
    @DisplayName("N4 connections lost inside withDevices: one StoreUnavailableException naming the operation, "
            + "the message and the SQL state, no personal data; nothing applied; the next call works")
    void lostConnectionInWithDevices() {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore store = storeWithMessage(db);

        assertThatThrownBy(() -> store.withDevices("m-1", t -> {
            t.markSubmitted(0);
            t.set(1, DeviceOutcome.of(DeviceStatus.SENT), false, T0, 3, true);
            PostgresCluster.shared().terminateConnections(db.name());
            return t.address(1);
        })).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
            assertThat(e.operation()).isEqualTo("withDevices");
            assertThat(e.messageId()).contains("m-1");
            assertThat(e.errorCode()).hasValueSatisfying(code -> assertThat(code).matches("[0-9A-Z]{5}"));
            assertThat(e.getMessage()).contains("withDevices", "m-1", "SQL state " + e.errorCode().orElseThrow())
                    .doesNotContain("5551234567", "pat.parent", "Parent, Pat");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        });

        assertThat(store.withDevices("m-1", t -> t.submitted(0) + "/" + t.outcome(1).display() + "/"
                + t.submittedCount())).as("nothing of the failed call was applied").contains("false/Pending/0");
        assertThat(store.snapshot("m-1")).contains(message("m-1"));
    }

    @Test
    @DisplayName("N4 connections lost inside the four-argument compareAndSet: neither the state nor the devices "
            + "changed")
    void lostConnectionInCompareAndSet() {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore store = storeWithMessage(db);

        assertThatThrownBy(() -> store.compareAndSet("m-1", 0, MessageState.initial(MessageStatus.CANCELED), t -> {
            t.set(0, DeviceOutcome.of(DeviceStatus.CANCELED), false, null, -3, true);
            PostgresCluster.shared().terminateConnections(db.name());
        })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("compareAndSet of message m-1");

        assertThat(store.header("m-1").map(h -> h.state())).contains(MessageState.initial(MessageStatus.WAITING));
        assertThat(store.withDevices("m-1", t -> t.outcome(0).display())).contains("Pending");
    }

    @Test
    @DisplayName("N4 a database that cannot be reached fails a call with StoreUnavailableException, not SQLException")
    void unreachable() {
        PostgresDatabase db = freshDatabase();
        JdbcMessageStore store = JdbcMessageStore.migrate(db.dataSource());
        DataSource nowhere = new PostgresDatabase("missing", db.jdbcUrl().replace("/" + db.name(), "/no_such_db"),
                db.user()).dataSource();

        assertThatThrownBy(() -> JdbcMessageStore.create(nowhere)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("checkSchema");
        assertThat(store.header("m-1")).isEmpty();
    }

    @Test
    @DisplayName("a time outside the store's range is refused naming the field and message, storing nothing")
    void timeOutOfRange() {
        JdbcMessageStore store = JdbcMessageStore.migrate(freshDatabase().dataSource());
        Message far = message("m-9").toBuilder().createdAt(Instant.parse("2300-01-01T00:00:00Z")).build();

        assertThatThrownBy(() -> store.insert(far, MessageState.initial(MessageStatus.WAITING)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createdAt of message m-9");
        assertThat(store.header("m-9")).isEmpty();
    }
}
