package dev.sentlog.spi.kit;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryContent;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The provider compatibility kit: one test per clause of the {@link DeliveryProvider} contract
 * (the {@code DP-…} ids of its Javadoc), grouped by capability. A provider author extends it with
 * one factory method:
 *
 * <pre>{@code
 * class RelayProviderCompatibilityTest extends DeliveryProviderCompatibilityKit {
 *     @Override
 *     protected DeliveryProvider createProvider(Clock clock) {
 *         return new RelayProvider(clock);
 *     }
 * }
 * }</pre>
 *
 * <h2>How the kit drives a provider</h2>
 * <ul>
 *   <li>Each test gets a new provider from {@link #createProvider(Clock)}, bound to a recording
 *       {@link dev.sentlog.spi.DeviceReportSink}. The clock is a {@link KitClock} at {@link #START}
 *       that only the kit moves.</li>
 *   <li>Time moves only through {@link #progress(DeliveryProvider, Duration)}, which advances the
 *       clock. Override it when your provider progresses some other way (a fake server's "tick");
 *       it is called from the test thread while other threads may poll and cancel.</li>
 *   <li>A job <em>settles</em> within {@link #settleTime()} (default one hour): by then every device
 *       has a final outcome (DP-P9). The kit walks there in 40 equal steps, polling twice after
 *       each.</li>
 *   <li>Batches come from {@link #batch(String, Set)}: {@link #persons()} persons, each with one
 *       device on every channel the provider serves, addresses from
 *       {@link #address(Channel, int)}, the {@linkplain DeliveryOptions#defaults() default options},
 *       batch key ({@code <messageId>, <provider name>, 1}). Tests that submit one batch several
 *       times as new jobs (DP-S2, DP-T1) give each submit its own batch number.</li>
 *   <li>DP-S5 runs only when {@link #makeUnreachable(DeliveryProvider)} can make the provider
 *       refuse batches, DP-S4 only when the provider does not serve every channel, DP-P10 only when
 *       the provider reports a confirmed Voice device in the kit's run, DP-B1 only when it pushes a
 *       report to the bound sink (a push may happen in {@link #progress(DeliveryProvider, Duration)},
 *       on a poll or from a thread of its own), DP-S6 only when the provider's
 *       {@link DeliveryProvider#spiVersion()} is 2 or later; otherwise they are skipped (aborted
 *       through a JUnit assumption that says why), not passed.</li>
 * </ul>
 *
 * <p>Every failure message starts with the clause it proves broken, e.g.
 * {@code [DP-C2 cancel never un-sends] device m/0/voice was attempted (IN_PROGRESS) and the cancel
 * named it}.
 */
public abstract class DeliveryProviderCompatibilityKit {

    /** Where every kit clock starts: a school-day morning. */
    public static final Instant START = Instant.parse("2026-01-05T13:00:00Z");

    private static final int STEPS = 40;
    private static final int THREADS = 4;
    private static final long TIMEOUT_SECONDS = 60;

    /** One push the provider made to the sink. */
    private record Pushed(String providerName, String jobId, List<DeviceReport> reports) {
    }

    private final KitClock clock = new KitClock(START);
    private final List<Pushed> pushed = Collections.synchronizedList(new ArrayList<>());
    private DeliveryProvider provider;
    private int messages;

    /**
     * Creates the provider under test. Called once per test.
     *
     * @param clock the clock the provider must take its time from
     * @return a new provider, with no jobs
     */
    protected abstract DeliveryProvider createProvider(Clock clock);

    /**
     * Makes the provider progress by the given time. The default advances the {@link KitClock}.
     *
     * @param provider the provider under test
     * @param duration how much time passes
     */
    protected void progress(DeliveryProvider provider, Duration duration) {
        clock.advance(duration);
    }

    /**
     * The time after which every job of the provider has a final outcome for each device (DP-P9).
     *
     * @return by default one hour
     */
    protected Duration settleTime() {
        return Duration.ofHours(1);
    }

    /**
     * How long after a job has settled its recipients' feedback has come (DP-E1): the kit moves the
     * clock on by this much before asking for feedback. Default: {@link #settleTime()}.
     *
     * @return the duration
     */
    protected Duration feedbackTime() {
        return settleTime();
    }

    /**
     * How many persons a kit batch holds.
     *
     * @return by default 8
     */
    protected int persons() {
        return 8;
    }

    /**
     * Builds a batch for the provider's channels: for each person {@code 0 … persons()-1}, one
     * device on each channel in {@link Channel} order, device id {@code <messageId>/<person>/<channel>},
     * person id {@code person-<n>}, default options, batch key {@code (messageId, provider name, 1)}.
     *
     * @param messageId the message id
     * @param channels  the channels to put devices on
     * @return the batch
     */
    protected DeliveryBatch batch(String messageId, Set<Channel> channels) {
        List<DeliveryRequest> deliveries = new ArrayList<>();
        for (int person = 0; person < persons(); person++) {
            for (Channel channel : EnumSet.copyOf(channels)) {
                deliveries.add(new DeliveryRequest(messageId + "/" + person + "/" + channel.name().toLowerCase(Locale.ROOT),
                        channel, address(channel, person), "person-" + person));
            }
        }
        DeliveryContent content = new DeliveryContent("School is closed today", "content/" + messageId,
                "9879999876", "office@school.example");
        return new DeliveryBatch(new BatchKey(messageId, keyName(), 1), deliveries, content, DeliveryOptions.defaults());
    }

    /** The provider's name for batch keys; a stand-in when it has none (that is DP-I1's business). */
    private String keyName() {
        String name = provider == null ? null : provider.name();
        return name == null || name.isBlank() ? "unnamed-provider" : name;
    }

    /**
     * The same batch under another batch number: for the provider a different batch (DP-S2, DP-S6).
     *
     * @param batch  the batch
     * @param number the batch number, from 1
     * @return the batch with key {@code (its message id, its provider name, number)}
     */
    protected static DeliveryBatch numbered(DeliveryBatch batch, int number) {
        BatchKey key = new BatchKey(batch.key().messageId(), batch.key().providerName(), number);
        return new DeliveryBatch(key, batch.deliveries(), batch.content(), batch.options());
    }

    /**
     * A normalised address (SPEC D1) for a person's device on a channel; distinct per person.
     *
     * @param channel the channel
     * @param person  the person's number
     * @return the address
     */
    protected String address(Channel channel, int person) {
        switch (channel) {
            case EMAIL:
                return "parent" + person + "@school.example";
            case VOICE:
            case TEXT:
                return String.format(Locale.ROOT, "555%07d", 100 + person);
            case INBOX:
            default:
                return "portal-" + person;
        }
    }

    /**
     * Makes the provider unable to hand batches over, as if its service were unreachable, so that
     * submit throws a {@link ProviderException} (DP-S5).
     *
     * @param provider the provider under test
     * @return true when it could; the default returns false and DP-S5 is skipped
     */
    protected boolean makeUnreachable(DeliveryProvider provider) {
        return false;
    }

    /**
     * Undoes {@link #makeUnreachable(DeliveryProvider)}. The default does nothing.
     *
     * @param provider the provider under test
     */
    protected void makeReachable(DeliveryProvider provider) {
    }

    /**
     * The clock handed to {@link #createProvider(Clock)}.
     *
     * @return the kit's clock
     */
    protected final KitClock clock() {
        return clock;
    }

    @BeforeEach
    void createProviderUnderTest() {
        provider = createProvider(clock);
        if (provider == null) {
            throw new IllegalStateException("createProvider(Clock) returned null");
        }
        provider.bind((providerName, jobId, reports) -> pushed.add(new Pushed(providerName, jobId, List.copyOf(reports))));
    }

    // ---------------------------------------------------------------- identity

    /** DP-I1 to DP-I3. */
    @Nested
    @DisplayName("Identity")
    class Identity {

        @Test
        @DisplayName("DP-I1 name() is the same non-blank string on every call")
        void nameIsStableAndNonBlank() {
            String name = provider.name();
            Clause.I1.check(name != null && !name.isBlank(), "name() answered '%s'", name);
            Clause.I1.check(name.equals(provider.name()), "name() answered '%s', then '%s'", name, provider.name());
        }

        @Test
        @DisplayName("DP-I2 channels() is a non-empty set, equal on every call")
        void channelsAreStableAndNonEmpty() {
            Set<Channel> channels = provider.channels();
            Clause.I2.check(channels != null && !channels.isEmpty(), "channels() answered %s", channels);
            Clause.I2.check(channels.equals(provider.channels()), "channels() answered %s, then %s", channels,
                    provider.channels());
        }

        @Test
        @DisplayName("DP-I3 spiVersion() is between 1 and DeliveryProvider.SPI_VERSION")
        void spiVersionIsKnown() {
            int version = provider.spiVersion();
            Clause.I3.check(version >= 1 && version <= DeliveryProvider.SPI_VERSION,
                    "spiVersion() answered %d; this SPI is version %d", version, DeliveryProvider.SPI_VERSION);
        }
    }

    // ---------------------------------------------------------------- submit

    /** DP-S1 to DP-S6. */
    @Nested
    @DisplayName("Submit")
    class Submit {

        @Test
        @DisplayName("DP-S1 submit answers a non-blank job id")
        void submitAnswersJobId() {
            String jobId = provider.submit(nextBatch());
            Clause.S1.check(jobId != null && !jobId.isBlank(), "submit answered '%s'", jobId);
        }

        @Test
        @DisplayName("DP-S2 every submit under a new batch key creates a job with a new id, even for equal deliveries")
        void jobIdsAreUnique() {
            DeliveryBatch batch = nextBatch();
            Set<String> ids = new HashSet<>();
            for (int i = 1; i <= 20; i++) {
                String id = submit(numbered(batch, i)).jobId;
                Clause.S2.check(ids.add(id), "submit answered job id '%s' twice", id);
            }
        }

        @Test
        @DisplayName("DP-S3 right after submit, before time moves, no device is attempted")
        void submitDoesNotDeliver() {
            Run run = submit(nextBatch());
            Run.Poll poll = poll(run);
            for (DeviceReport report : run.latest(poll.reports()).values()) {
                Clause.S3.check(!run.attempted(report), "device %s was reported %s before time moved",
                        report.deviceId(), report.outcome().display());
            }
        }

        @Test
        @DisplayName("DP-S4 a batch with a delivery on a channel the provider does not serve is refused with a"
                + " ProviderException naming the provider")
        void unservedChannelIsRefused() {
            Set<Channel> unserved = EnumSet.complementOf(EnumSet.copyOf(servedChannels()));
            Assumptions.assumeFalse(unserved.isEmpty(), "the provider serves every channel");
            Set<Channel> channels = EnumSet.copyOf(servedChannels());
            channels.add(unserved.iterator().next());
            RuntimeException refusal = submitExpectingRefusal(batch("kit-unserved", channels), Clause.S4);
            Clause.S4.check(refusal != null, "a batch with %s devices was accepted", unserved.iterator().next());
        }

        @Test
        @DisplayName("DP-S5 a refused submit throws a ProviderException naming the provider; the next batch is"
                + " accepted (SPEC M5)")
        void refusedSubmitLeavesProviderUsable() {
            Assumptions.assumeTrue(makeUnreachable(provider), "the kit cannot make this provider unreachable");
            RuntimeException refusal = submitExpectingRefusal(nextBatch(), Clause.S5);
            Clause.S5.check(refusal != null, "submit accepted a batch while unreachable");
            makeReachable(provider);
            submit(nextBatch());
        }

        @Test
        @DisplayName("DP-S6 a submit with a batch key already accepted answers the same job id and delivers nothing"
                + " again, also from several threads at once; another batch key is another job")
        void repeatedBatchKeyAnswersTheSameJob() {
            int version = provider.spiVersion();
            Assumptions.assumeTrue(version >= 2, "DP-S6 not checked: the provider is of SPI version " + version
                    + ", before batch keys (version 2)");
            DeliveryBatch batch = nextBatch();
            Run run = submit(batch);
            String again = provider.submit(batch);
            Clause.S6.check(run.jobId.equals(again), "batch %s was accepted as job '%s'; submitted again it answered"
                    + " job '%s'", batch.key(), run.jobId, again);
            List<String> concurrent = concurrently(THREADS, () -> provider.submit(batch), Clause.S6);
            for (String id : concurrent) {
                Clause.S6.check(run.jobId.equals(id), "batch %s was accepted as job '%s'; submitted again from %d"
                        + " threads at once it answered %s", batch.key(), run.jobId, THREADS, concurrent);
            }
            DeliveryBatch other = numbered(batch, 2);
            String otherJob = provider.submit(other);
            Clause.S6.check(otherJob != null && !otherJob.isBlank() && !otherJob.equals(run.jobId),
                    "batch %s answered job '%s', the job of batch %s", other.key(), otherJob, batch.key());
            poll(run);
            for (int i = 0; i <= STEPS; i++) {
                step(run);
            }
            Map<String, DeviceReport> settledReports = run.latest(run.lastPoll().reports());
            String afterSettling = provider.submit(batch);
            Clause.S6.check(run.jobId.equals(afterSettling), "batch %s was accepted as job '%s'; submitted again once"
                    + " the job had settled it answered job '%s'", batch.key(), run.jobId, afterSettling);
            for (int i = 0; i <= STEPS; i++) {
                step(run);
            }
            checkDeliveredOnce(run, settledReports);
            List<Pushed> pushes;
            synchronized (pushed) {
                pushes = List.copyOf(pushed);
            }
            for (Pushed push : pushes) {
                Clause.S6.check(push.jobId().equals(run.jobId) || push.jobId().equals(otherJob),
                        "the provider pushed reports of job '%s'; it answered only jobs '%s' and '%s'", push.jobId(),
                        run.jobId, otherJob);
            }
        }

        /**
         * No device of the settled job is delivered a second time after its batch was submitted
         * again: each device's outcome, confirmation and time stay what they were (sequence numbers
         * and event ids are DP-P2's and DP-P4's business).
         */
        private void checkDeliveredOnce(Run run, Map<String, DeviceReport> settledReports) {
            Map<String, DeviceReport> last = run.latest(run.lastPoll().reports());
            Set<String> devices = new TreeSet<>(settledReports.keySet());
            devices.addAll(last.keySet());
            for (String deviceId : devices) {
                DeviceReport before = settledReports.get(deviceId);
                DeviceReport after = last.get(deviceId);
                boolean same = before != null && after != null && before.outcome().equals(after.outcome())
                        && before.confirmed() == after.confirmed() && before.at().equals(after.at());
                Clause.S6.check(same, "device %s of the settled job was reported %s; after its batch was submitted"
                        + " again, %s: delivered again", deviceId, Run.describe(before), Run.describe(after));
            }
        }
    }

    // ---------------------------------------------------------------- cancel

    /** DP-C1 to DP-C7. */
    @Nested
    @DisplayName("Cancel")
    class Cancel {

        @Test
        @DisplayName("DP-C1 a cancel before time moves stops every device of the job (SPEC C2)")
        void cancelBeforeAttemptsStopsEverything() {
            Run run = submit(nextBatch());
            List<String> named = provider.cancel(run.jobId).canceledDeviceIds();
            Set<String> missing = new TreeSet<>(run.deviceIds());
            missing.removeAll(named);
            Clause.C1.check(missing.isEmpty(), "the cancel did not name %s, though nothing was attempted", missing);
            Clause.C1.check(named.size() == run.deviceIds().size(), "the cancel named %s for %d devices", named,
                    run.deviceIds().size());
        }

        @Test
        @DisplayName("DP-C2 cancel never un-sends: an attempted device is neither named nor later reported CANCELED"
                + " (SPEC C2)")
        void cancelNeverUnsends() {
            Run run = canceledMidway();
            Map<String, DeviceReport> before = run.latest(run.polls.get(run.beforeCancel).reports());
            for (String deviceId : run.cancel.canceledDeviceIds()) {
                DeviceReport report = before.get(deviceId);
                Clause.C2.check(!run.attempted(report), "device %s was attempted (%s) and the cancel named it",
                        deviceId, report == null ? "" : report.outcome().display());
            }
            for (Run.Poll poll : run.polls.subList(run.beforeCancel + 1, run.polls.size())) {
                Map<String, DeviceReport> latest = run.latest(poll.reports());
                before.forEach((deviceId, report) -> Clause.C2.check(!run.attempted(report)
                                || !Run.isCanceled(latest.get(deviceId)),
                        "device %s was attempted (%s) before the cancel and is reported CANCELED after it", deviceId,
                        report.outcome().display()));
            }
        }

        @Test
        @DisplayName("DP-C3 every device the cancel named is reported CANCELED from then on (SPEC C2)")
        void canceledDevicesStayCanceled() {
            Run run = canceledMidway();
            for (Run.Poll poll : run.polls.subList(run.beforeCancel + 1, run.polls.size())) {
                Map<String, DeviceReport> latest = run.latest(poll.reports());
                for (String deviceId : run.cancel.canceledDeviceIds()) {
                    DeviceReport report = latest.get(deviceId);
                    Clause.C3.check(Run.isCanceled(report), "device %s was named by the cancel and is reported %s at %s",
                            deviceId, report == null ? "nothing" : report.outcome().display(), poll.at());
                }
            }
        }

        @Test
        @DisplayName("DP-C4 every device the cancel did not name had been attempted or stopped before it (SPEC C2, C3)")
        void unnamedDevicesWereAttempted() {
            Run run = canceledMidway();
            Map<String, DeviceReport> before = run.latest(run.polls.get(run.beforeCancel).reports());
            Set<String> named = Set.copyOf(run.cancel.canceledDeviceIds());
            for (String deviceId : run.deviceIds()) {
                DeviceReport report = before.get(deviceId);
                Clause.C4.check(named.contains(deviceId) || run.attempted(report) || Run.isCanceled(report),
                        "device %s was neither attempted nor stopped at the cancel (%s), yet the cancel did not name it",
                        deviceId, report == null ? "no report" : report.outcome().display());
            }
        }

        @Test
        @DisplayName("DP-C5 canceling twice is harmless: the second answer repeats no device and changes no report"
                + " (SPEC C4)")
        void cancelTwiceIsHarmless() {
            Run run = submit(nextBatch());
            stepUntilSomeAttempted(run);
            List<String> first = provider.cancel(run.jobId).canceledDeviceIds();
            Set<DeviceReport> afterFirst = Set.copyOf(poll(run).reports());
            List<String> second = provider.cancel(run.jobId).canceledDeviceIds();
            Set<DeviceReport> afterSecond = Set.copyOf(poll(run).reports());
            Set<String> repeated = new TreeSet<>(second);
            repeated.retainAll(first);
            Clause.C5.check(repeated.isEmpty(), "the second cancel named %s again", repeated);
            Clause.C5.check(afterFirst.equals(afterSecond), "the second cancel changed reports: %s",
                    Run.changed(afterFirst, afterSecond));
        }

        @Test
        @DisplayName("DP-C6 canceling a settled job names no device and changes no report")
        void cancelOfSettledJobChangesNothing() {
            Run run = settled();
            Set<DeviceReport> before = Set.copyOf(run.lastPoll().reports());
            List<String> named = provider.cancel(run.jobId).canceledDeviceIds();
            Set<DeviceReport> after = Set.copyOf(poll(run).reports());
            Clause.C6.check(named.isEmpty(), "the cancel of a settled job named %s", named);
            Clause.C6.check(before.equals(after), "the cancel of a settled job changed reports: %s",
                    Run.changed(before, after));
        }

        @Test
        @DisplayName("DP-C7 concurrent cancels of one job name each device at most once between them")
        void concurrentCancelsDoNotOverlap() {
            Run run = submit(nextBatch());
            stepUntilSomeAttempted(run);
            List<List<String>> answers = concurrently(THREADS, () -> provider.cancel(run.jobId).canceledDeviceIds(),
                    Clause.C7);
            Set<String> seen = new HashSet<>();
            for (List<String> answer : answers) {
                for (String deviceId : answer) {
                    Clause.C7.check(seen.add(deviceId), "device %s was named by two concurrent cancels: %s", deviceId,
                            answers);
                }
            }
        }
    }

    // ---------------------------------------------------------------- poll

    /** DP-P1 to DP-P10. */
    @Nested
    @DisplayName("Poll and reports")
    class Poll {

        @Test
        @DisplayName("DP-P1 poll answers at most one report per device (SPEC R1)")
        void onePerDevice() {
            Run run = settled();
            for (Run.Poll poll : run.polls) {
                Set<String> seen = new HashSet<>();
                for (DeviceReport report : poll.reports()) {
                    Clause.P1.check(seen.add(report.deviceId()), "device %s has more than one report at %s",
                            report.deviceId(), poll.at());
                }
            }
        }

        @Test
        @DisplayName("DP-P2 two polls with no time passing in between answer the same reports (SPEC R1, R2)")
        void pollIsIdempotent() {
            Run run = settled();
            for (int i = 1; i < run.polls.size(); i++) {
                Run.Poll a = run.polls.get(i - 1);
                Run.Poll b = run.polls.get(i);
                if (a.at().equals(b.at())) {
                    Clause.P2.check(Set.copyOf(a.reports()).equals(Set.copyOf(b.reports())),
                            "two polls at %s answered different reports; new in the second: %s", a.at(),
                            Run.changed(a.reports(), b.reports()));
                }
            }
        }

        @Test
        @DisplayName("DP-P3 reports name only devices of the polled job")
        void onlyKnownDevices() {
            Run run = settled();
            for (Run.Poll poll : run.polls) {
                for (DeviceReport report : poll.reports()) {
                    Clause.P3.check(run.devices.containsKey(report.deviceId()),
                            "device %s is not in job %s", report.deviceId(), run.jobId);
                }
            }
        }

        @Test
        @DisplayName("DP-P4 an event id is non-blank and names one report, across polls and jobs")
        void eventIdsNameOneReport() {
            Map<String, DeviceReport> byEventId = new HashMap<>();
            for (Run run : List.of(settled(), settled())) {
                for (Run.Poll poll : run.polls) {
                    for (DeviceReport report : poll.reports()) {
                        checkEventId(Clause.P4, byEventId, report);
                    }
                }
            }
        }

        @Test
        @DisplayName("DP-P5 a later report of a device is equal to the earlier one or newer (SPEC R2)")
        void sequencesNeverGoBackwards() {
            Run run = settled();
            Map<String, DeviceReport> previous = new HashMap<>();
            for (Run.Poll poll : run.polls) {
                run.latest(poll.reports()).values().forEach(report -> checkNotBackwards(Clause.P5, previous, report));
            }
        }

        @Test
        @DisplayName("DP-P6 a final outcome is never followed by a non-final one (SPEC R2, K4)")
        void finalStaysFinal() {
            Run run = settled();
            Map<String, DeviceReport> previous = new HashMap<>();
            for (Run.Poll poll : run.polls) {
                run.latest(poll.reports()).values().forEach(report -> checkFinalStaysFinal(Clause.P6, run, previous, report));
            }
        }

        @Test
        @DisplayName("DP-P7 outcomes fit the channel: codes on Voice/Text, OPTED_OUT on Text, confirmed on Voice,"
                + " never PENDING (SPEC K1, K5)")
        void outcomesFitTheChannel() {
            Run run = settled();
            for (Run.Poll poll : run.polls) {
                run.latest(poll.reports()).values().forEach(report -> checkFits(Clause.P7, run, report));
            }
        }

        @Test
        @DisplayName("DP-P8 a report's time lies between the job's submission and the poll")
        void reportTimesAreInThePast() {
            Run run = settled();
            for (Run.Poll poll : run.polls) {
                for (DeviceReport report : run.latest(poll.reports()).values()) {
                    Clause.P8.check(!report.at().isBefore(run.submittedAt) && !report.at().isAfter(poll.at()),
                            "device %s is reported at %s; the job was submitted at %s and polled at %s",
                            report.deviceId(), report.at(), run.submittedAt, poll.at());
                }
            }
        }

        @Test
        @DisplayName("DP-P9 once the settle time has passed, every device has a final outcome (SPEC M3, M4)")
        void everyDeviceSettles() {
            Run run = settled();
            Map<String, DeviceReport> latest = run.latest(run.lastPoll().reports());
            for (String deviceId : run.deviceIds()) {
                DeviceReport report = latest.get(deviceId);
                Clause.P9.check(report != null && run.classOf(report).isFinal(),
                        "device %s is reported %s after the settle time %s", deviceId,
                        report == null ? "nothing" : report.outcome().display(), settleTime());
            }
        }

        @Test
        @DisplayName("DP-P10 a confirmation (pressed 0) stops the person's Voice and Text deliveries not yet attempted"
                + " (SPEC R3)")
        void confirmationStopsThePersonsPhones() {
            Run run = settled();
            Assumptions.assumeTrue(run.batch.options().confirmationStopsPhone(), "the kit batch does not ask for it");
            Set<String> confirmedPersons = new HashSet<>();
            List<Runnable> checks = new ArrayList<>();
            for (int i = 0; i < run.polls.size(); i++) {
                int pollIndex = i;
                Map<String, DeviceReport> latest = run.latest(run.polls.get(i).reports());
                for (DeviceReport report : latest.values()) {
                    DeliveryRequest confirming = run.devices.get(report.deviceId());
                    if (report.confirmed() && confirming.channel() == Channel.VOICE
                            && confirmedPersons.add(confirming.personId())) {
                        checks.add(() -> checkStopped(run, pollIndex, confirming, latest));
                    }
                }
            }
            Assumptions.assumeFalse(checks.isEmpty(),
                    "DP-P10 not checked: the provider reported no confirmed Voice device in the kit run");
            checks.forEach(Runnable::run);
        }

        private void checkStopped(Run run, int pollIndex, DeliveryRequest confirming, Map<String, DeviceReport> atConfirmation) {
            for (DeliveryRequest other : run.devices.values()) {
                if (other == confirming || !other.channel().isPhone() || !other.personId().equals(confirming.personId())
                        || run.attempted(atConfirmation.get(other.deviceId()))) {
                    continue;
                }
                for (Run.Poll poll : run.polls.subList(pollIndex, run.polls.size())) {
                    DeviceReport report = run.latest(poll.reports()).get(other.deviceId());
                    Clause.P10.check(Run.isCanceled(report),
                            "%s confirmed on device %s; device %s, not yet attempted then, is reported %s at %s",
                            confirming.personId(), confirming.deviceId(), other.deviceId(),
                            report == null ? "nothing" : report.outcome().display(), poll.at());
                }
            }
        }
    }

    // ---------------------------------------------------------------- failures

    /** DP-F1, DP-F2. */
    @Nested
    @DisplayName("Failures")
    class Failures {

        @Test
        @DisplayName("DP-F1 poll and cancel of a job id the provider never returned throw a ProviderException naming"
                + " the provider")
        void unknownJobIsRefused() {
            submit(nextBatch());
            checkProviderException(Clause.F1, "poll of an unknown job", unknownJobCall(() -> provider.poll("kit-no-such-job")));
            checkProviderException(Clause.F1, "cancel of an unknown job",
                    unknownJobCall(() -> provider.cancel("kit-no-such-job")));
        }

        @Test
        @DisplayName("DP-F2 exceptions thrown on purpose are ProviderExceptions whose messages hold no address")
        void exceptionsAreProviderExceptionsWithoutAddresses() {
            List<RuntimeException> thrown = new ArrayList<>();
            DeliveryBatch unservedBatch = null;
            Set<Channel> unserved = EnumSet.complementOf(EnumSet.copyOf(servedChannels()));
            if (!unserved.isEmpty()) {
                Set<Channel> channels = EnumSet.copyOf(servedChannels());
                channels.addAll(unserved);
                unservedBatch = batch("kit-unserved", channels);
                addIfThrown(thrown, unservedBatch);
            }
            DeliveryBatch refused = nextBatch();
            if (makeUnreachable(provider)) {
                addIfThrown(thrown, refused);
                makeReachable(provider);
            }
            addIfThrown(thrown, () -> provider.poll("kit-no-such-job"));
            Assumptions.assumeFalse(thrown.isEmpty(), "the provider threw nothing the kit could provoke");
            List<DeliveryBatch> batches = unservedBatch == null ? List.of(refused) : List.of(refused, unservedBatch);
            for (RuntimeException e : thrown) {
                Clause.F2.check(e instanceof ProviderException, "the provider threw %s", e);
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                for (DeliveryBatch batch : batches) {
                    for (DeliveryRequest request : batch.deliveries()) {
                        Clause.F2.check(!message.contains(request.address().toLowerCase(Locale.ROOT)),
                                "the message '%s' holds the address of device %s", e.getMessage(), request.deviceId());
                    }
                }
            }
        }

        private void addIfThrown(List<RuntimeException> thrown, DeliveryBatch batch) {
            addIfThrown(thrown, () -> provider.submit(batch));
        }

        private void addIfThrown(List<RuntimeException> thrown, Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                thrown.add(e);
            }
        }
    }

    // ---------------------------------------------------------------- threads

    /** DP-T1. */
    @Nested
    @DisplayName("Threads")
    class Threads {

        @Test
        @DisplayName("DP-T1 submits of distinct batch keys from several threads get distinct job ids, each of which"
                + " can be polled")
        void concurrentSubmits() {
            List<DeliveryBatch> batches = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                batches.add(nextBatch());
            }
            AtomicInteger turn = new AtomicInteger();
            List<List<String>> perThread = concurrently(THREADS, () -> {
                DeliveryBatch batch = batches.get(turn.getAndIncrement() % THREADS);
                List<String> ids = new ArrayList<>();
                for (int i = 1; i <= 25; i++) {
                    ids.add(provider.submit(numbered(batch, i)));
                }
                return ids;
            }, Clause.T1);
            Set<String> all = new HashSet<>();
            for (List<String> ids : perThread) {
                for (String id : ids) {
                    Clause.S1.check(id != null && !id.isBlank(), "submit answered '%s'", id);
                    Clause.T1.check(all.add(id), "concurrent submits answered job id '%s' twice (DP-S2)", id);
                    Clause.T1.check(provider.poll(id) != null, "poll of job %s answered null", id);
                }
            }
        }

        @Test
        @DisplayName("DP-T1 polls and cancels from several threads while the job progresses keep DP-P1, DP-C3 and DP-C7")
        void concurrentPollsAndCancels() throws InterruptedException {
            Run run = submit(nextBatch());
            AtomicBoolean stop = new AtomicBoolean();
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pollers = Executors.newFixedThreadPool(THREADS - 1);
            List<Future<?>> polling = new ArrayList<>();
            for (int i = 0; i < THREADS - 1; i++) {
                polling.add(pollers.submit(() -> {
                    while (!stop.get()) {
                        List<DeviceReport> reports = provider.poll(run.jobId);
                        Set<String> seen = new HashSet<>();
                        for (DeviceReport report : reports) {
                            if (!seen.add(report.deviceId())) {
                                violations.add("device " + report.deviceId() + " twice in one poll (DP-P1)");
                            }
                        }
                    }
                    return null;
                }));
            }
            List<List<String>> cancels;
            try {
                stepUntilSomeAttempted(run);
                cancels = concurrently(2, () -> provider.cancel(run.jobId).canceledDeviceIds(), Clause.T1);
                for (int i = 0; i < STEPS; i++) {
                    progress(provider, stepSize());
                }
            } finally {
                stop.set(true);
                pollers.shutdown();
            }
            Clause.T1.check(pollers.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS), "pollers did not finish");
            for (Future<?> future : polling) {
                await(future, Clause.T1);
            }
            Run.Poll last = poll(run);
            Set<String> polled = new HashSet<>();
            for (DeviceReport report : last.reports()) {
                if (!polled.add(report.deviceId())) {
                    violations.add("device " + report.deviceId() + " twice in one poll (DP-P1)");
                }
            }
            Clause.T1.check(violations.isEmpty(), "concurrent polls broke the contract: %s",
                    violations.subList(0, Math.min(3, violations.size())));
            Map<String, DeviceReport> latest = run.latest(last.reports());
            Set<String> named = new HashSet<>();
            for (List<String> answer : cancels) {
                for (String deviceId : answer) {
                    Clause.T1.check(named.add(deviceId), "two concurrent cancels named device %s (DP-C7)", deviceId);
                    Clause.T1.check(Run.isCanceled(latest.get(deviceId)), "device %s was canceled and is reported %s (DP-C3)",
                            deviceId, Run.describe(latest.get(deviceId)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- push

    /** DP-B1. */
    @Nested
    @DisplayName("Push")
    class Push {

        @Test
        @DisplayName("DP-B1 pushed reports name this provider and its job, and obey DP-P3 to DP-P7")
        void pushedReportsObeyTheRules() {
            Run run = settled();
            Map<String, DeviceReport> byEventId = new HashMap<>();
            Map<String, DeviceReport> previous = new HashMap<>();
            Map<String, DeviceReport> previousFinal = new HashMap<>();
            List<Pushed> pushes;
            synchronized (pushed) {
                pushes = List.copyOf(pushed);
            }
            Assumptions.assumeFalse(pushes.isEmpty(),
                    "DP-B1 not checked: the provider pushed no report to the bound sink in the kit run (pull only)");
            for (Pushed push : pushes) {
                Clause.B1.check(provider.name().equals(push.providerName()), "a push named provider '%s', not '%s'",
                        push.providerName(), provider.name());
                Clause.B1.check(run.jobId.equals(push.jobId()), "a push named job '%s'; the only job is '%s'",
                        push.jobId(), run.jobId);
                for (DeviceReport report : push.reports()) {
                    Clause.B1.check(run.devices.containsKey(report.deviceId()), "a pushed report names device %s, not"
                            + " in job %s (DP-P3)", report.deviceId(), run.jobId);
                    checkEventId(Clause.B1, byEventId, report);
                    checkNotBackwards(Clause.B1, previous, report);
                    checkFinalStaysFinal(Clause.B1, run, previousFinal, report);
                    checkFits(Clause.B1, run, report);
                }
            }
        }
    }

    /** DP-E1. */
    @Nested
    @DisplayName("Feedback")
    class FeedbackClauses {

        @Test
        @DisplayName("DP-E1 feedback names only Email and Text devices of the job, at times between submission and the"
                + " answer, and asking twice with no time passing answers the same (SPEC H5)")
        void feedbackObeysTheRules() {
            Run run = settled();
            progress(provider, feedbackTime());
            List<DeviceFeedback> first = provider.pollFeedback(run.jobId);
            Instant asked = clock.instant();
            List<DeviceFeedback> again = provider.pollFeedback(run.jobId);
            Clause.E1.check(first != null && again != null, "pollFeedback of job %s answered null", run.jobId);
            Assumptions.assumeFalse(first.isEmpty(),
                    "DP-E1 not checked: the provider reported no feedback in the kit run");
            Clause.E1.check(first.equals(again), "two answers with no time passing differ: %s, then %s", first, again);
            for (DeviceFeedback f : first) {
                DeliveryRequest request = run.devices.get(f.deviceId());
                Clause.E1.check(request != null, "%s feedback names device %s, not in job %s", f.kind(), f.deviceId(),
                        run.jobId);
                Clause.E1.check(request.channel() == Channel.EMAIL || request.channel() == Channel.TEXT,
                        "%s feedback names the %s device %s", f.kind(), request.channel(), f.deviceId());
                Clause.E1.check(!f.at().isBefore(run.submittedAt) && !f.at().isAfter(asked),
                        "%s feedback on device %s is at %s; the job was submitted at %s and asked at %s", f.kind(),
                        f.deviceId(), f.at(), run.submittedAt, asked);
            }
        }
    }

    // ---------------------------------------------------------------- shared checks

    private static void checkEventId(Clause clause, Map<String, DeviceReport> byEventId, DeviceReport report) {
        String eventId = report.eventId();
        clause.check(!eventId.isBlank(), "device %s is reported with a blank event id", report.deviceId());
        DeviceReport earlier = byEventId.putIfAbsent(eventId, report);
        clause.check(earlier == null || earlier.equals(report), "event id '%s' names two reports: %s and %s (DP-P4)",
                eventId, Run.describe(earlier), Run.describe(report));
    }

    private static void checkNotBackwards(Clause clause, Map<String, DeviceReport> previous, DeviceReport report) {
        DeviceReport before = previous.put(report.deviceId(), report);
        clause.check(before == null || before.equals(report) || report.isNewerThan(before),
                "device %s was reported %s (sequence %d, %s), then the older %s (sequence %d, %s) (DP-P5)",
                report.deviceId(), before == null ? "" : before.outcome().display(), before == null ? 0 : before.sequence(),
                before == null ? "" : before.at(), report.outcome().display(), report.sequence(), report.at());
    }

    private static void checkFinalStaysFinal(Clause clause, Run run, Map<String, DeviceReport> previous,
                                             DeviceReport report) {
        if (!run.devices.containsKey(report.deviceId())) {
            return;
        }
        DeviceReport before = previous.put(report.deviceId(), report);
        clause.check(before == null || !run.classOf(before).isFinal() || run.classOf(report).isFinal(),
                "device %s was reported with the final outcome %s, then with the non-final %s (DP-P6)", report.deviceId(),
                before == null ? "" : before.outcome().display(), report.outcome().display());
    }

    private static void checkFits(Clause clause, Run run, DeviceReport report) {
        DeliveryRequest request = run.devices.get(report.deviceId());
        if (request == null) {
            return;
        }
        Channel channel = request.channel();
        DeviceOutcome outcome = report.outcome();
        String misfit = null;
        if (outcome instanceof DeviceOutcome.Call && !channel.isPhone()) {
            misfit = "a call status code (" + outcome.display() + ")";
        } else if (outcome.equals(DeviceOutcome.of(DeviceStatus.PENDING))) {
            misfit = "PENDING";
        } else if (outcome.equals(DeviceOutcome.of(DeviceStatus.OPTED_OUT)) && channel != Channel.TEXT) {
            misfit = "OPTED_OUT";
        } else if (report.confirmed() && channel != Channel.VOICE) {
            misfit = "confirmed";
        }
        clause.check(misfit == null, "%s device %s is reported %s (DP-P7)", channel, report.deviceId(), misfit);
    }

    private void checkProviderException(Clause clause, String what, RuntimeException thrown) {
        clause.check(thrown != null, "%s answered instead of throwing", what);
        clause.check(thrown instanceof ProviderException, "%s threw %s, not a ProviderException", what, thrown);
        String name = ((ProviderException) thrown).providerName();
        clause.check(provider.name().equals(name), "%s threw a ProviderException naming provider '%s', not '%s'", what,
                name, provider.name());
    }

    private static RuntimeException unknownJobCall(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private RuntimeException submitExpectingRefusal(DeliveryBatch batch, Clause clause) {
        RuntimeException thrown = unknownJobCall(() -> provider.submit(batch));
        if (thrown != null) {
            checkProviderException(clause, "submit", thrown);
        }
        return thrown;
    }

    // ---------------------------------------------------------------- runs

    private Set<Channel> servedChannels() {
        Set<Channel> channels = provider.channels();
        Clause.I2.check(channels != null && !channels.isEmpty(), "channels() answered %s; the kit cannot build a batch",
                channels);
        return channels;
    }

    private DeliveryBatch nextBatch() {
        messages++;
        return batch("kit-message-" + messages, servedChannels());
    }

    private Duration stepSize() {
        return settleTime().dividedBy(STEPS);
    }

    private Run submit(DeliveryBatch batch) {
        Instant at = clock.instant();
        String jobId = provider.submit(batch);
        Clause.S1.check(jobId != null && !jobId.isBlank(), "submit answered '%s'", jobId);
        return new Run(batch, jobId, at);
    }

    private Run.Poll poll(Run run) {
        List<DeviceReport> reports = provider.poll(run.jobId);
        Clause.P1.check(reports != null, "poll of job %s answered null", run.jobId);
        Run.Poll poll = new Run.Poll(clock.instant(), List.copyOf(reports));
        run.polls.add(poll);
        return poll;
    }

    /** Progresses one step and polls twice (the second poll is for DP-P2). */
    private void step(Run run) {
        progress(provider, stepSize());
        poll(run);
        poll(run);
    }

    /** Walks the job past its settle time, polling after every step. */
    private Run settled() {
        Run run = submit(nextBatch());
        poll(run);
        for (int i = 0; i <= STEPS; i++) {
            step(run);
        }
        return run;
    }

    /** Steps until some device is attempted (at most half the settle time); answers the steps taken. */
    private int stepUntilSomeAttempted(Run run) {
        poll(run);
        int taken = 0;
        while (taken < STEPS / 2 && run.latest(run.lastPoll().reports()).values().stream().noneMatch(run::attempted)) {
            step(run);
            taken++;
        }
        return taken;
    }

    /** Cancels once some device is attempted, then walks the job past its settle time. */
    private Run canceledMidway() {
        Run run = submit(nextBatch());
        int taken = stepUntilSomeAttempted(run);
        run.beforeCancel = run.polls.size() - 1;
        run.cancel = provider.cancel(run.jobId);
        poll(run);
        for (int i = taken; i <= STEPS; i++) {
            step(run);
        }
        return run;
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task, Clause clause) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(await(future, clause));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future, Clause clause) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a kit thread", e);
        } catch (ExecutionException e) {
            clause.fail("a call from another thread threw %s", e.getCause());
            return null;
        } catch (TimeoutException e) {
            clause.fail("a call from another thread did not return within %d seconds", TIMEOUT_SECONDS);
            return null;
        }
    }
}
