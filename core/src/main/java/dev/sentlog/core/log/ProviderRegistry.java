package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers of a log by channel and by name. Registration never fails on ambiguity: it warns
 * and keeps the first claim; it also warns, once per registered provider, when the provider's SPI
 * version predates batch keys (DP-S6), since a resumed hand-over may then deliver twice. Not
 * thread-safe; filled by the builder, then only read.
 */
final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    /** The first SPI version with idempotent submit by batch key (DP-S6). */
    private static final int BATCH_KEYS_SPI_VERSION = 2;

    private final Map<Channel, DeliveryProvider> byChannel = new EnumMap<>(Channel.class);
    private final Map<String, DeliveryProvider> byName = new LinkedHashMap<>();

    ProviderRegistry() {
    }

    ProviderRegistry(ProviderRegistry other) {
        byChannel.putAll(other.byChannel);
        byName.putAll(other.byName);
    }

    /**
     * Registers a provider; its name, SPI version and channels are read once, before anything is
     * registered.
     *
     * @throws RuntimeException whatever the provider's {@code name()}, {@code spiVersion()} or
     *                          {@code channels()} throws; nothing is registered then
     */
    void register(DeliveryProvider provider, String origin) {
        String name = provider.name();
        int spiVersion = provider.spiVersion();
        Set<Channel> answered = provider.channels();
        List<Channel> channels = answered == null ? List.of() : List.copyOf(answered);
        if (name == null || name.isBlank()) {
            LOG.warn("ignoring a delivery provider ({}) without a name: {}", origin, provider.getClass().getName());
            return;
        }
        if (byName.containsKey(name)) {
            LOG.warn("two delivery providers are named {} ({} and {}); keeping the first", name,
                    byName.get(name).getClass().getName(), provider.getClass().getName());
            return;
        }
        if (spiVersion < BATCH_KEYS_SPI_VERSION) {
            LOG.warn("delivery provider {} was written for provider SPI version {}, before batch keys (version {}, "
                    + "DP-S6); using it anyway, but a resumed hand-over may deliver twice", name, spiVersion,
                    BATCH_KEYS_SPI_VERSION);
        } else if (spiVersion != DeliveryProvider.SPI_VERSION) {
            LOG.warn("delivery provider {} was written for provider SPI version {}, this log speaks version {}; "
                    + "using it anyway", name, spiVersion, DeliveryProvider.SPI_VERSION);
        }
        boolean wonAny = false;
        for (Channel c : channels) {
            DeliveryProvider first = byChannel.get(c);
            if (first != null) {
                LOG.warn("delivery providers {} and {} both claim channel {}; using {} (registered first)",
                        first.name(), name, c, first.name());
            } else {
                byChannel.put(c, provider);
                wonAny = true;
            }
        }
        if (!wonAny) {
            LOG.warn("delivery provider {} ({}) serves no channel that is not already taken", name, origin);
        }
        byName.put(name, provider);
    }

    void discover(ClassLoader loader) {
        Iterator<DeliveryProvider> it = ServiceLoader.load(DeliveryProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                DeliveryProvider p = it.next();
                try {
                    register(p, "discovered");
                } catch (RuntimeException e) {
                    LOG.warn("skipping delivery provider {}: it threw {} when asked for its name, SPI version or "
                            + "channels", p.getClass().getName(), e.getClass().getName());
                }
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a delivery provider that could not be loaded: {}",
                        Addresses.maskInText(e.getMessage()));
            }
        }
    }

    DeliveryProvider forChannel(Channel c) {
        return byChannel.get(c);
    }

    DeliveryProvider named(String name) {
        return byName.get(name);
    }

    List<DeliveryProvider> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }
}
