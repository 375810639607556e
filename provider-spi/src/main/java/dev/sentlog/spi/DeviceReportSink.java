package dev.sentlog.spi;

import java.util.List;

/**
 * Where a push-style provider (webhooks) hands device reports to the log. Thread-safe; the log
 * applies reports exactly as it applies polled ones (SPEC R2), and records feedback (SPEC H5)
 * handed to {@link #acceptFeedback} beside them.
 */
@FunctionalInterface
public interface DeviceReportSink {

    /**
     * Hands over reports for one job.
     *
     * @param providerName the reporting provider's {@link DeliveryProvider#name()}
     * @param jobId        the job the reports belong to
     * @param reports      the reports
     */
    void accept(String providerName, String jobId, List<DeviceReport> reports);

    /**
     * Hands over recipients' feedback (opened, clicked, unsubscribed, complained; SPEC H5) for one
     * job. The log's sink records it per device; feedback never changes a device's outcome (R2). The
     * default drops it, so a sink written before feedback existed still compiles and behaves as
     * before.
     *
     * @param providerName the reporting provider's {@link DeliveryProvider#name()}
     * @param jobId        the job the feedback belongs to
     * @param feedback     the feedback
     */
    default void acceptFeedback(String providerName, String jobId, List<DeviceFeedback> feedback) {
    }
}
