package dev.sentlog.core.store.kit.selftest;

import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.kit.MessageStoreCompatibilityKit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The kit run against a {@link BrokenStore} with the fault named by the configuration parameter
 * {@value #FAULT_PARAMETER}. Its name does not end in {@code Test}: Surefire does not run it;
 * {@link StoreKitSelfTest} does, once per fault.
 */
@ExtendWith(BrokenStoreUnderKit.FaultFromConfiguration.class)
class BrokenStoreUnderKit extends MessageStoreCompatibilityKit {

    static final String FAULT_PARAMETER = "sentlog.storekit.selftest.fault";

    private Fault fault = Fault.NONE;

    @Override
    protected MessageStore createStore() {
        return new BrokenStore(fault);
    }

    /** Sets the fault of each test instance from the configuration parameter. */
    static final class FaultFromConfiguration implements TestInstancePostProcessor {
        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
            if (testInstance instanceof BrokenStoreUnderKit kit) {
                kit.fault = context.getConfigurationParameter(FAULT_PARAMETER).map(Fault::valueOf).orElse(Fault.NONE);
            }
        }
    }
}
