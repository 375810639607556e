package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ProviderJob;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryProvider;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels (SPEC C1-C4): the request recorded in the message's state, and the stopping of the
 * deliveries not attempted yet, at once for devices never handed over and through the providers
 * for the rest.
 */
final class CancelRequests {

    private static final Logger LOG = LoggerFactory.getLogger(SentMessageLog.class);

    private final MessageStore store;
    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final StatusDerivation status;

    CancelRequests(MessageStore store, ProviderRegistry providers, ProviderCalls calls, StatusDerivation status) {
        this.store = store;
        this.providers = providers;
        this.calls = calls;
        this.status = status;
    }

    /** Records the request and stops what it can; see {@link SentMessageLog#cancel}. Access is checked already. */
    Cancellation request(String messageId, Cancellation request) {
        MessageHeader after = status.update(messageId, s -> {
            if (s.cancellation().isPresent() && !s.status().isFinal()) {
                return null;
            }
            if (!s.status().isCancelable()) {
                throw new MessageNotCancelableException(messageId, s.status());
            }
            if (s.status() == MessageStatus.WAITING && s.startedAt().isEmpty()) {
                return s.withStatus(s.status().moveTo(messageId, MessageStatus.CANCELED))
                        .withCancellation(request).withEndedAt(request.at());
            }
            // In-Progress, or Waiting while being handed over: the hand-over ends it (C3)
            return s.withCancellation(request);
        });
        if (after.state().cancellation().orElse(null) != request) {
            return after.state().cancellation().orElse(null);
        }
        if (after.state().status() == MessageStatus.CANCELED) {
            return request;
        }
        stopThroughProviders(messageId);
        status.derive(messageId);
        return request;
    }

    /** Retries a pending cancel with the providers that have not answered it (R1). */
    void retryPending(String messageId) {
        if (status.header(messageId).state().cancellation().isPresent()
                && !status.header(messageId).state().status().isFinal()) {
            stopThroughProviders(messageId);
        }
    }

    /**
     * Cancels undelivered devices: those never handed over at once, the rest through the providers
     * (C2). Not while a hand-over of the message is stored (on any node, SPEC N3): a device whose provider has not answered yet
     * is not "never handed over"; the hand-over stops through the providers once it is done.
     */
    void stopThroughProviders(String id) {
        if (store.handOver(id).isPresent()) {
            return;
        }
        MessageHeader h = status.header(id);
        Set<Channel> modes = h.deliveryModes();
        store.withDevices(id, t -> {
            for (int row = 0; row < t.size(); row++) {
                if (!t.submitted(row) && StatusDerivation.isDeliverable(t, row, modes)) {
                    ReportRules.cancel(t, row);
                }
            }
            return Boolean.TRUE;
        });
        for (ProviderJob job : h.state().jobs()) {
            if (job.cancelConfirmed()) {
                continue;
            }
            DeliveryProvider p = providers.named(job.providerName());
            if (p == null) {
                LOG.warn("message {}: provider {} of job {} is not registered; cannot cancel", id, job.providerName(),
                        Addresses.maskInText(job.jobId()));
                continue;
            }
            Optional<CancelResult> answer = calls.call(p, "cancel", id, () -> p.cancel(job.jobId()));
            if (answer.isEmpty()) {
                continue;
            }
            store.withDevices(id, t -> {
                for (String deviceId : answer.get().canceledDeviceIds()) {
                    int row = ReportRules.rowOf(t, job, deviceId);
                    if (row < 0) {
                        LOG.warn("message {}: provider {} canceled device {}, which job {} does not hold; ignored", id,
                                p.name(), Addresses.maskInText(deviceId), Addresses.maskInText(job.jobId()));
                    } else {
                        ReportRules.cancel(t, row);
                    }
                }
                return Boolean.TRUE;
            });
            status.update(id, s -> s.withCancelConfirmed(job));
        }
    }
}
