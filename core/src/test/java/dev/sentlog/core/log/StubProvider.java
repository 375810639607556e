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
 * A provider whose submit, cancel and poll a test sets as functions, to play a provider that
 * breaks its contract. By default it is named {@code stub}, serves every channel, answers job ids
 * {@code <name>-1, <name>-2, ...}, cancels nothing and reports nothing.
 */
final class StubProvider implements DeliveryProvider {

    private final String name;
    private final Set<Channel> channels;
    private int jobs;
    volatile Function<DeliveryBatch, String> onSubmit = b -> nextJob();
    volatile Function<String, CancelResult> onCancel = j -> new CancelResult(List.of());
    volatile Function<String, List<DeviceReport>> onPoll = j -> List.of();
    volatile DeviceReportSink sink;

    StubProvider() {
        this("stub", EnumSet.allOf(Channel.class));
    }

    StubProvider(String name, Set<Channel> channels) {
        this.name = name;
        this.channels = EnumSet.copyOf(channels);
    }

    synchronized String nextJob() {
        return name + "-" + ++jobs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
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
