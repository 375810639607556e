package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeviceReport;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistrationTest {

    /** A discoverable email provider (public, no-argument constructor, as ServiceLoader needs). */
    public static class DiscoverableMail implements DeliveryProvider {
        static final AtomicInteger SUBMITS = new AtomicInteger();

        @Override
        public String name() {
            return "discovered-mail";
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.EMAIL, Channel.INBOX);
        }

        @Override
        public String submit(DeliveryBatch batch) {
            return "d-" + SUBMITS.incrementAndGet();
        }

        @Override
        public CancelResult cancel(String jobId) {
            return new CancelResult(List.of());
        }

        @Override
        public List<DeviceReport> poll(String jobId) {
            return List.of();
        }
    }

    /** A discoverable provider written for an older SPI that also claims Email. */
    public static class DiscoverableOld extends DiscoverableMail {
        @Override
        public String name() {
            return "discovered-old";
        }

        @Override
        public Set<Channel> channels() {
            return EnumSet.of(Channel.EMAIL, Channel.VOICE, Channel.TEXT);
        }

        @Override
        public int spiVersion() {
            return 0;
        }
    }

    @Test
    void explicitRegistration_aChannelClaimedTwiceWarnsAndTheFirstWins() {
        ScriptedProvider first = new ScriptedProvider("first", EnumSet.allOf(Channel.class));
        ScriptedProvider second = new ScriptedProvider("second", EnumSet.of(Channel.EMAIL));
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().provider(first).provider(second).build()) {
            assertThat(logs.text()).contains("delivery providers first and second both claim channel EMAIL; "
                    + "using first (registered first)");
            assertThat(log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(first.submittedJobs).hasSize(1);
            assertThat(second.submittedJobs).isEmpty();
        }
    }

    @Test
    void explicitRegistration_anSpiVersionMismatchWarnsAndTheProviderIsStillUsed() {
        ScriptedProvider old = new ScriptedProvider("old", EnumSet.allOf(Channel.class), 0);
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().provider(old).build()) {
            assertThat(logs.text()).contains("delivery provider old was written for provider SPI version 0, "
                    + "before batch keys (version 2, DP-S6); using it anyway, but a resumed hand-over may deliver twice");
            assertThat(log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);
        }
    }

    @Test
    void discovery_warnsOnTwoClaimsOfOneChannelAndOnAnSpiMismatch_andNeverFails(@TempDir Path dir)
            throws IOException {
        Path services = dir.resolve("META-INF/services/" + DeliveryProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, DiscoverableMail.class.getName() + "\n" + DiscoverableOld.class.getName()
                + "\nno.such.Provider\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader());
             LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().discoverProviders(loader).build()) {
            assertThat(logs.text())
                    .contains("delivery providers discovered-mail and discovered-old both claim channel EMAIL")
                    .contains("delivery provider discovered-old was written for provider SPI version 0")
                    .contains("skipping a delivery provider that could not be loaded");
            int before = DiscoverableMail.SUBMITS.get();
            assertThat(log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(DiscoverableMail.SUBMITS.get() - before).as("one batch each: mail+inbox, voice+text")
                    .isEqualTo(2);
        }
    }

    @Test
    void explicitProvidersRegisteredFirstKeepTheirChannelsOverDiscoveredOnes(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + DeliveryProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, DiscoverableMail.class.getName() + "\n", StandardCharsets.UTF_8);
        ScriptedProvider explicit = ScriptedProvider.all("explicit");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader());
             LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().provider(explicit).discoverProviders(loader).build()) {
            int before = DiscoverableMail.SUBMITS.get();
            log.record(message("m-1").build());
            assertThat(explicit.submittedJobs).hasSize(1);
            assertThat(DiscoverableMail.SUBMITS.get()).isEqualTo(before);
            assertThat(logs.text()).contains("delivery provider discovered-mail (discovered) serves no channel");
        }
    }
}
