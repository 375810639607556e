package dev.sentlog.spi;

import java.util.List;

/**
 * What a provider stopped when asked to cancel a job.
 *
 * @param canceledDeviceIds the devices this call stopped before they were attempted
 */
public record CancelResult(List<String> canceledDeviceIds) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException when the list or an element is null
     */
    public CancelResult {
        canceledDeviceIds = List.copyOf(canceledDeviceIds);
    }
}
