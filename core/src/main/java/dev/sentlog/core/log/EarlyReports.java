package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.spi.DeviceReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a provider pushes for a job the log does not know yet because the provider's
 * {@code submit} has not returned it: a push from inside {@code submit} (DP-B1 allows a push as
 * soon as the provider has a job). They are kept while a submit of that provider is running and
 * handed to the hand-over once the job is stored; what no returned job claims is dropped with a
 * warning when the provider's last running submit ends. Thread-safe.
 */
final class EarlyReports {

    /** What {@link #hold} did. */
    enum Held { HELD, KNOWN_NOW, UNKNOWN }

    private static final Logger LOG = LoggerFactory.getLogger(EarlyReports.class);

    private final Map<String, Integer> submitsRunning = new HashMap<>();
    private final Map<String, Map<String, List<DeviceReport>>> held = new HashMap<>();

    /** A submit of the provider starts. */
    synchronized void submitting(String provider) {
        submitsRunning.merge(provider, 1, Integer::sum);
    }

    /**
     * A submit of the provider ended.
     *
     * @param jobId the job it returned and the log stored, or null when none
     * @return the reports held for that job, in arrival order; empty when none
     */
    synchronized List<DeviceReport> submitted(String provider, String jobId) {
        Map<String, List<DeviceReport>> byJob = held.get(provider);
        List<DeviceReport> mine = jobId == null || byJob == null ? null : byJob.remove(jobId);
        if (submitsRunning.merge(provider, -1, Integer::sum) == 0) {
            submitsRunning.remove(provider);
            Map<String, List<DeviceReport>> rest = held.remove(provider);
            if (rest != null && !rest.isEmpty()) {
                LOG.warn("provider {} pushed reports for job(s) {} that no submit returned; dropped", provider,
                        Addresses.maskInText(String.valueOf(rest.keySet())));
            }
        }
        return mine == null ? List.of() : mine;
    }

    /**
     * Keeps reports for a job not known yet while a submit of the provider is running.
     *
     * @param jobKnown asked under this object's lock: whether the job is known by now
     * @return HELD when kept, KNOWN_NOW when the job became known meanwhile (apply the reports),
     *         UNKNOWN when no submit of the provider is running (the job is unknown)
     */
    synchronized Held hold(String provider, String jobId, List<DeviceReport> reports, BooleanSupplier jobKnown) {
        if (jobKnown.getAsBoolean()) {
            return Held.KNOWN_NOW;
        }
        if (!submitsRunning.containsKey(provider)) {
            return Held.UNKNOWN;
        }
        held.computeIfAbsent(provider, k -> new HashMap<>()).computeIfAbsent(jobId, k -> new ArrayList<>())
                .addAll(reports);
        return Held.HELD;
    }
}
