package dev.sentlog.examples.demo;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.PresentationSettings;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.examples.provider.simulated.SimulatedProvider;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The demo of the {@code demo} command (SPEC L1): one morning of a district's messages, run
 * through the embedded defaults, an in-memory {@link SentMessageLog} and the
 * {@link SimulatedProvider}, on a clock the demo moves forward.
 *
 * <p>The week before, two messages went to the same families ({@link DemoWeek}: Wednesday's early
 * dismissal and Friday's attendance note), with numbers that keep failing, emails that keep bouncing,
 * an opt-out, a Do Not Call number and a household nobody reaches; those addresses end the same way on
 * the snow day. Then four messages are recorded at 7:55 AM on the snow day:
 * <ul>
 *   <li>{@value #MAIN_ID}, a General Notification on every channel to the generated district list
 *       ({@link DistrictRecipients}); the provider deals every call status code of the table (and
 *       an unknown one, 42) over its phone devices, each on a channel where a dialer reports it
 *       (call progress codes on Voice, SMS codes on Text), with successful codes most often, bounces some emails, lets some texts opt out,
 *       redials some calls and lets some recipients confirm by pressing 0 — it ends Sent;</li>
 *   <li>{@value #CANCELED_ID}, a Staff Messenger call canceled twenty seconds in, while in flight
 *       (Canceled IP, SPEC C2, C3);</li>
 *   <li>{@value #CLASS_ID}, a Class Messages note by Inbox and Email (Sent);</li>
 *   <li>{@value #WAITING_ID}, a Missing Assignment notice scheduled for the afternoon (Waiting, V1).</li>
 * </ul>
 *
 * <p>It prints the search grid and the main message's Delivery Summary as aligned tables. The
 * same size and seed give the same output, byte for byte.
 */
public final class DistrictDemo {

    /** Three in ten recipients who answer press 0 (SPEC R3), whatever the list's size. */
    private static final double CONFIRMATION_RATE = 0.3;

    /** The id of the main message, whose reports and JSON the command writes. */
    public static final String MAIN_ID = "m-2001";
    /** The id of the message canceled in flight. */
    public static final String CANCELED_ID = "m-2002";
    /** The id of the Class Messages note. */
    public static final String CLASS_ID = "m-2003";
    /** The id of the message scheduled for the afternoon. */
    public static final String WAITING_ID = "m-2004";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US);
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(3);
    private static final Sender ADMIN = Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com");
    /**
     * The caller the demo (and the {@code log} command) acts as: the district's system
     * administrator, with every tool right, in the administration log (every message, not only its own).
     */
    public static final Caller ADMINISTRATOR = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class),
            Set.of()).inAdministrationLog();

    private final int recipients;
    private final long seed;
    private final ZoneId zone;
    private final PrintStream progress;
    private final boolean showProgress;

    /**
     * A demo.
     *
     * @param recipients the number of entries in the main message's recipient list, at least 1
     * @param seed       the seed of the recipient list and the provider's outcomes
     * @param zone       the district's time zone
     * @param progress   where progress lines go (standard error); they are printed for lists of
     *                   10,000 entries or more
     */
    public DistrictDemo(int recipients, long seed, ZoneId zone, PrintStream progress) {
        if (recipients < 1) {
            throw new IllegalArgumentException("the demo needs at least one recipient, not " + recipients);
        }
        this.recipients = recipients;
        this.seed = seed;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.showProgress = recipients >= 10_000;
    }

    /**
     * What a run produced.
     *
     * @param main       the main message as the log holds it at the end
     * @param canceled   the message canceled in flight, as the log holds it at the end
     * @param finishedAt the demo clock's time at the end
     * @param settings   the log's presentation settings (its zone, classifier, file check and the
     *                   demo clock, standing at {@code finishedAt}): print the reports with them
     * @param week       the week before the snow day: its problem addresses and unreached household
     */
    public record Outcome(Message main, Message canceled, Instant finishedAt, PresentationSettings settings,
                          DemoWeek week) {
    }

    /**
     * Runs the morning and prints the search grid and the Delivery Summary.
     *
     * @param out where the tables go
     * @return the messages at the end of the run
     */
    public Outcome run(PrintStream out) {
        return run(out, SentMessageLog.builder());
    }

    /**
     * Runs the morning with the messages kept in the given store (a database, for instance) instead
     * of memory, and prints the search grid and the Delivery Summary.
     *
     * @param out   where the tables go
     * @param store where the log keeps the messages; it must not hold the demo's message ids yet
     * @return the messages at the end of the run
     * @throws dev.sentlog.core.store.DuplicateMessageException when the store already holds one of
     *                                                           the demo's messages
     */
    public Outcome run(PrintStream out, MessageStore store) {
        return run(out, SentMessageLog.builder().store(Objects.requireNonNull(store, "store")));
    }

    private Outcome run(PrintStream out, SentMessageLog.Builder builder) {
        LocalDate day = demoDay();
        Live live = start(builder, List.of());
        try (SentMessageLog log = live.log()) {
            SearchResult result = log.search(ADMINISTRATOR, SearchCriteria.createdBetween(day, day));
            SearchGrid.print(out, result, day, day, zone);
            DeliverySummary summary = log.select(ADMINISTRATOR, MAIN_ID).summary();
            printSummary(out, log.printable(ADMINISTRATOR, MAIN_ID), summary);
            return new Outcome(log.printable(ADMINISTRATOR, MAIN_ID), log.printable(ADMINISTRATOR, CANCELED_ID),
                    log.settings().clock().instant(), log.settings(), live.week());
        }
    }

    /**
     * The district's time zone.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The school day of the demo's morning: 12 January 2026 (the week's other messages are of the
     * Wednesday and the Friday before).
     *
     * @return the day
     */
    public static LocalDate demoDay() {
        return LocalDate.of(2026, 1, 12);
    }

    /**
     * When the demo's morning messages are created: 7:55 AM of {@link #demoDay()} in the district's zone.
     *
     * @return the instant
     */
    public Instant morningStart() {
        return demoDay().atTime(LocalTime.of(7, 55)).atZone(zone).toInstant();
    }

    /**
     * Runs the week, as {@link #run(PrintStream)} does but printing nothing, and hands back the log
     * still open, on the demo's clock standing at the end of the morning (the web page serves it).
     * Messages given in {@code more} are recorded right after the morning's four (create them at
     * {@link #morningStart()} or a little later) and delivered with them; a Waiting one stays Waiting.
     *
     * @param builder the log's builder, e.g. with a store; the demo sets its provider, clock, zone and
     *                provider timeout
     * @param more    further messages to record, in order
     * @return the open log; the caller closes it
     * @throws dev.sentlog.core.store.DuplicateMessageException when the store already holds one of
     *                                                           the messages
     */
    public SentMessageLog live(SentMessageLog.Builder builder, List<Message> more) {
        return start(builder, more).log();
    }

    /** The open log of a run and the week it recorded. */
    private record Live(SentMessageLog log, DemoWeek week) {
    }

    private Live start(SentMessageLog.Builder builder, List<Message> more) {
        Objects.requireNonNull(builder, "builder");
        List<Message> extra = List.copyOf(Objects.requireNonNull(more, "more"));
        LocalDate day = demoDay();
        Instant start = morningStart();
        Instant wednesday = day.minusDays(5).atTime(LocalTime.of(7, 30)).atZone(zone).toInstant();
        Instant friday = day.minusDays(3).atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
        ManualClock clock = new ManualClock(wednesday);
        say("generating %,d recipient entries", recipients);
        List<RecipientEntry> district = DistrictRecipients.generate(recipients, seed);
        DemoWeek week = DemoWeek.of(district);
        SimulatedProvider.Builder providerSettings = SimulatedProvider.builder();
        for (DemoWeek.ProblemAddress p : week.problems()) {
            providerSettings.fixedOutcome(p.channel(), p.address(), p.outcome());
        }
        SimulatedProvider provider = providerSettings
                .clock(clock)
                .seed(seed)
                .voiceCodes(codes(Channel.VOICE, 42, 5, 45, 6, 20))
                .textCodes(codes(Channel.TEXT, 42, -28, 45, -27, 20))
                .codesInTurn(true)
                .emailFailureRate(0.06)
                .confirmationRate(CONFIRMATION_RATE)
                .textOptOutRate(0.04)
                .redialRate(0.1)
                .engagement(0.45, 0.3, 0.01, 0.005)
                .build();
        // the simulated provider plans a whole batch in its submit: allow a large list the time it takes
        Duration providerTimeout = Duration.ofSeconds(10).plusMillis(recipients / 5L);
        SentMessageLog log = builder.provider(provider).clock(clock).zone(zone).providerTimeout(providerTimeout)
                .build();
        try {
            log.record(week.wednesday(ADMIN, wednesday));
            deliver(log, clock, List.of(DemoWeek.WEDNESDAY_ID));
            clock.set(friday);
            log.record(week.friday(ADMIN, friday));
            deliver(log, clock, List.of(DemoWeek.FRIDAY_ID));
            clock.set(start);
            Message main = mainMessage(district, start);
            say("recording %s (%,d devices)", MAIN_ID, main.deviceCount());
            log.record(main);
            log.record(staffMessage(staff(DistrictRecipients.generate(40, seed + 1, "staff-")), start));
            log.record(classMessage(district.subList(0, Math.min(25, district.size())), start));
            // the afternoon notice goes to the next twelve families (to a list of its own when the district is small)
            log.record(waitingMessage(district.size() >= 37 ? district.subList(25, 37)
                    : DistrictRecipients.generate(12, seed + 3, "late-"), start,
                    day.atTime(LocalTime.of(16, 0)).atZone(zone).toInstant()));
            List<String> delivered = new ArrayList<>(List.of(MAIN_ID, CANCELED_ID, CLASS_ID));
            for (Message m : extra) {
                if (log.record(m) != MessageStatus.WAITING) {
                    delivered.add(m.id());
                }
            }

            clock.advance(Duration.ofSeconds(20));
            log.refresh(ADMINISTRATOR, CANCELED_ID);
            Cancellation cancel = log.cancel(ADMINISTRATOR, CANCELED_ID);
            say("canceled %s in flight at %s", CANCELED_ID, SHOWN.format(cancel.at().atZone(zone)));

            deliver(log, clock, delivered);
            // one more refresh of the week's messages collects the recipients' feedback due by now (SPEC H5)
            for (String id : List.of(DemoWeek.WEDNESDAY_ID, DemoWeek.FRIDAY_ID)) {
                log.refresh(ADMINISTRATOR, id);
            }
            return new Live(log, week);
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    /** The staff list: people without a student (a staff message concerns no household). */
    private static List<RecipientEntry> staff(List<RecipientEntry> generated) {
        List<RecipientEntry> staff = new ArrayList<>(generated.size());
        for (RecipientEntry e : generated) {
            staff.add(RecipientEntry.of(e.person(), null, e.devices()));
        }
        return staff;
    }

    /** Moves the clock on and refreshes until no message is In-Progress (or three hours have passed). */
    private void deliver(SentMessageLog log, ManualClock clock, List<String> ids) {
        Instant start = clock.instant();
        while (Duration.between(start, clock.instant()).compareTo(GIVE_UP_AFTER) < 0) {
            clock.advance(STEP);
            boolean running = false;
            for (String id : ids) {
                MessageStatus status = log.refresh(ADMINISTRATOR, id).row().status();
                running |= status == MessageStatus.IN_PROGRESS;
            }
            if (showProgress) {
                say("delivering: %s, %s is %s", CLOCK.format(clock.instant().atZone(zone)), ids.get(0),
                        log.select(ADMINISTRATOR, ids.get(0)).row().status().label());
            }
            if (!running) {
                return;
            }
        }
        log.tick();
    }

    /**
     * The codes dealt on a channel: every code of the table that can happen there
     * ({@link CallStatusCode#occursOn(Channel)}), twice, as an opt-out, a confirmation or a shared
     * number may take the place of one; one code outside the table; then extra copies of two
     * successful codes, so that dealt in turn every outcome occurs and most phones are reached, as in
     * a real district.
     */
    private static int[] codes(Channel channel, int unknown, int common, int commonCopies, int second,
                               int secondCopies) {
        int[] table = CallStatusCode.table().stream().filter(c -> c.occursOn(channel))
                .mapToInt(CallStatusCode::code).toArray();
        return Stream.of(IntStream.of(table), IntStream.of(unknown), IntStream.of(table),
                        IntStream.generate(() -> common).limit(commonCopies),
                        IntStream.generate(() -> second).limit(secondCopies))
                .flatMapToInt(codes -> codes).toArray();
    }

    private void printSummary(PrintStream out, Message message, DeliverySummary summary) {
        out.println("Delivery Summary of " + message.id() + " \"" + message.subject() + "\" (" + message.status().label()
                + ")");
        DeliveryTotals t = summary.totals();
        ConsoleTable table = ConsoleTable.of(60, "Figure", "Value").right(1);
        table.row("Total Recipients", t.totalRecipients());
        table.row("Total No Device", t.totalNoDevice());
        table.row("Total Inbox", t.totalInbox());
        table.row("Total Emails", t.totalEmails());
        table.row("Total Emails Attempted", t.totalEmailsAttempted());
        if (summary.textMessagingEnabled()) {
            // SPEC D5: on screen, a district that texts sees Voice and Text together
            table.row("Total Voice/Text", summary.totalVoiceText());
            table.row("Total Voice/Text Attempted", summary.totalVoiceTextAttempted());
        } else {
            table.row("Total Voice", t.totalVoice());
            table.row("Total Voice Attempted", t.totalVoiceAttempted());
        }
        table.row("Recipients contacted successfully by phone", t.contactedByPhone());
        table.row("Recipients not contacted by phone", t.notContactedByPhone());
        table.row("Start Time", summary.startedAt().map(this::shown).orElse(""));
        table.row("End Time", summary.endedAt().map(this::shown).orElse(""));
        table.row("Duration", summary.durationMinutes().isPresent()
                ? summary.durationMinutes().getAsLong() + " minutes" : "");
        summary.cancellation().ifPresent(c -> table.row("Canceled", c.by().name() + ", " + shown(c.at())));
        out.println(table.render());
    }

    private String shown(Instant t) {
        return SHOWN.format(t.atZone(zone));
    }

    private void say(String format, Object... args) {
        if (showProgress) {
            progress.println("demo: " + String.format(Locale.ROOT, format, args));
        }
    }

    private static Message mainMessage(List<RecipientEntry> entries, Instant created) {
        List<FilterCriterion> criteria = new ArrayList<>();
        criteria.add(FilterCriterion.of("Filter Operation", "Union"));
        criteria.add(FilterCriterion.of("Calendar", "2025-26 Harrison High"));
        criteria.add(FilterCriterion.of("Recipients", "Guardians and Students"));
        criteria.add(FilterCriterion.of("Behavior Events", new FilterTable(
                List.of("Grade", "Event Type", "Involvement Role"),
                List.of(List.of("All Grades", "Car: Parking Violation", "Offender")))));
        return Message.builder()
                .id(MAIN_ID)
                .messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool("Harrison High")
                .subject("School is closed today: snow")
                .sender(ADMIN)
                .replyToEmail("office@harrison.k12.example")
                .callerId("(987)999-9876")
                .createdAt(created)
                .scheduledAt(created)
                .scheduleId("48213")
                .deliveryModes(Channel.INBOX, Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .textMessagingEnabled(true)
                .body("Harrison High is closed today because of snow. All after-school activities are canceled.")
                .text("Harrison High is closed today (snow).")
                .emailAttachment(new FileRef("closure-notice.pdf", "cdr://attachments/9912"))
                .audioFile(new FileRef("closure.wav", "cdr://audio/311"))
                .filterCriteria(criteria)
                .recipients(entries)
                .build();
    }

    private static Message staffMessage(List<RecipientEntry> entries, Instant created) {
        return Message.builder()
                .id(CANCELED_ID)
                .messageType("Staff Messenger")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool("Harrison High")
                .subject("Staff meeting moved to 3:30")
                .sender(ADMIN)
                .createdAt(created.plusSeconds(60))
                .scheduleId("48214")
                .deliveryModes(Channel.EMAIL, Channel.VOICE)
                .recipients(entries)
                .build();
    }

    private static Message classMessage(List<RecipientEntry> entries, Instant created) {
        return Message.builder()
                .id(CLASS_ID)
                .messageType("Class Messages")
                .messageTypeKind(MessageTypeKind.RECIPIENT_SELECTOR)
                .districtOrSchool("Harrison High")
                .subject("Field trip forms are due Friday")
                .sender(Sender.of("u-7", "Teacher, Maria", "mteacher@nomail.com"))
                .createdAt(created.plusSeconds(120))
                .deliveryModes(Channel.INBOX, Channel.EMAIL)
                .recipients(entries)
                .build();
    }

    private static Message waitingMessage(List<RecipientEntry> entries, Instant created, Instant scheduled) {
        return Message.builder()
                .id(WAITING_ID)
                .messageType("Missing Assignment")
                .messageTypeKind(MessageTypeKind.NON_MESSENGER)
                .districtOrSchool("Harrison High")
                .subject("Missing assignments this week")
                .sender(ADMIN)
                .createdAt(created.plusSeconds(180))
                .scheduledAt(scheduled)
                .scheduleId("48215")
                .deliveryModes(Channel.EMAIL, Channel.TEXT)
                .textMessagingEnabled(true)
                .recipients(entries)
                .build();
    }
}
