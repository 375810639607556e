package dev.sentlog.spi.kit.selftest;

import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.kit.DeliveryProviderCompatibilityKit;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The kit run against a {@link ScriptedProvider} with the fault named by the configuration
 * parameter {@value #FAULT_PARAMETER}. Its name does not end in {@code Test}: Surefire does not run
 * it; {@link KitSelfTest} does, once per fault.
 */
@ExtendWith(ScriptedProviderUnderKit.FaultFromConfiguration.class)
class ScriptedProviderUnderKit extends DeliveryProviderCompatibilityKit {

    static final String FAULT_PARAMETER = "sentlog.kit.selftest.fault";

    private Fault fault = Fault.NONE;

    @Override
    protected DeliveryProvider createProvider(Clock clock) {
        return new ScriptedProvider(fault, clock);
    }

    @Override
    protected Duration settleTime() {
        return Duration.ofMinutes(6);
    }

    @Override
    protected boolean makeUnreachable(DeliveryProvider provider) {
        ((ScriptedProvider) provider).setReachable(false);
        return true;
    }

    @Override
    protected void makeReachable(DeliveryProvider provider) {
        ((ScriptedProvider) provider).setReachable(true);
    }

    /** Sets the fault of each test instance from the configuration parameter. */
    static final class FaultFromConfiguration implements TestInstancePostProcessor {
        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
            if (testInstance instanceof ScriptedProviderUnderKit kit) {
                kit.fault = context.getConfigurationParameter(FAULT_PARAMETER).map(Fault::valueOf).orElse(Fault.NONE);
            }
        }
    }
}
