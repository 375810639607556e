package dev.sentlog.spi;

import java.util.List;

/**
 * Where a push-style provider (webhooks) hands device reports to the log. Thread-safe; the log
 * applies reports exactly as it applies polled ones (SPEC R2).
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
}
