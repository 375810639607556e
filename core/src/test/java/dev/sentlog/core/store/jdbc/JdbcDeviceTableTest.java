package dev.sentlog.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL device table reads and writes in proportion to the rows a callback touches, not
 * to the message's size, so one webhook report on a large message stays cheap.
 */
class JdbcDeviceTableTest {

    private static final int DEVICES = 3_000;
    private static final Instant T0 = Instant.parse("2026-01-05T13:00:00Z");
    private static DataSource dataSource;

    @BeforeAll
    static void largeMessage() {
        dataSource = PostgresCluster.shared().createDatabase("device_table").dataSource();
        List<RecipientEntry> entries = new ArrayList<>();
        for (int p = 0; p < DEVICES / 2; p++) {
            entries.add(RecipientEntry.of(Person.of("p-" + p, "P, " + p), null, List.of(
                    Device.of(Channel.EMAIL, "a" + p + "@b.c", DeviceStatus.PENDING),
                    Device.of(Channel.TEXT, "555" + (1_000_000 + p), DeviceStatus.PENDING))));
        }
        Message m = Message.builder().id("big").messageType("Staff Messenger")
                .messageTypeKind(MessageTypeKind.NON_MESSENGER).districtOrSchool("District").subject("s")
                .sender(Sender.of("u-1", "N, N", "")).createdAt(T0).status(MessageStatus.WAITING)
                .deliveryModes(Channel.EMAIL, Channel.TEXT).recipients(entries).build();
        JdbcMessageStore.migrate(dataSource).insert(m, MessageState.initial(MessageStatus.WAITING));
    }

    @Test
    @DisplayName("applying one report to a 3,000-device message reads one device row and writes one")
    void oneReportTouchesOneRow() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            JdbcDeviceTable t = JdbcDeviceTable.open(c, "big");
            int row = t.row(1_234, 1);
            t.set(row, DeviceOutcome.of(DeviceStatus.SENT), false, T0, 1, true);
            t.touch(T0);

            assertThat(t.size()).isEqualTo(DEVICES);
            assertThat(t.loadedRows()).isEqualTo(1);
            assertThat(t.changedRows()).isEqualTo(1);
            t.flush();
            c.rollback();
        }
    }

    @Test
    @DisplayName("a full scan reads single rows up to the threshold, then the rest in one query, each row once")
    void fullScanSwitchesToOneQuery() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            JdbcDeviceTable t = JdbcDeviceTable.open(c, "big");
            t.set(3, DeviceOutcome.of(DeviceStatus.FAILED), false, null, 2, true);
            int email = 0;
            for (int row = 0; row < t.size(); row++) {
                email += t.channel(row) == Channel.EMAIL ? 1 : 0;
            }

            assertThat(email).isEqualTo(DEVICES / 2);
            assertThat(t.loadedRows()).isEqualTo(DEVICES);
            assertThat(t.outcome(3)).as("a row changed before the bulk load keeps its change")
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED));
            assertThat(t.changedRows()).isEqualTo(1);
            c.rollback();
        }
    }
    @Test
    @DisplayName("R2, E3, H3: a batch of 500 final reports costs the same statements as a batch of 10: rows "
            + "prefetched in one query, rows, summary and contact ledger written set-based")
    void batchCostsConstantStatements() throws SQLException {
        int small = statementsToApply(0, 10);
        int large = statementsToApply(100, 500);

        assertThat(large).as("statements for 500 reports").isEqualTo(small);
        assertThat(small).as("statements for 10 reports").isLessThan(20);
    }

    /** Applies FAILED to the Email devices of persons {@code first..first+count-1} and reads them back. */
    private static int statementsToApply(int first, int count) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int[] statements = new int[1];
            Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                            statements[0]++;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            JdbcDeviceTable t = JdbcDeviceTable.open(counting, "big");
            int[] entries = new int[count + 1];
            int[] devices = new int[count + 1];
            for (int i = 0; i < count; i++) {
                entries[i] = first + i;
            }
            entries[count] = DEVICES;
            t.prefetch(entries, devices);
            DeviceOutcome failed = DeviceOutcome.of(DeviceStatus.FAILED);
            ContactKind kind = ContactKind.of(Channel.EMAIL, failed, false, OutcomeClassifier.standard());
            for (int i = 0; i < count; i++) {
                int row = t.row(first + i, 0);
                t.set(row, failed, false, T0.plusSeconds(i), 1, true);
                t.noteContact(row, kind);
            }
            t.touch(T0);
            assertThat(t.row(DEVICES, 0)).as("a device the message does not have").isEqualTo(-1);
            assertThat(t.loadedRows()).as("the batch's rows, loaded by the prefetch").isEqualTo(count);
            int beforeFlush = statements[0];
            t.flush();
            int total = statements[0];
            assertThat(beforeFlush).as("open and prefetch").isEqualTo(2);

            JdbcDeviceTable check = JdbcDeviceTable.open(c, "big");
            for (int i = 0; i < count; i++) {
                int row = check.row(first + i, 0);
                assertThat(check.outcome(row)).isEqualTo(failed);
                assertThat(check.reachedAt(row)).isEqualTo(T0.plusSeconds(i));
            }
            check.discard();
            assertThat(JdbcContactLedger.histories(c, "a.address_key = ANY (?)", c.createArrayOf("text",
                    new Object[] {ContactFact.key(Channel.EMAIL, "a" + first + "@b.c")}))).singleElement()
                    .satisfies(h -> assertThat(h.facts()).singleElement().satisfies(f -> assertThat(f.kind())
                            .isEqualTo(kind)));
            c.rollback();
            return total;
        }
    }
}
