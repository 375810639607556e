package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.Set;

/**
 * What one final device outcome says about its address (SPEC H3).
 */
public enum ContactKind {
    /** A successful delivery or phone contact (K3): the address works. */
    SUCCESS,
    /**
     * The address is wrong: a wrong number (3 Not In Service, -2 Invalid Phone #, -7 Local Operator,
     * 7 Fax, -23 Local Fax) or an email that failed permanently (a hard bounce, status FAILED).
     */
    PERMANENT_FAILURE,
    /** Any other failure (busy, no answer, a failed text): says nothing about the address. */
    OTHER_FAILURE,
    /**
     * The recipient does not want messages there: an opt-out (-33, OPTED_OUT) or Do Not Call (-3);
     * complaints and unsubscribes come as provider feedback and are {@link #UNSUBSCRIBED} and
     * {@link #COMPLAINED} (SPEC H5).
     */
    DO_NOT_CONTACT,
    /** Not an attempt (canceled, or not final yet): no fact about the address. */
    NOT_ATTEMPTED,
    /** The recipient unsubscribed (provider feedback, SPEC H5): "do not contact", not an attempt. */
    UNSUBSCRIBED,
    /** The recipient reported the message as spam (provider feedback, SPEC H5): "do not contact", not an attempt. */
    COMPLAINED;

    /** The call status codes that mean the number is wrong (SPEC H3). */
    public static final Set<Integer> WRONG_NUMBER_CODES = Set.of(3, -2, -7, 7, -23);
    /** The call status code Do Not Call. */
    public static final int DO_NOT_CALL = -3;

    /**
     * Classifies a device outcome for the ledger.
     *
     * @param channel    the device's channel
     * @param outcome    its outcome
     * @param confirmed  whether the recipient confirmed by pressing 0
     * @param classifier the log's outcome classification (K3-K6)
     * @return what the outcome says about the address
     */
    public static ContactKind of(Channel channel, DeviceOutcome outcome, boolean confirmed,
                                 OutcomeClassifier classifier) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(outcome, "outcome");
        Checks.requireNonNull(classifier, "classifier");
        OutcomeClass c = classifier.classify(channel, outcome, confirmed);
        if (!c.isFinal() || c == OutcomeClass.CANCELED || c == OutcomeClass.NOT_ATTEMPTED) {
            return NOT_ATTEMPTED;
        }
        int code = outcome instanceof DeviceOutcome.Call call ? call.code().code() : Integer.MIN_VALUE;
        if (c == OutcomeClass.OPTED_OUT || code == CallStatusCode.SMS_OPT_OUT || code == DO_NOT_CALL) {
            return DO_NOT_CONTACT;
        }
        if (c == OutcomeClass.SUCCESS) {
            return SUCCESS;
        }
        if (WRONG_NUMBER_CODES.contains(code)) {
            return PERMANENT_FAILURE;
        }
        boolean hardBounce = channel == Channel.EMAIL && outcome instanceof DeviceOutcome.Status s
                && s.status() == DeviceStatus.FAILED;
        return hardBounce ? PERMANENT_FAILURE : OTHER_FAILURE;
    }

    /**
     * The fact a suppressing feedback makes (SPEC H3, H5).
     *
     * @param feedback an unsubscribe or a complaint
     * @return {@link #UNSUBSCRIBED} or {@link #COMPLAINED}
     * @throws IllegalArgumentException when the feedback does not suppress the address (opened, clicked)
     */
    public static ContactKind of(FeedbackKind feedback) {
        Checks.requireNonNull(feedback, "feedback");
        Checks.requireArgument(feedback.suppresses(), "%s feedback says nothing about whether to contact an address",
                feedback);
        return feedback == FeedbackKind.COMPLAINED ? COMPLAINED : UNSUBSCRIBED;
    }

    /**
     * Whether the fact marks its address "do not contact" (SPEC H3): an opt-out or Do Not Call, an
     * unsubscribe or a complaint.
     *
     * @return true for {@link #DO_NOT_CONTACT}, {@link #UNSUBSCRIBED} and {@link #COMPLAINED}
     */
    public boolean isDoNotContact() {
        return this == DO_NOT_CONTACT || this == UNSUBSCRIBED || this == COMPLAINED;
    }

    /** Whether the fact is an attempted delivery that counts in the H3 streak. */
    public boolean isAttempt() {
        return this == SUCCESS || this == PERMANENT_FAILURE || this == OTHER_FAILURE;
    }
}
