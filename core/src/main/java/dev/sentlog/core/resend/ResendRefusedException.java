package dev.sentlog.core.resend;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.message.MessageStatus;
import java.util.List;
import java.util.Optional;

/**
 * A resend that may not be made (SPEC Y1, Y2): the original is not in a final status, it was
 * already resent as often as the host allows (the message names the earlier resends), or the
 * audience holds no device.
 */
public class ResendRefusedException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String originalId;
    private final MessageStatus status;
    private final List<String> earlierResends;

    private ResendRefusedException(String message, String originalId, MessageStatus status,
                                   List<String> earlierResends) {
        super(message);
        this.originalId = originalId;
        this.status = status;
        this.earlierResends = List.copyOf(earlierResends);
    }

    /**
     * The original is not in a final status (Y2: Sent, Failed, Error or Canceled IP).
     *
     * @param originalId the original
     * @param status     its status
     * @return the exception
     */
    public static ResendRefusedException notFinal(String originalId, MessageStatus status) {
        return new ResendRefusedException("message " + originalId + " is " + status.label()
                + "; only a Sent, Failed, Error or Canceled IP message can be resent", originalId, status, List.of());
    }

    /**
     * The original was resent as often as allowed (Y2).
     *
     * @param originalId the original
     * @param earlier    its resends, in the order they were made
     * @return the exception
     */
    public static ResendRefusedException alreadyResent(String originalId, List<String> earlier) {
        return new ResendRefusedException("message " + originalId + " was already resent as " + String.join(", ",
                earlier), originalId, null, earlier);
    }

    /**
     * The audience holds no device to deliver to (Y1).
     *
     * @param originalId the original
     * @param audience   the audience
     * @return the exception
     */
    public static ResendRefusedException nobody(String originalId, ResendAudience audience) {
        return new ResendRefusedException("message " + originalId + " has no device to resend to for audience "
                + audience, originalId, null, List.of());
    }

    /** The original's id. */
    public String originalId() {
        return originalId;
    }

    /** The original's status when it was refused for not being final. */
    public Optional<MessageStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The earlier resends that used up the allowance; empty for other refusals. */
    public List<String> earlierResends() {
        return earlierResends;
    }
}
