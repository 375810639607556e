package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The log's side of DP-S6: the batch keys it hands over, and the warning about older providers. */
class BatchKeyHandOverTest {

    private static final String OLD_SPI_WARNING = "a resumed hand-over may deliver twice";

    /** A provider of SPI version 2 that keeps DP-S6: one job per batch key, every batch remembered. */
    private static final class KeyedProvider {
        final StubProvider stub;
        final List<DeliveryBatch> submitted = new CopyOnWriteArrayList<>();
        final Map<BatchKey, String> jobOfKey = new ConcurrentHashMap<>();

        KeyedProvider(String name, Channel first, Channel... rest) {
            stub = new StubProvider(name, EnumSet.of(first, rest));
            stub.onSubmit = batch -> {
                submitted.add(batch);
                return jobOfKey.computeIfAbsent(batch.key(), k -> stub.nextJob());
            };
        }

        List<BatchKey> keys() {
            return submitted.stream().map(DeliveryBatch::key).toList();
        }
    }

    /** Phones and mail, each keeping DP-S6; new for every test. */
    private final KeyedProvider phones = new KeyedProvider("phones", Channel.VOICE, Channel.TEXT);
    private final KeyedProvider mail = new KeyedProvider("mail", Channel.EMAIL, Channel.INBOX);

    @Test
    @DisplayName("DP-S6 a provider of SPI version 1 is used, with one warning at registration that a resumed hand-over"
            + " may deliver twice; a provider of version 2 gets none")
    void dpS6_anOlderProviderIsWarnedAboutOnce() {
        ScriptedProvider old = new ScriptedProvider("old-dialer", EnumSet.of(Channel.VOICE, Channel.TEXT), 1);
        ScriptedProvider current = new ScriptedProvider("mail", EnumSet.of(Channel.EMAIL, Channel.INBOX));
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(old).provider(current)
                     .build()) {
            String atRegistration = logs.text();
            assertThat(log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(log.record(message("m-2").build())).isEqualTo(MessageStatus.IN_PROGRESS);

            assertThat(atRegistration).contains("delivery provider old-dialer was written for provider SPI version 1, "
                    + "before batch keys (version 2, DP-S6); using it anyway, but " + OLD_SPI_WARNING);
            assertThat(logs.text().split(OLD_SPI_WARNING, -1)).as("the warning is logged once, naming only old-dialer")
                    .hasSize(2);
            assertThat(logs.text()).doesNotContain("provider mail was written");
            assertThat(old.submittedJobs).hasSize(2);
        }
    }

    @Test
    @DisplayName("DP-S6 each batch's key is (message, provider, 1): the batches of one message to one provider are"
            + " numbered from 1")
    void dpS6_eachBatchCarriesItsKey() {
        try (SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(phones.stub)
                .provider(mail.stub).build()) {
            log.record(message("m-1").build());
            log.record(message("m-2").build());

            assertThat(phones.keys()).containsExactly(new BatchKey("m-1", "phones", 1), new BatchKey("m-2", "phones", 1));
            assertThat(mail.keys()).containsExactly(new BatchKey("m-1", "mail", 1), new BatchKey("m-2", "mail", 1));
            assertThat(phones.submitted.get(0).messageId()).isEqualTo("m-1");
        }
    }

    @Test
    @DisplayName("DP-S6 N2 (one process) a hand-over interrupted after a provider accepted a batch is resumed by tick once its lease"
            + " has run out, under the same batch keys: the provider answers the job it has, nothing twice")
    void dpS6_aResumedHandOverRepeatsTheSameKeys() {
        ManualClock clock = new ManualClock(T0);
        MessageStore memory = MessageStore.inMemory();
        AtomicBoolean dieOnce = new AtomicBoolean(true);
        // the process "dies" after the first provider accepted its batch, before the log stored the job
        HookedStore store = new HookedStore(memory, point -> {
            if (point.equals("before messageOfJob") && dieOnce.compareAndSet(true, false)) {
                throw new IllegalStateException("the host process died here");
            }
        });
        try (SentMessageLog log = SentMessageLog.builder().store(store).clock(clock).provider(phones.stub)
                .provider(mail.stub).build()) {
            assertThatThrownBy(() -> log.record(message("m-1").build())).hasMessage("the host process died here");
            // row 0.0 is the Inbox device: the mail provider's batch is the first of the plan
            String firstBatchKey = mail.keys().get(0).toString();
            assertThat(phones.submitted).as("the hand-over stopped before the second provider").isEmpty();
            assertThat(memory.header("m-1").orElseThrow().state().status()).isEqualTo(MessageStatus.WAITING);

            assertThat(memory.handOver("m-1")).as("N2 the interrupted hand-over's batches are stored")
                    .hasValueSatisfying(l -> assertThat(l.batches()).extracting(b -> b.key().toString())
                            .containsExactly(firstBatchKey, "m-1/phones/1"));
            clock.advance(SentMessageLog.DEFAULT_HAND_OVER_LEASE.minusSeconds(1));
            log.tick();
            assertThat(mail.submitted).as("a hand-over whose lease still holds is left alone").hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            log.tick();

            assertThat(mail.keys()).containsExactly(new BatchKey("m-1", "mail", 1), new BatchKey("m-1", "mail", 1));
            assertThat(mail.keys().get(1)).hasToString(firstBatchKey);
            assertThat(mail.submitted.get(1).deliveries()).isEqualTo(mail.submitted.get(0).deliveries());
            assertThat(mail.jobOfKey).as("one job at the provider for the message").hasSize(1);
            assertThat(phones.keys()).containsExactly(new BatchKey("m-1", "phones", 1));
            assertThat(memory.header("m-1").orElseThrow().state().status()).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(memory.messageOfJob("mail", "mail-1")).as("the job the provider answered twice").contains("m-1");
            assertThat(memory.messageOfJob("phones", "phones-1")).contains("m-1");
            assertThat(memory.handOver("m-1")).as("N2 the resumed hand-over ended").isEmpty();
        }
    }
}
