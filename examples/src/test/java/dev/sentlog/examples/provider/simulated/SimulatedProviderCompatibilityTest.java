package dev.sentlog.examples.provider.simulated;

import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.kit.DeliveryProviderCompatibilityKit;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The simulated provider passes the provider compatibility kit, on every channel with
 * confirmations, redials, opt-outs, bounces and feedback (DP-E1, SPEC H5) switched on, and as a
 * Voice/Text dialer dealing every call status code.
 */
@DisplayName("SimulatedProvider passes the compatibility kit")
class SimulatedProviderCompatibilityTest {

    @Nested
    @DisplayName("every channel, confirmations, redials, opt-outs and bounces")
    class EveryChannel extends SimulatedKit {
        @Override
        protected DeliveryProvider createProvider(Clock clock) {
            return SimulatedProvider.builder().seed(7).clock(clock)
                    .confirmationRate(0.5).redialRate(0.3).textOptOutRate(0.2).emailFailureRate(0.2)
                    .engagement(0.8, 0.5, 0.1, 0.1)
                    .build();
        }

        @Override
        protected Duration settleTime() {
            return Duration.ofMinutes(4);
        }

        @Override
        protected Duration feedbackTime() {
            return Duration.ofDays(1);
        }
    }

    @Nested
    @DisplayName("a Voice/Text dialer dealing every call status code and an unknown one")
    class Dialer extends SimulatedKit {
        @Override
        protected DeliveryProvider createProvider(Clock clock) {
            return SimulatedProvider.builder().name("dialer").channels(Channel.VOICE, Channel.TEXT).seed(11)
                    .clock(clock).everyCallStatusCode(42).confirmationRate(1)
                    .attemptDelay(Duration.ofSeconds(1), Duration.ofMinutes(10))
                    .outcomeDelay(Duration.ZERO, Duration.ofMinutes(2))
                    .build();
        }

        @Override
        protected int persons() {
            return 30;
        }

        @Override
        protected Duration settleTime() {
            return Duration.ofMinutes(13);
        }
    }

    /** What both runs share: the simulator can refuse submits on request (DP-S5, SPEC M5). */
    abstract static class SimulatedKit extends DeliveryProviderCompatibilityKit {
        @Override
        protected boolean makeUnreachable(DeliveryProvider provider) {
            ((SimulatedProvider) provider).failNextSubmits(Integer.MAX_VALUE);
            return true;
        }

        @Override
        protected void makeReachable(DeliveryProvider provider) {
            ((SimulatedProvider) provider).failNextSubmits(0);
        }
    }
}
