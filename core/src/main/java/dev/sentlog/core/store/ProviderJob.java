package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One batch of a message handed to one provider.
 *
 * @param providerName    the provider's name
 * @param jobId           the provider's job id
 * @param channels        the channels of the devices in the job, non-empty
 * @param cancelConfirmed whether the provider has answered a cancel of this job (SPEC C4)
 */
public record ProviderJob(String providerName, String jobId, Set<Channel> channels, boolean cancelConfirmed) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a name is blank or there is no channel
     */
    public ProviderJob {
        Checks.requireNonBlank(providerName, "job.providerName");
        Checks.requireNonBlank(jobId, "job.jobId");
        Checks.requireNonNull(channels, "job.channels");
        Checks.requireArgument(!channels.isEmpty(), "job %s of %s has no channel", jobId, providerName);
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }

    /** A copy whose cancel the provider has answered. */
    public ProviderJob withCancelConfirmed() {
        return new ProviderJob(providerName, jobId, channels, true);
    }
}
