package dev.sentlog.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.fixtures.privacy.PersonalData;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageNotFoundException;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StoreUnavailableException;
import dev.sentlog.core.store.ForwardingMessageStore;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Retention through the host API (SPEC X1-X4) on the in-memory store; {@link RetentionOnPostgresTest}
 * runs every scenario on the PostgreSQL store.
 */
class RetentionTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant T0 = Instant.parse("2020-03-02T15:00:00Z");
    static final Sender ADMIN = Sender.of("u-1", "Administrator, Rhonda", "rhonda.admin@nomail.com");
    static final Person COUNSEL = Person.of("u-9", "Counsel, Dana");
    /** Redact after 1 year, purge after 3; batches of 3 rows so that every purge takes several. */
    static final RetentionSettings SETTINGS = RetentionSettings.of(Period.ofYears(3), Period.ofYears(1))
            .withBatchSize(3);

    static {
        // the privacy check (X4): everything personal these messages hold
        PersonalData.message(message("m-0", T0));
        PersonalData.person(COUNSEL);
        PersonalData.words("Frost, Winnifred");
        PersonalData.email(ADMIN.email());
    }

    final ManualClock clock = new ManualClock(T0);
    final List<AutoCloseable> closing = new ArrayList<>();
    MessageStore store;
    SentMessageLog log;

    /** The store under test, empty. */
    MessageStore newStore() {
        return MessageStore.inMemory();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** A log over the store (wrapped as the test says) with retention on {@link #SETTINGS}. */
    Retention retention(MessageStore wrapped) {
        log = SentMessageLog.builder().store(wrapped).clock(clock).zone(CHICAGO).build();
        closing.add(log);
        return log.retention(SETTINGS);
    }

    Retention retention() {
        return retention(store());
    }

    MessageStore store() {
        if (store == null) {
            store = newStore();
        }
        return store;
    }

    static Caller admin() {
        return Caller.of("u-1", "Administrator, Rhonda", EnumSet.allOf(ToolRight.class), Set.of()).inAdministrationLog();
    }

    /** A Sent message with every kind of outcome, shared numbers and a person without a device. */
    static Message message(String id, Instant created) {
        Person heather = Person.of("p-1", "Parent, Heather");
        Person tom = Person.of("p-2", "Parent, Tom");
        Instant at = created.plusSeconds(60);
        return Message.builder().id(id).messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER).districtOrSchool("Harrison High")
                .subject("Snow closure " + id).sender(ADMIN).replyToEmail("rhonda.admin@nomail.com")
                .callerId("(987)999-9876").createdAt(created).status(MessageStatus.SENT)
                .deliveryModes(EnumSet.allOf(Channel.class)).textMessagingEnabled(true)
                .body("Winnifred Frost, school is closed tomorrow.").text("Closed tomorrow, Winnifred.")
                .emailAttachment(new FileRef("closure.pdf", "cdr://attachments/1"))
                .audioFile(new FileRef("closure.wav", "cdr://audio/1"))
                .filterCriteria(List.of(FilterCriterion.of("Students", "Frost, Winnifred")))
                .startedAt(created).endedAt(created.plusSeconds(600))
                .recipients(List.of(
                        RecipientEntry.of(heather, Person.of("s-1", "Frost, Winnifred"), List.of(
                                new Device(Channel.INBOX, "heather.portal", DeviceOutcome.of(DeviceStatus.SENT), false, at),
                                new Device(Channel.EMAIL, "heather.frost@nomail.com", DeviceOutcome.of(DeviceStatus.FAILED),
                                        false, at),
                                new Device(Channel.VOICE, "(555) 123-4567", DeviceOutcome.call(5), false, at),
                                new Device(Channel.TEXT, "555-123-4567", DeviceOutcome.call(-28), false, at))),
                        RecipientEntry.of(tom, null, List.of(
                                new Device(Channel.VOICE, "555.123.4567", DeviceOutcome.call(5), false, at),
                                new Device(Channel.VOICE, "555-777-0000", DeviceOutcome.call(3), false,
                                        at.plusSeconds(30)))),
                        RecipientEntry.of(Person.of("p-3", "Parent, Ann"), null, List.of())))
                .build();
    }

    /** Stores a final message created {@code daysAgo} days before now. */
    Message stored(String id, int daysAgo) {
        Message m = message(id, clock.instant().minus(java.time.Duration.ofDays(daysAgo)));
        store().insert(m, state(m));
        return m;
    }

    static MessageState state(Message m) {
        return new MessageState(m.status(), 0, m.startedAt().orElse(null), m.endedAt().orElse(null), null, List.of());
    }

    List<String> searchAll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHICAGO);
        return log.search(admin(), SearchCriteria.createdBetween(today.minusYears(10), today)).rows().stream()
                .map(MessageRow::id).toList();
    }

    @Test
    @DisplayName("X2 redaction erases names, addresses, texts, files and filter criteria of messages older than "
            + "redactAfter, keeps header, status and the Delivery Summary, and the message stays searchable")
    void redactionKeepsHeaderStatusAndSummary() {
        Retention retention = retention();
        Message old = stored("m-old", 400);
        Message recent = stored("m-new", 200);
        MessageView before = log.select(admin(), "m-old");

        RetentionResult result = retention.redact();

        assertThat(result.messages()).as("X2 redacted messages").isEqualTo(1);
        assertThat(result.devices()).as("X2 devices of the redacted message").isEqualTo(old.deviceCount());
        assertThat(result.cutOff()).as("X2 cut-off").isEqualTo(clock.instant().atZone(CHICAGO).minusYears(1).toInstant());
        MessageView after = log.select(admin(), "m-old");
        assertThat(after.summary()).as("X2 the Delivery Summary survives").isEqualTo(before.summary());
        assertThat(after.row()).as("X2 the header and status survive").isEqualTo(before.row());
        assertThat(after.reportOptions().details()).as("X2 only the Summary report").containsExactly(ReportDetail.SUMMARY);
        Message printed = log.printable(admin(), "m-old");
        assertThat(printed.recipients()).as("X2 names and addresses erased").isEmpty();
        assertThat(printed.body() + printed.text()).as("X2 texts erased").isEmpty();
        assertThat(printed.emailAttachment().isEmpty() && printed.audioFile().isEmpty()).as("X2 files erased").isTrue();
        assertThat(printed.filterCriteria()).as("X2 filter criteria erased").isEmpty();
        assertThat(printed.redaction().orElseThrow().redactedAt()).as("X2 when").isEqualTo(clock.instant());
        assertThat(printed.redaction().orElseThrow().deviceCount(Channel.VOICE, OutcomeClass.SUCCESS))
                .as("X2 the outcome chart counts survive").isEqualTo(2);
        assertThat(searchAll()).as("X2 still searchable").containsExactly("m-new", "m-old");
        assertThat(log.printable(admin(), "m-new")).as("X2 the recent message keeps everything").isEqualTo(recent);
        assertThat(retention.redact().messages()).as("X2 a second run redacts nothing").isZero();
    }

    @Test
    @DisplayName("X1 purge removes the final messages created before purgeAfter with everything stored for them, "
            + "in batches, and leaves newer and not final messages alone")
    void purgeRemovesOldFinalMessages() {
        Retention retention = retention();
        Message old = stored("m-old", 1200);
        stored("m-older", 1300);
        stored("m-new", 1000);
        Message waiting = message("m-waiting", clock.instant().minus(java.time.Duration.ofDays(1500))).toBuilder()
                .status(MessageStatus.WAITING).startedAt(null).endedAt(null).build();
        store().insert(waiting, state(waiting));

        RetentionResult result = retention.purge();

        assertThat(result.messages()).as("X1 purged").isEqualTo(2);
        assertThat(result.devices()).as("X1 devices purged").isEqualTo(2L * old.deviceCount());
        assertThat(result.rows()).as("X1 rows removed: at least each message and its devices")
                .isGreaterThanOrEqualTo(2L + 2L * old.deviceCount());
        assertThat(result.batches()).as("X1 batches").isPositive();
        assertThat(searchAll()).as("X1 what is left").containsExactly("m-new", "m-waiting");
        assertThatThrownBy(() -> log.select(admin(), "m-old")).as("X1 a purged message is not found")
                .isInstanceOf(MessageNotFoundException.class);
        assertThat(store().header("m-older")).as("X1 nothing stored").isEmpty();
        assertThat(retention.purge().messages()).as("X1 a second run purges nothing").isZero();
    }

    @Test
    @DisplayName("X3 a message under legal hold is neither redacted nor purged; who placed and lifted the hold, "
            + "when and why are kept; once lifted the next run takes it")
    void legalHold() {
        Retention retention = retention();
        Message held = stored("m-held", 1200);
        Instant placedAt = clock.instant();

        LegalHold hold = retention.placeHold("m-held", COUNSEL, "complaint 2026-114");
        clock.advance(java.time.Duration.ofDays(1));
        RetentionResult redacted = retention.redact();
        RetentionResult purged = retention.purge();

        assertThat(hold).as("X3 who, when, why").isEqualTo(LegalHold.placed(COUNSEL, placedAt, "complaint 2026-114"));
        assertThat(redacted.messages()).as("X3 not redacted").isZero();
        assertThat(purged.messages()).as("X3 not purged").isZero();
        assertThat(log.printable(admin(), "m-held")).as("X3 the held message is whole").isEqualTo(held);
        assertThat(retention.placeHold("m-held", Person.of("u-2", "Clerk, Lee"), "again")).as("X3 the first hold stays")
                .isEqualTo(hold);

        Instant liftedAt = clock.instant();
        LegalHold lifted = retention.liftHold("m-held", COUNSEL, "complaint closed").orElseThrow();
        assertThat(lifted).as("X3 the lift: who, when, why")
                .isEqualTo(hold.lifted(COUNSEL, liftedAt, "complaint closed"));
        assertThat(retention.holds("m-held")).as("X3 the history").containsExactly(lifted);
        assertThat(retention.liftHold("m-held", COUNSEL, "twice")).as("X3 nothing left to lift").isEmpty();
        assertThat(retention.purge().messages()).as("X3 purged once lifted").isEqualTo(1);
        assertThatThrownBy(() -> retention.placeHold("m-held", COUNSEL, "too late"))
                .as("X3 a hold on a purged message").isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> retention.placeHold("m-x", COUNSEL, " ")).as("X3 a blank reason")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold.reason");
    }

    @Test
    @DisplayName("X4 purge and redaction log counts only: no id, name, address or text of the messages")
    void logsCountsOnly() {
        Retention retention = retention();
        stored("m-purged-1", 1200);
        stored("m-redacted-1", 500);
        String text;
        try (LogCapture logs = LogCapture.start()) {
            retention.redact();
            retention.purge();
            text = logs.text();
        }
        assertThat(text).as("X4 counts of the redaction").contains("redaction: 2 messages, 12 devices");
        assertThat(text).as("X4 counts of the purge").contains("purge: 1 messages, 6 devices");
        assertThat(text).as("X4 no message id").doesNotContain("m-purged-1", "m-redacted-1");
        for (String line : text.split("\\R")) {
            assertThat(PersonalData.leakIn(line)).as("X4 no personal data in: %s", line).isEmpty();
        }
    }

    /** A store whose n-th erase batch fails as a lost connection does, after running {@code before}. */
    static final class FailingStore extends ForwardingMessageStore {
        private final AtomicInteger batches = new AtomicInteger();
        private final IntUnaryOperator failAt;
        volatile Runnable betweenBatches = () -> { };

        FailingStore(MessageStore delegate, IntUnaryOperator failAt) {
            super(delegate);
            this.failAt = failAt;
        }

        @Override
        public int eraseBatch(String messageId, int maxRows) {
            int n = batches.incrementAndGet();
            if (failAt.applyAsInt(n) == 1) {
                throw new StoreUnavailableException("eraseBatch", messageId, "08006", null);
            }
            int removed = delegate.eraseBatch(messageId, maxRows);
            betweenBatches.run();
            return removed;
        }
    }

    @Test
    @DisplayName("X1 a purge interrupted after its first batch leaves the message hidden; run again, it finishes")
    void interruptedPurgeFinishesOnRerun() {
        FailingStore failing = new FailingStore(store(), n -> n == 2 ? 1 : 0);
        Retention retention = retention(failing);
        stored("m-old", 1200);
        stored("m-new", 10);

        assertThatThrownBy(retention::purge).as("X1 the interrupted run").isInstanceOf(StoreUnavailableException.class);
        assertThat(searchAll()).as("X1 the half-purged message is never shown").containsExactly("m-new");
        assertThatThrownBy(() -> log.select(admin(), "m-old")).isInstanceOf(MessageNotFoundException.class);

        RetentionResult rerun = retention.purge();
        assertThat(store().purgeCandidates(rerun.cutOff(), 10)).as("X1 nothing left to purge").isEmpty();
        assertThat(store().markForPurge("m-old")).as("X1 the purged message is gone, its id unknown").isFalse();
        assertThat(searchAll()).as("X1 after the rerun").containsExactly("m-new");
    }

    @Test
    @DisplayName("X1 X2 searches and views running on another thread between batches see each message whole or "
            + "not at all")
    void concurrentReadersNeverSeeHalfAMessage() throws Exception {
        FailingStore hooked = new FailingStore(store(), n -> 0);
        Retention retention = retention(hooked);
        stored("m-purge", 1200);
        stored("m-redact", 500);
        stored("m-keep", 10);
        List<String> problems = new ArrayList<>();
        AtomicInteger looks = new AtomicInteger();
        hooked.betweenBatches = () -> {
            // the purging thread waits while a reader on another thread searches and opens every message
            CountDownLatch done = new CountDownLatch(1);
            CompletableFuture.runAsync(() -> {
                try {
                    for (String id : searchAll()) {
                        Message m = log.printable(admin(), id);
                        MessageView v = log.select(admin(), id);
                        boolean whole = m.redaction().isPresent() ? m.recipients().isEmpty()
                                : m.deviceCount() == 6 && v.summary().totals().totalRecipients() == 3;
                        if (!whole || v.summary().totals().totalRecipients() != 3) {
                            problems.add(id + " seen half-erased: " + m);
                        }
                    }
                    looks.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            try {
                assertThat(done.await(30, TimeUnit.SECONDS)).as("the reader finished").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        };

        retention.redact();
        retention.purge();

        assertThat(looks.get()).as("readers ran between batches").isPositive();
        assertThat(problems).as("X1 X2 half-erased messages seen").isEmpty();
        assertThat(searchAll()).containsExactly("m-keep", "m-redact");
    }

    @Test
    @DisplayName("X1 X2 settings: redactAfter must be shorter than purgeAfter; bad batching is refused by name")
    void settingsAreChecked() {
        assertThatThrownBy(() -> RetentionSettings.of(Period.ofYears(1), Period.ofYears(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redactAfter (P2Y) must be shorter");
        assertThatThrownBy(() -> SETTINGS.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> SETTINGS.withMaxTimePerBatch(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTimePerBatch");
        assertThatThrownBy(() -> RetentionSettings.of(Period.ZERO, Period.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purgeAfter");
    }
}
