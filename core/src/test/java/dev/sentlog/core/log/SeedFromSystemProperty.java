package dev.sentlog.core.log;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a build choose the random seed of a jqwik property: with the system property
 * {@code sentlog.test.seed} set (e.g. {@code mvn verify -Dsentlog.test.seed=42}), the property runs
 * with that seed; without it jqwik picks one and reports it on failure.
 */
public final class SeedFromSystemProperty implements AroundPropertyHook {

    /** The system property naming the seed. */
    public static final String PROPERTY = "sentlog.test.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(PROPERTY);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        return property.execute();
    }
}
