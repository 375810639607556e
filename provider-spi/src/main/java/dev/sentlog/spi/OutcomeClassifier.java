package dev.sentlog.spi;

import java.util.Objects;

/**
 * The policy that says what a device outcome means (SPEC K3-K6): success, not yet final,
 * opted out, canceled or failed.
 *
 * <p>{@link #standard()} is the source document's classification. A host whose dialer uses the
 * codes differently supplies its own; implementations must be pure (same answer for equal
 * arguments), fast and thread-safe. When totals are computed the answer for one channel,
 * outcome and confirmation may be asked once and reused for every device alike.
 */
@FunctionalInterface
public interface OutcomeClassifier {

    /**
     * Classifies one device outcome.
     *
     * @param channel   the device's channel
     * @param outcome   its status or call status code
     * @param confirmed whether the recipient confirmed by pressing 0 (Voice; SPEC K3, R3)
     * @return the class; never null
     */
    OutcomeClass classify(Channel channel, DeviceOutcome outcome, boolean confirmed);

    /**
     * The classification of the source document:
     * <ul>
     *   <li>success: codes 5, 6, 13, -27, -28; a Text device whose status is SENT; an Inbox or
     *       Email device whose status is SENT; any Voice device the recipient confirmed;</li>
     *   <li>not final: IN_PROGRESS, 17 Temporarily Unavailable, -39 SMS Queued;</li>
     *   <li>opted out: OPTED_OUT, -33 SMS Opt Out;</li>
     *   <li>not attempted: PENDING; canceled: CANCELED;</li>
     *   <li>everything else (FAILED, every other known or unknown code, a Voice device with a
     *       bare SENT status) is a failure.</li>
     * </ul>
     *
     * @return the shared standard classifier
     */
    static OutcomeClassifier standard() {
        return StandardClassifier.INSTANCE;
    }

    /** The seed's table as an enum singleton; see {@link OutcomeClassifier#standard()}. */
    enum StandardClassifier implements OutcomeClassifier {
        /** The only instance. */
        INSTANCE;

        @Override
        public OutcomeClass classify(Channel channel, DeviceOutcome outcome, boolean confirmed) {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(outcome, "outcome");
            if (confirmed && channel == Channel.VOICE) {
                return OutcomeClass.SUCCESS;
            }
            if (outcome instanceof DeviceOutcome.Status s) {
                switch (s.status()) {
                    case PENDING:
                        return OutcomeClass.NOT_ATTEMPTED;
                    case IN_PROGRESS:
                        return OutcomeClass.IN_FLIGHT;
                    case CANCELED:
                        return OutcomeClass.CANCELED;
                    case OPTED_OUT:
                        return OutcomeClass.OPTED_OUT;
                    case SENT:
                        return channel == Channel.VOICE ? OutcomeClass.FAILURE : OutcomeClass.SUCCESS;
                    case FAILED:
                    default:
                        return OutcomeClass.FAILURE;
                }
            }
            int code = ((DeviceOutcome.Call) outcome).code().code();
            switch (code) {
                case CallStatusCode.LIVE_PERSON:
                case CallStatusCode.ANSWERING_MACHINE:
                case CallStatusCode.PRECONNECT_DONE:
                case CallStatusCode.SMS_SENT:
                case CallStatusCode.SMS_DELIVERED:
                    return OutcomeClass.SUCCESS;
                case CallStatusCode.TEMPORARILY_UNAVAILABLE:
                case CallStatusCode.SMS_QUEUED:
                    return OutcomeClass.IN_FLIGHT;
                case CallStatusCode.SMS_OPT_OUT:
                    return OutcomeClass.OPTED_OUT;
                default:
                    return OutcomeClass.FAILURE;
            }
        }
    }
}
