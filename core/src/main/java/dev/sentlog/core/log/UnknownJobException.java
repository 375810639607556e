package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.address.Addresses;

/** Reports named a provider job that no recorded message holds. */
public class UnknownJobException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String providerName;
    private final String jobId;

    /**
     * Creates the exception.
     *
     * @param providerName the reporting provider
     * @param jobId        the job it named
     */
    public UnknownJobException(String providerName, String jobId) {
        super("provider " + Addresses.maskInText(providerName) + " reported on job " + Addresses.maskInText(jobId)
                + ", which no recorded message holds");
        this.providerName = providerName;
        this.jobId = jobId;
    }

    /** The reporting provider. */
    public String providerName() {
        return providerName;
    }

    /** The job it named. */
    public String jobId() {
        return jobId;
    }
}
