package dev.sentlog.examples.provider;

import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.kit.DeliveryProviderCompatibilityKit;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/** The example SMTP relay provider passes the provider compatibility kit. */
@DisplayName("SmtpRelayProvider passes the compatibility kit")
class SmtpRelayProviderCompatibilityTest extends DeliveryProviderCompatibilityKit {

    @Override
    protected DeliveryProvider createProvider(Clock clock) {
        return new SmtpRelayProvider(clock, Duration.ofSeconds(30), Set.of("parent3@school.example"));
    }

    /** Time passes, then the relay sends its delivery notifications, so that the kit checks them (DP-B1). */
    @Override
    protected void progress(DeliveryProvider provider, Duration duration) {
        super.progress(provider, duration);
        ((SmtpRelayProvider) provider).pushNotifications();
    }

    @Override
    protected boolean makeUnreachable(DeliveryProvider provider) {
        ((SmtpRelayProvider) provider).setReachable(false);
        return true;
    }

    @Override
    protected void makeReachable(DeliveryProvider provider) {
        ((SmtpRelayProvider) provider).setReachable(true);
    }
}
