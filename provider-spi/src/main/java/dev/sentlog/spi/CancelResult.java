package dev.sentlog.spi;

import java.util.List;

/**
 * What a provider stopped when asked to cancel a job (SPEC C2; contract clauses DP-C1 to DP-C7 of
 * {@link DeliveryProvider}). The log marks each named device CANCELED; a device not named keeps
 * whatever outcome the provider reports for it.
 *
 * @param canceledDeviceIds the devices this call stopped before they were attempted, in any order,
 *                          each at most once; never one already attempted, never one an earlier
 *                          cancel or a confirmation had stopped
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
