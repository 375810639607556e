package dev.sentlog.core.log;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A log on a mutable clock with one scripted provider for every channel. */
final class LogHarness implements AutoCloseable {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /**
     * Where each new harness keeps its log: the in-memory store unless a suite on another store
     * (e.g. {@link OnPostgres}) sets it for the duration of its class. Test classes run one at a time.
     */
    static volatile Supplier<MessageStore> stores = MessageStore::inMemory;

    final ManualClock clock = new ManualClock(TestMessages.T0);
    final ScriptedProvider provider;
    final SentMessageLog log;

    LogHarness() {
        this(ScriptedProvider.all("sim"));
    }

    LogHarness(ScriptedProvider provider) {
        this(provider, b -> b);
    }

    LogHarness(ScriptedProvider provider, UnaryOperator<SentMessageLog.Builder> settings) {
        this.provider = provider;
        this.log = settings.apply(builder().provider(provider)).build();
    }

    SentMessageLog.Builder builder() {
        return SentMessageLog.builder().store(stores.get()).clock(clock).zone(CHICAGO)
                .providerTimeout(Duration.ofSeconds(10));
    }

    /**
     * A harness whose provider calls time out after 300 ms, for the tests of a hanging provider; the
     * others wait long enough that a loaded build machine never times a working provider out.
     */
    static LogHarness withShortProviderTimeout() {
        return new LogHarness(ScriptedProvider.all("sim"), b -> b.providerTimeout(Duration.ofMillis(300)));
    }

    /** The provider reaches a device and pushes the report through its sink. */
    DeviceReport push(String deviceId, DeviceOutcome outcome) {
        return push(deviceId, outcome, false);
    }

    DeviceReport push(String deviceId, DeviceOutcome outcome, boolean confirmed) {
        String job = provider.onlyJob();
        DeviceReport r = provider.reach(job, deviceId, outcome, confirmed, clock.instant());
        if (r != null) {
            provider.sink.accept(provider.name(), job, List.of(r));
        }
        return r;
    }

    /** Records the seed message ("m-1") on a fresh log and pushes the reports one at a time, in order. */
    static Message afterPushingOneByOne(List<DeviceReport> reports) {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            String job = h.provider.onlyJob();
            for (DeviceReport r : reports) {
                h.log.acceptReports("sim", job, List.of(r));
            }
            return h.snapshot("m-1");
        }
    }

    Message snapshot(String id) {
        return log.printable(TestMessages.admin(), id);
    }

    /** The device of a message by its provider id. */
    static Device device(Message m, String deviceId) {
        String[] parts = deviceId.split("\\.");
        return m.recipients().get(Integer.parseInt(parts[0])).devices().get(Integer.parseInt(parts[1]));
    }

    static List<Device> devices(Message m) {
        List<Device> all = new ArrayList<>();
        for (RecipientEntry e : m.recipients()) {
            all.addAll(e.devices());
        }
        return all;
    }

    @Override
    public void close() {
        log.close();
    }
}
