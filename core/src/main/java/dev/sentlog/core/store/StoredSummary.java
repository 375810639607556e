package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.SummaryFigures;
import java.time.Instant;

/**
 * A message's maintained Delivery Summary as a store answers it (SPEC E3): the figures the store kept
 * current as the devices changed, with the message's status and state version read at the same
 * moment. Reading it reads no device.
 *
 * @param messageId the message
 * @param status    its status at that moment
 * @param version   its state version at that moment
 * @param figures   the figures the devices decide (D4-D6)
 * @param summary   the Delivery Summary as the log shows it: the figures with the recorded start, end,
 *                  text messaging setting and cancel request (D5, D6, C4)
 */
public record StoredSummary(String messageId, MessageStatus status, long version, SummaryFigures figures,
                            DeliverySummary summary) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when a component is null
     */
    public StoredSummary {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(status, "status");
        Checks.requireNonNull(figures, "figures");
        Checks.requireNonNull(summary, "summary");
    }

    /**
     * The value from a message's stored state and figures.
     *
     * @param messageId            the message
     * @param status               its status
     * @param version              its state version
     * @param startedAt            its recorded start, or null
     * @param endedAt              its recorded end, or null
     * @param cancellation         its cancel request, or null
     * @param textMessagingEnabled whether the district uses text messaging (D5)
     * @param figures              the maintained figures
     * @return the value
     */
    public static StoredSummary of(String messageId, MessageStatus status, long version, Instant startedAt,
                                   Instant endedAt, Cancellation cancellation, boolean textMessagingEnabled,
                                   SummaryFigures figures) {
        return new StoredSummary(messageId, status, version, figures,
                DeliverySummary.of(figures, startedAt, endedAt, textMessagingEnabled, cancellation));
    }
}
