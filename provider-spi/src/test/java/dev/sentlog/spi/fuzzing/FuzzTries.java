package dev.sentlog.spi.fuzzing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The number of tries of a fuzz property, raised for long runs by the system property
 * {@value #PROPERTY}: {@code mvn -B verify -Dsentlog.fuzz.tries=1000000}. Without it a property keeps
 * the tries of its {@code @Property} annotation (the default build's); an {@code @Example}
 * always runs once. Add it to a property with
 * {@code @AddLifecycleHook(FuzzTries.class)}, or to a class for all of its properties.
 */
public final class FuzzTries implements AroundPropertyHook {

    /** The system property giving the tries of every fuzz property. */
    public static final String PROPERTY = "sentlog.fuzz.tries";

    /** Added to a class, it applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String value = System.getProperty(PROPERTY, "").strip();
        boolean example = context.attributes().tries().orElse(0) == 1;
        if (!value.isEmpty() && !example) {
            int tries;
            try {
                tries = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number of tries, not '"
                        + value + "'", e);
            }
            if (tries < 1) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be at least 1, not " + tries);
            }
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
