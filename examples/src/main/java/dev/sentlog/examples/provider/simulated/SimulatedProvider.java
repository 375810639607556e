package dev.sentlog.examples.provider.simulated;

import dev.sentlog.spi.BatchKey;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.OutcomeClassifier;
import dev.sentlog.spi.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery provider that delivers nothing and reports what a configured scenario says, for demos
 * and tests.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li><b>Deterministic.</b> Each device's plan (when it is attempted, what it ends with, whether
 *       it is confirmed, silent or redialed) is drawn from a random generator seeded with the
 *       {@linkplain Builder#seed(long) seed}, the message id and the device id only, so the same
 *       seed and batch give the same plan whatever the order or threads of the calls. Job ids are
 *       {@code <name>-1}, {@code <name>-2}, … in submission order.</li>
 *   <li><b>Clock-driven.</b> At submit each device is planned: attempted at submission time plus a
 *       delay drawn from {@link Builder#attemptDelay(Duration, Duration)} (at least one second, so
 *       nothing is attempted before time moves on), reported IN_PROGRESS then, optionally reported
 *       with an intermediate code (17 Temporarily Unavailable for Voice, -39 SMS Queued for Text),
 *       and reported with its final outcome a further {@link Builder#outcomeDelay(Duration, Duration)}
 *       later. {@link #poll(String)} shows every step whose time the clock has reached.</li>
 *   <li><b>Outcomes.</b> Voice devices end with a code from {@link Builder#voiceCodes(int...)},
 *       Text devices with one from {@link Builder#textCodes(int...)} (or -33 SMS Opt Out by
 *       {@link Builder#textOptOutRate(double)}), Email devices SENT or, by
 *       {@link Builder#emailFailureRate(double)}, FAILED with a bounce reason, Inbox devices SENT.
 *       Codes outside the table are reported verbatim (SPEC K2). With
 *       {@link Builder#codesInTurn(boolean)} the codes are dealt in turn over a batch's devices of
 *       the channel instead of drawn, so a batch as long as the list produces every code.</li>
 *   <li><b>Duplicates.</b> With {@link Builder#reportDuplicates(boolean)} (the default), a second or
 *       later Voice or Text delivery of one address in a batch ends with -4 Duplicate.</li>
 *   <li><b>Confirmations (SPEC R3).</b> A Voice device ending with 5 Live Person is confirmed
 *       (pressed 0) by {@link Builder#confirmationRate(double)}; when the batch's options say
 *       confirmation stops phone deliveries, that person's Voice and Text devices not yet attempted
 *       at the confirmation are reported CANCELED.</li>
 *   <li><b>Silence (SPEC M4).</b> A device drawn by {@link Builder#silenceRate(double)} is reported
 *       IN_PROGRESS and never again, so the log's reporting window passes and the message becomes
 *       Error.</li>
 *   <li><b>Idempotent submit (DP-S6).</b> A batch whose {@linkplain DeliveryBatch#key() key} was
 *       accepted before answers the job it already has and delivers nothing again, also when the
 *       repeats race on several threads.</li>
 *   <li><b>Submit failures (SPEC M5).</b> A batch of a message named in
 *       {@link Builder#failSubmitsOf(String...)}, or the next batches after
 *       {@link #failNextSubmits(int)}, are refused with a {@link ProviderException}.</li>
 *   <li><b>Feedback (SPEC H5).</b> With {@link Builder#engagement(double, double, double, double)},
 *       Email devices that end SENT are opened, clicked, unsubscribed or complained about, drawn
 *       from the seed apart from their outcomes; {@link #pollFeedback(String)} shows the feedback
 *       whose time the clock has reached.</li>
 *   <li><b>Cancel (SPEC C2).</b> Stops every device whose attempt time the clock has not reached;
 *       they are reported CANCELED from then on.</li>
 * </ul>
 *
 * <p>Outside the silence and duplicate options it keeps every clause of the
 * {@link DeliveryProvider} contract; it passes the provider compatibility kit. With a silence rate
 * above zero it breaks DP-P9 on purpose.
 *
 * <p>Thread-safe: any method may be called from any thread; each job is guarded by its own lock.
 * It logs through SLF4J at debug level, never with an address.
 */
public final class SimulatedProvider implements DeliveryProvider {

    /** The default name, {@code "simulated"}. */
    public static final String DEFAULT_NAME = "simulated";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedProvider.class);

    private final Scenario scenario;
    private final Clock clock;
    private final String name;
    private final Set<Channel> channels;
    private final Set<String> failingMessageIds;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicLong jobCounter = new AtomicLong();
    private final ConcurrentMap<String, SimulatedJob> jobs = new ConcurrentHashMap<>();
    /** DP-S6: the job of every batch key accepted. */
    private final ConcurrentMap<BatchKey, String> jobOfKey = new ConcurrentHashMap<>();

    private SimulatedProvider(Builder builder) {
        this.name = builder.name;
        this.channels = Collections.unmodifiableSet(EnumSet.copyOf(builder.channels));
        this.clock = builder.clock;
        this.failingMessageIds = Set.copyOf(builder.failingMessageIds);
        this.scenario = new Scenario(builder);
    }

    /**
     * A builder with the defaults: name {@code "simulated"}, every channel, seed 0, the system UTC
     * clock, attempts 1 second to 2 minutes after submit, outcomes 5 to 60 seconds after the
     * attempt, mostly successful outcomes, no confirmations, opt-outs, silence or redials,
     * duplicates reported as -4.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    /**
     * Plans the batch's deliveries and answers a new job id; a batch whose key was accepted before
     * answers that job's id and plans nothing (DP-S6).
     *
     * @throws ProviderException when a delivery's channel is not served, a device id appears twice,
     *                           the message is configured to fail, or a failure was requested with
     *                           {@link #failNextSubmits(int)}
     */
    @Override
    public String submit(DeliveryBatch batch) {
        Objects.requireNonNull(batch, "batch");
        Set<String> seen = new HashSet<>();
        for (DeliveryRequest request : batch.deliveries()) {
            if (!channels.contains(request.channel())) {
                throw new ProviderException(name, "device " + request.deviceId() + " of message "
                        + batch.messageId() + " is on channel " + request.channel() + ", not one of " + channels);
            }
            if (!seen.add(request.deviceId())) {
                throw new ProviderException(name, "device id " + request.deviceId() + " appears twice in the batch"
                        + " of message " + batch.messageId());
            }
        }
        if (failingMessageIds.contains(batch.messageId())) {
            throw new ProviderException(name, "simulated submit failure for message " + batch.messageId());
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new ProviderException(name, "simulated submit failure (requested) for message " + batch.messageId());
        }
        return jobOfKey.computeIfAbsent(batch.key(), key -> {
            String jobId = name + "-" + jobCounter.incrementAndGet();
            Instant now = clock.instant();
            jobs.put(jobId, new SimulatedJob(jobId, batch, now, scenario.plan(batch, now)));
            LOG.debug("{}: job {} accepted {} deliveries of message {}", name, jobId, batch.deliveries().size(),
                    batch.messageId());
            return jobId;
        });
    }

    /**
     * Stops every device of the job whose attempt time the clock has not reached.
     *
     * @throws ProviderException when the job is unknown
     */
    @Override
    public CancelResult cancel(String jobId) {
        CancelResult result = job(jobId).cancel(clock.instant());
        LOG.debug("{}: job {} canceled {} deliveries", name, jobId, result.canceledDeviceIds().size());
        return result;
    }

    /**
     * The latest report of each device whose first step the clock has reached.
     *
     * @throws ProviderException when the job is unknown
     */
    @Override
    public List<DeviceReport> poll(String jobId) {
        return job(jobId).poll(clock.instant());
    }

    /**
     * The feedback of the job's Email devices whose time the clock has reached (SPEC H5, DP-E1), as
     * {@link Builder#engagement(double, double, double, double)} planned it; none by default.
     *
     * @throws ProviderException when the job is unknown
     */
    @Override
    public List<DeviceFeedback> pollFeedback(String jobId) {
        return job(jobId).pollFeedback(clock.instant());
    }

    /**
     * Makes the next {@code count} submits throw a {@link ProviderException} (SPEC M5), as if the
     * service were unreachable. Thread-safe.
     *
     * @param count how many submits fail; zero clears the request
     * @throws IllegalArgumentException when count is negative
     */
    public void failNextSubmits(int count) {
        requireArgument(count >= 0, "count of failing submits must not be negative: %d", count);
        failNext.set(count);
    }

    private SimulatedJob job(String jobId) {
        SimulatedJob job = jobId == null ? null : jobs.get(jobId);
        if (job == null) {
            throw new ProviderException(name, "unknown job " + jobId);
        }
        return job;
    }

    /**
     * Configures a {@link SimulatedProvider}. Rates are probabilities from 0 to 1, drawn per device.
     * Not thread-safe; the provider it builds is.
     */
    public static final class Builder {
        String name = DEFAULT_NAME;
        Set<Channel> channels = EnumSet.allOf(Channel.class);
        long seed;
        Clock clock = Clock.systemUTC();
        Duration attemptMin = Duration.ofSeconds(1);
        Duration attemptMax = Duration.ofMinutes(2);
        Duration outcomeMin = Duration.ofSeconds(5);
        Duration outcomeMax = Duration.ofSeconds(60);
        int[] voiceCodes = {5, 5, 5, 5, 5, 5, 6, 6, 6, 0, 1, 3, 13, -2};
        int[] textCodes = {-28, -28, -28, -28, -28, -28, -27, -27, -30};
        boolean codesInTurn;
        double emailFailureRate = 0.05;
        double confirmationRate;
        double textOptOutRate;
        double silenceRate;
        double redialRate;
        boolean reportDuplicates = true;
        double openRate;
        double clickRate;
        double unsubscribeRate;
        double complaintRate;
        Set<String> failingMessageIds = Set.of();
        final Map<String, DeviceOutcome> fixedOutcomes = new HashMap<>();

        private Builder() {
        }

        /**
         * The provider's name, also the prefix of its job ids and event ids.
         *
         * @param name a non-blank name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = requireNonBlank(name);
            return this;
        }

        /**
         * The channels served.
         *
         * @param first the first channel
         * @param more  further channels
         * @return this builder
         */
        public Builder channels(Channel first, Channel... more) {
            this.channels = EnumSet.of(Objects.requireNonNull(first, "channel"), more);
            return this;
        }

        /**
         * The seed every device's plan is drawn from.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The clock that drives the simulation: outcomes become visible as it passes their time.
         * Use the log's clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long after submit a device is attempted, drawn uniformly per device.
         *
         * @param min the least delay, at least one second
         * @param max the greatest delay, not less than min
         * @return this builder
         */
        public Builder attemptDelay(Duration min, Duration max) {
            checkRange(min, max, "attemptDelay");
            requireArgument(min.compareTo(Duration.ofSeconds(1)) >= 0,
                    "attemptDelay min must be at least one second (DP-S3): %s", min);
            this.attemptMin = min;
            this.attemptMax = max;
            return this;
        }

        /**
         * How long after its attempt a device's final outcome is reported, drawn uniformly per device.
         *
         * @param min the least delay, zero or more
         * @param max the greatest delay, not less than min
         * @return this builder
         */
        public Builder outcomeDelay(Duration min, Duration max) {
            checkRange(min, max, "outcomeDelay");
            this.outcomeMin = min;
            this.outcomeMax = max;
            return this;
        }

        /**
         * The final call status codes of Voice devices; a code listed twice is drawn twice as often.
         * Any integer is allowed: codes outside the table are reported as unknown (SPEC K2).
         *
         * @param codes at least one code
         * @return this builder
         */
        public Builder voiceCodes(int... codes) {
            this.voiceCodes = checkCodes(codes, "voiceCodes");
            return this;
        }

        /**
         * The final call status codes of Text devices (before opt-outs); see {@link #voiceCodes(int...)}.
         *
         * @param codes at least one code
         * @return this builder
         */
        public Builder textCodes(int... codes) {
            this.textCodes = checkCodes(codes, "textCodes");
            return this;
        }

        /**
         * Every code of {@link CallStatusCode#table()}, each on the channel it can happen on
         * ({@link CallStatusCode#occursOn(Channel)}: call progress codes on Voice, the SMS family on
         * Text, the dialer's errors on both), followed by the given unknown codes on both, dealt in
         * turn: a batch with as many Voice and as many Text devices as codes produces every code.
         *
         * @param unknownCodes codes outside the table to add, e.g. 42
         * @return this builder
         */
        public Builder everyCallStatusCode(int... unknownCodes) {
            this.voiceCodes = tableCodesOn(Channel.VOICE, unknownCodes);
            this.textCodes = tableCodesOn(Channel.TEXT, unknownCodes);
            this.codesInTurn = true;
            return this;
        }

        private static int[] tableCodesOn(Channel channel, int[] unknownCodes) {
            return IntStream.concat(CallStatusCode.table().stream().filter(c -> c.occursOn(channel))
                    .mapToInt(CallStatusCode::code), IntStream.of(unknownCodes)).toArray();
        }

        /**
         * Whether codes are dealt in turn over a batch's devices of each channel (true) or drawn
         * at random from the list (false, the default).
         *
         * @param inTurn the choice
         * @return this builder
         */
        public Builder codesInTurn(boolean inTurn) {
            this.codesInTurn = inTurn;
            return this;
        }

        /**
         * The share of Email devices that bounce (FAILED with a reason); default 0.05.
         *
         * @param rate from 0 to 1
         * @return this builder
         */
        public Builder emailFailureRate(double rate) {
            this.emailFailureRate = checkRate(rate, "emailFailureRate");
            return this;
        }

        /**
         * The share of Voice devices ending with 5 Live Person whose recipient presses 0 (SPEC R3).
         *
         * @param rate from 0 to 1
         * @return this builder
         */
        public Builder confirmationRate(double rate) {
            this.confirmationRate = checkRate(rate, "confirmationRate");
            return this;
        }

        /**
         * Recipients' feedback on Email devices that end SENT (SPEC H5), drawn per device from the seed
         * apart from its outcome: the share opened (some of them twice), the share of opened ones
         * clicked, and the shares unsubscribed and complained (these two exclusive). Default: all 0,
         * no feedback.
         *
         * @param openRate        the share opened, from 0 to 1
         * @param clickRate       the share of opened emails clicked, from 0 to 1
         * @param unsubscribeRate the share unsubscribed, from 0 to 1
         * @param complaintRate   the share complained, from 0 to 1; with the unsubscribe rate at most 1
         * @return this builder
         */
        public Builder engagement(double openRate, double clickRate, double unsubscribeRate, double complaintRate) {
            this.openRate = checkRate(openRate, "openRate");
            this.clickRate = checkRate(clickRate, "clickRate");
            this.unsubscribeRate = checkRate(unsubscribeRate, "unsubscribeRate");
            this.complaintRate = checkRate(complaintRate, "complaintRate");
            requireArgument(unsubscribeRate + complaintRate <= 1, "unsubscribeRate %s and complaintRate %s add up to "
                    + "more than 1", unsubscribeRate, complaintRate);
            return this;
        }

        /**
         * The share of Text devices that end with -33 SMS Opt Out (SPEC K5).
         *
         * @param rate from 0 to 1
         * @return this builder
         */
        public Builder textOptOutRate(double rate) {
            this.textOptOutRate = checkRate(rate, "textOptOutRate");
            return this;
        }

        /**
         * The share of devices that are attempted and never reported again (SPEC M4).
         *
         * @param rate from 0 to 1
         * @return this builder
         */
        public Builder silenceRate(double rate) {
            this.silenceRate = checkRate(rate, "silenceRate");
            return this;
        }

        /**
         * The share of Voice and Text devices reported with a not-final code first (17 for Voice,
         * -39 for Text, SPEC K4) halfway to their final outcome.
         *
         * @param rate from 0 to 1
         * @return this builder
         */
        public Builder redialRate(double rate) {
            this.redialRate = checkRate(rate, "redialRate");
            return this;
        }

        /**
         * Whether a second or later Voice or Text delivery of one address in a batch ends with
         * -4 Duplicate (default true).
         *
         * @param report the choice
         * @return this builder
         */
        public Builder reportDuplicates(boolean report) {
            this.reportDuplicates = report;
            return this;
        }

        /**
         * Messages whose batches submit refuses with a {@link ProviderException} (SPEC M5).
         *
         * @param messageIds the message ids
         * @return this builder
         */
        public Builder failSubmitsOf(String... messageIds) {
            this.failingMessageIds = Set.of(messageIds);
            return this;
        }

        /**
         * Every delivery to an address on a channel ends with the same outcome, whichever message it
         * belongs to: a number that keeps failing (a wrong number, code 3 or -2), an email that
         * bounces (FAILED), a number that opted out. Addresses are compared normalised (SPEC D1).
         * The address's other occurrences in a batch are still reported as duplicates.
         *
         * @param channel the channel
         * @param address the address, as any occurrence spells it
         * @param outcome the final outcome every delivery to it gets
         * @return this builder
         */
        public Builder fixedOutcome(Channel channel, String address, DeviceOutcome outcome) {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(outcome, "outcome");
            requireArgument(OutcomeClassifier.standard().classify(channel, outcome, false).isFinal(),
                    "a fixed outcome must be final, not %s", outcome);
            fixedOutcomes.put(Scenario.fixedKey(channel, address), outcome);
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return a new provider
         */
        public SimulatedProvider build() {
            return new SimulatedProvider(this);
        }

        private static void checkRange(Duration min, Duration max, String what) {
            Objects.requireNonNull(min, what + ".min");
            Objects.requireNonNull(max, what + ".max");
            requireArgument(!min.isNegative() && min.compareTo(max) <= 0,
                    "%s must satisfy 0 <= min <= max, was %s .. %s", what, min, max);
        }

        private static double checkRate(double rate, String what) {
            requireArgument(rate >= 0 && rate <= 1, "%s must be between 0 and 1, was %s", what, rate);
            return rate;
        }

        private static int[] checkCodes(int[] codes, String what) {
            Objects.requireNonNull(codes, what);
            requireArgument(codes.length > 0, "%s needs at least one code", what);
            return codes.clone();
        }
    }

    private static void requireArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    private static String requireNonBlank(String name) {
        requireArgument(!Objects.requireNonNull(name, "name").isBlank(), "name must not be blank");
        return name;
    }
}
