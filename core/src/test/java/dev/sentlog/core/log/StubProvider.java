package dev.sentlog.core.log;

import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceReportSink;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A provider for every channel whose submit, cancel and poll a test sets as functions, to play a
 * provider that breaks its contract. By default it answers job ids {@code stub-1, stub-2, ...},
 * cancels nothing and reports nothing.
 */
final class StubProvider implements DeliveryProvider {

    private int jobs;
    volatile Function<DeliveryBatch, String> onSubmit = b -> nextJob();
    volatile Function<String, CancelResult> onCancel = j -> new CancelResult(List.of());
    volatile Function<String, List<DeviceReport>> onPoll = j -> List.of();
    volatile DeviceReportSink sink;

    synchronized String nextJob() {
        return "stub-" + ++jobs;
    }

    @Override
    public String name() {
        return "stub";
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.allOf(Channel.class);
    }

    @Override
    public String submit(DeliveryBatch batch) {
        return onSubmit.apply(batch);
    }

    @Override
    public CancelResult cancel(String jobId) {
        return onCancel.apply(jobId);
    }

    @Override
    public List<DeviceReport> poll(String jobId) {
        return onPoll.apply(jobId);
    }

    @Override
    public void bind(DeviceReportSink s) {
        sink = s;
    }
}
