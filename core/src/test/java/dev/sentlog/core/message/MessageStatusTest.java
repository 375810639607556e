package dev.sentlog.core.message;

import static dev.sentlog.core.message.MessageStatus.CANCELED;
import static dev.sentlog.core.message.MessageStatus.CANCELED_IP;
import static dev.sentlog.core.message.MessageStatus.ERROR;
import static dev.sentlog.core.message.MessageStatus.FAILED;
import static dev.sentlog.core.message.MessageStatus.IN_PROGRESS;
import static dev.sentlog.core.message.MessageStatus.SENT;
import static dev.sentlog.core.message.MessageStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageStatusTest {

    private static final Map<MessageStatus, Set<MessageStatus>> ALLOWED = Map.of(
            WAITING, EnumSet.of(IN_PROGRESS, CANCELED),
            IN_PROGRESS, EnumSet.of(SENT, ERROR, FAILED, CANCELED_IP),
            ERROR, EnumSet.of(SENT, FAILED, ERROR, CANCELED_IP),
            CANCELED, EnumSet.noneOf(MessageStatus.class),
            CANCELED_IP, EnumSet.noneOf(MessageStatus.class),
            SENT, EnumSet.noneOf(MessageStatus.class),
            FAILED, EnumSet.noneOf(MessageStatus.class));

    @Test
    @DisplayName("M1: seven statuses with the seed's display labels")
    void m1Labels() {
        assertThat(Arrays.stream(MessageStatus.values()).map(MessageStatus::label))
                .containsExactlyInAnyOrder("Canceled", "Canceled IP", "Sent", "Error", "Failed", "In-Progress", "Waiting");
    }

    @Test
    @DisplayName("M2: exactly the allowed transitions, over all 49 pairs")
    void m2AllPairs() {
        for (MessageStatus from : MessageStatus.values()) {
            for (MessageStatus to : MessageStatus.values()) {
                boolean allowed = ALLOWED.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
                if (allowed) {
                    assertThat(from.moveTo("m-1", to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo("m-1", to))
                            .isInstanceOf(IllegalTransitionException.class)
                            .hasMessageContaining("m-1").hasMessageContaining(from.label()).hasMessageContaining(to.label())
                            .satisfies(e -> {
                                IllegalTransitionException ite = (IllegalTransitionException) e;
                                assertThat(ite.from()).isEqualTo(from);
                                assertThat(ite.to()).isEqualTo(to);
                                assertThat(ite.messageId()).isEqualTo("m-1");
                            });
                }
            }
        }
    }

    @Test
    @DisplayName("M2: Canceled, Canceled IP, Sent and Failed are final")
    void m2Final() {
        assertThat(Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal))
                .containsExactlyInAnyOrder(CANCELED, CANCELED_IP, SENT, FAILED);
    }

    @Test
    @DisplayName("C1: only Waiting and In-Progress can be canceled")
    void c1Cancelable() {
        assertThat(Arrays.stream(MessageStatus.values()).filter(MessageStatus::isCancelable))
                .containsExactlyInAnyOrder(WAITING, IN_PROGRESS);
    }
}
