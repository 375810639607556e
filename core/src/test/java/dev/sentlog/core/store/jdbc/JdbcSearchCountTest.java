package dev.sentlog.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.spi.Channel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The PostgreSQL search's total (SPEC S2) comes from per-day counts plus the rows of the partial days
 * at the range's ends, less the scheduler-created messages not visible yet (V2), and purged messages
 * stop counting (X1). Compared with the in-memory store, which counts every matching header, for
 * messages around midnights (also before 1970), any range, schools (T3), sender (T1), visibility
 * instant and a limit small enough that the total is counted, not taken from a short page.
 */
class JdbcSearchCountTest {

    private static final long DAY = JdbcSearchCount.DAY_NANOS;
    private static final Instant[] BASES = {Instant.parse("2026-03-01T00:00:00Z"), Instant.EPOCH};
    private static final List<String> SCHOOLS = List.of("Lincoln", "Harrison", "Jefferson");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresDatabase database;

    /** One stored message: its day offset and position in the day, school, sender, schedule, purged or not. */
    record Stored(int day, long inDay, int school, int sender, int schedule, boolean purged) {
    }

    /** One search: its ends (day offset and position), schools, sender, visibility instant and limit. */
    record Search(int fromDay, long fromInDay, int days, long toInDay, Set<String> schools, int sender, int visible,
                  int limit) {
    }

    private static synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresCluster.shared().createDatabase("search_count");
        }
        return database;
    }

    @Provide
    Arbitrary<List<Stored>> messages() {
        Arbitrary<Long> inDay = Arbitraries.oneOf(Arbitraries.of(0L, 1L, DAY - 1, DAY / 2),
                Arbitraries.longs().between(0, DAY - 1));
        return Combinators.combine(Arbitraries.integers().between(-2, 2), inDay, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3),
                Arbitraries.of(false, false, true)).as(Stored::new).list().ofMinSize(5).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Search>> searches() {
        Arbitrary<Long> inDay = Arbitraries.oneOf(Arbitraries.of(0L, 1L, DAY - 1), Arbitraries.longs().between(0,
                DAY - 1));
        Arbitrary<Set<String>> schools = Arbitraries.of(SCHOOLS).set().ofMaxSize(2);
        return Combinators.combine(Arbitraries.integers().between(-3, 2), inDay, Arbitraries.integers().between(0, 5),
                inDay, schools, Arbitraries.integers().between(-3, 1), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 4)).as(Search::new).list().ofMinSize(10).ofMaxSize(30);
    }

    @Property(tries = 12)
    void S2_V2_X1_theCountedTotalEqualsTheMatchesInMemory(@ForAll("messages") List<Stored> stored,
            @ForAll("searches") List<Search> searches, @ForAll boolean beforeEpoch) throws SQLException {
        Instant base = BASES[beforeEpoch ? 1 : 0];
        String schema = "count_" + SCHEMAS.incrementAndGet();
        try (HikariDataSource admin = TestPools.pool(database(), null); Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (HikariDataSource pool = TestPools.pool(database(), schema)) {
            MessageStore postgres = JdbcMessageStore.migrate(pool);
            MessageStore memory = MessageStore.inMemory();
            List<String> purged = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                Stored m = stored.get(i);
                Message message = message("m-" + i, base, m);
                for (MessageStore store : List.of(postgres, memory)) {
                    store.insert(message, MessageState.initial(MessageStatus.SENT));
                }
                if (m.purged()) {
                    purged.add(message.id());
                }
            }
            for (String id : purged) {
                assertThat(postgres.markForPurge(id)).isTrue();
                assertThat(memory.markForPurge(id)).isTrue();
            }
            for (Search search : searches) {
                StoreQuery q = query(base, search);
                StorePage expected = memory.search(q);
                StorePage actual = postgres.search(q);
                assertThat(actual.totalMatched()).as("the total of %s", search).isEqualTo(expected.totalMatched());
                assertThat(actual.newestFirst()).extracting(MessageHeader::id).as("the page of %s", search)
                        .containsExactlyElementsOf(expected.newestFirst().stream().map(MessageHeader::id).toList());
            }
        }
    }

    private static Message message(String id, Instant base, Stored m) {
        Instant created = at(base, m.day(), m.inDay());
        Message.Builder b = Message.builder().id(id).messageType("Staff Messenger").subject("Subject")
                .districtOrSchool(SCHOOLS.get(m.school())).sender(Sender.of("u-" + m.sender(), "Sender", ""))
                .createdAt(created).status(MessageStatus.SENT).deliveryModes(Channel.EMAIL).recipients(List.of());
        // 0: not scheduler-created; 1: created by a scheduler with no start; 2 and 3: starting a day before or after
        if (m.schedule() > 0) {
            b.scheduleName("Weekly").scheduleId("s-1");
        }
        if (m.schedule() > 1) {
            b.scheduledAt(created.plusSeconds(m.schedule() == 2 ? -86_400 : 86_400));
        }
        return b.build();
    }

    private static StoreQuery query(Instant base, Search s) {
        Instant from = at(base, s.fromDay(), s.fromInDay());
        Instant to = at(base, s.fromDay() + s.days(), s.toInDay());
        if (to.isBefore(from)) {
            to = from;
        }
        Instant visible = base.plusSeconds(86_400L * (s.visible() - 1) * 2);
        return new StoreQuery(from, to, s.sender() < 0 ? null : "u-" + s.sender(), s.schools(), visible, s.limit());
    }

    private static Instant at(Instant base, int day, long inDay) {
        return base.plusNanos(day * DAY + inDay);
    }
}
