package dev.sentlog.core.log;

import com.zaxxer.hikari.HikariDataSource;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.jdbc.TestPools;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * SPEC E3 on PostgreSQL: the {@link LiveSummaryPropertyTest} steps, fewer and from a fixed seed, on
 * the PostgreSQL store, whose summary is kept in tables and changed by deltas in the transactions that
 * change the devices; after each step it equals the analysis of the stored devices.
 */
class LiveSummaryOnPostgresTest {

    private static final AtomicInteger MESSAGES = new AtomicInteger();
    private static HikariDataSource pool;
    private static MessageStore store;

    private static synchronized MessageStore store() {
        if (store == null) {
            pool = TestPools.pool(PostgresCluster.shared().createDatabase("live_summary"), null);
            store = JdbcMessageStore.migrate(pool);
        }
        return store;
    }

    @AfterContainer
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        return LiveSummaryPropertyTest.messages();
    }

    @Provide
    Arbitrary<List<LiveSummaryPropertyTest.Step>> steps() {
        return LiveSummaryPropertyTest.steps();
    }

    @Property(tries = 25, seed = "1616")
    void E3_onPostgres_theMaintainedSummaryEqualsTheAnalysisAfterEveryStep(
            @ForAll("messages") Message message, @ForAll("steps") List<LiveSummaryPropertyTest.Step> steps,
            @ForAll long seed) {
        Assume.that(!LiveSummaryPropertyTest.submitted(message).isEmpty());
        Message unique = message.toBuilder().id("m-" + MESSAGES.incrementAndGet()).build();
        LiveSummaryPropertyTest.run(store(), unique, steps, seed);
    }
}
