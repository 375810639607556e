package dev.sentlog.examples.provider.simulated;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryBatch;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Draws each device's plan from the builder's settings. Immutable, thread-safe. */
final class Scenario {

    static final String BOUNCE_REASON = "550 5.1.1 mailbox unavailable (simulated bounce)";
    private static final int DUPLICATE = -4;
    private static final int NO_ANSWER = 0;
    private static final long FEEDBACK_SALT = 0x5DEECE66DL;

    private final long seed;
    private final Duration attemptMin;
    private final Duration attemptMax;
    private final Duration outcomeMin;
    private final Duration outcomeMax;
    private final int[] voiceCodes;
    private final int[] textCodes;
    private final boolean codesInTurn;
    private final double emailFailureRate;
    private final double confirmationRate;
    private final double textOptOutRate;
    private final double silenceRate;
    private final double redialRate;
    private final boolean reportDuplicates;
    private final Map<String, DeviceOutcome> fixedOutcomes;
    private final double openRate;
    private final double clickRate;
    private final double unsubscribeRate;
    private final double complaintRate;

    Scenario(SimulatedProvider.Builder b) {
        this.seed = b.seed;
        this.attemptMin = b.attemptMin;
        this.attemptMax = b.attemptMax;
        this.outcomeMin = b.outcomeMin;
        this.outcomeMax = b.outcomeMax;
        this.voiceCodes = b.voiceCodes.clone();
        this.textCodes = b.textCodes.clone();
        this.codesInTurn = b.codesInTurn;
        this.emailFailureRate = b.emailFailureRate;
        this.confirmationRate = b.confirmationRate;
        this.textOptOutRate = b.textOptOutRate;
        this.silenceRate = b.silenceRate;
        this.redialRate = b.redialRate;
        this.reportDuplicates = b.reportDuplicates;
        this.fixedOutcomes = Map.copyOf(b.fixedOutcomes);
        this.openRate = b.openRate;
        this.clickRate = b.clickRate;
        this.unsubscribeRate = b.unsubscribeRate;
        this.complaintRate = b.complaintRate;
    }

    /** One planned report of a device. */
    record Step(Instant at, DeviceOutcome outcome, boolean confirmed, String reason) {
    }

    /** One planned feedback of a device (SPEC H5). */
    record FeedbackStep(Instant at, FeedbackKind kind) {
    }

    /** A device's planned reports, the first at its attempt time, and its planned feedback. */
    record DevicePlan(DeliveryRequest request, List<Step> steps, List<FeedbackStep> feedback) {
        Instant attemptAt() {
            return steps.get(0).at();
        }
    }

    List<DevicePlan> plan(DeliveryBatch batch, Instant submittedAt) {
        List<DevicePlan> plans = new ArrayList<>(batch.deliveries().size());
        Set<String> seenPhones = new HashSet<>();
        Map<Channel, Integer> turns = new EnumMap<>(Channel.class);
        for (DeliveryRequest request : batch.deliveries()) {
            SplittableRandom rng = new SplittableRandom(mix(batch.messageId(), request.deviceId()));
            Instant attemptAt = submittedAt.plus(between(rng, attemptMin, attemptMax));
            List<Step> steps = new ArrayList<>(4);
            Channel channel = request.channel();
            boolean duplicate = channel.isPhone() && !seenPhones.add(channel + ":" + request.address());
            DeviceOutcome fixed = fixedOutcomes.get(fixedKey(channel, request.address()));
            if (fixed != null && !(duplicate && reportDuplicates)) {
                if (channel != Channel.INBOX) {
                    steps.add(status(attemptAt, DeviceStatus.IN_PROGRESS, null));
                }
                boolean bounce = channel == Channel.EMAIL && fixed.equals(DeviceOutcome.of(DeviceStatus.FAILED));
                steps.add(new Step(attemptAt.plus(between(rng, outcomeMin, outcomeMax)), fixed, false,
                        bounce ? BOUNCE_REASON : null));
            } else if (channel == Channel.INBOX) {
                steps.add(status(attemptAt, DeviceStatus.SENT, null));
            } else if (duplicate && reportDuplicates) {
                steps.add(new Step(attemptAt, DeviceOutcome.call(DUPLICATE), false, null));
            } else {
                steps.add(status(attemptAt, DeviceStatus.IN_PROGRESS, null));
                if (rng.nextDouble() >= silenceRate) {
                    int turn = duplicate ? 0 : turns.merge(channel, 1, Integer::sum) - 1;
                    finish(steps, rng, channel, attemptAt.plus(between(rng, outcomeMin, outcomeMax)), turn);
                }
            }
            plans.add(new DevicePlan(request, List.copyOf(steps), feedback(batch, request, steps)));
        }
        return plans;
    }

    private void finish(List<Step> steps, SplittableRandom rng, Channel channel, Instant finalAt, int turn) {
        Instant attemptAt = steps.get(0).at();
        Instant halfway = attemptAt.plus(Duration.between(attemptAt, finalAt).dividedBy(2));
        if (channel == Channel.EMAIL) {
            boolean bounce = rng.nextDouble() < emailFailureRate;
            steps.add(status(finalAt, bounce ? DeviceStatus.FAILED : DeviceStatus.SENT, bounce ? BOUNCE_REASON : null));
            return;
        }
        boolean voice = channel == Channel.VOICE;
        if (rng.nextDouble() < redialRate) {
            steps.add(call(halfway, voice ? CallStatusCode.TEMPORARILY_UNAVAILABLE : CallStatusCode.SMS_QUEUED, false));
        }
        int code;
        if (!voice && rng.nextDouble() < textOptOutRate) {
            code = CallStatusCode.SMS_OPT_OUT;
        } else {
            int[] pool = voice ? voiceCodes : textCodes;
            code = pool[codesInTurn ? turn % pool.length : rng.nextInt(pool.length)];
        }
        DeviceOutcome outcome = DeviceOutcome.call(code);
        if (!OutcomeClassifier.standard().classify(channel, outcome, false).isFinal()) {
            // a not-final code (17, -39) is shown halfway; the redial or queue then ends
            steps.add(call(halfway, code, false));
            code = voice ? NO_ANSWER : CallStatusCode.SMS_DELIVERED;
        }
        boolean confirmed = voice && code == CallStatusCode.LIVE_PERSON && rng.nextDouble() < confirmationRate;
        steps.add(call(finalAt, code, confirmed));
    }

    /**
     * The feedback of an Email device that ends SENT (SPEC H5), from a generator of its own (so the
     * outcomes drawn stay those of a scenario without feedback): opened by the open rate, some twice;
     * an opened email clicked by the click rate; then unsubscribed or complained by their rates. Each
     * comes minutes to hours after delivery.
     */
    private List<FeedbackStep> feedback(DeliveryBatch batch, DeliveryRequest request, List<Step> steps) {
        Step last = steps.get(steps.size() - 1);
        if (request.channel() != Channel.EMAIL || !last.outcome().equals(DeviceOutcome.of(DeviceStatus.SENT))
                || openRate + unsubscribeRate + complaintRate == 0) {
            return List.of();
        }
        SplittableRandom rng = new SplittableRandom(mix(batch.messageId(), request.deviceId()) ^ FEEDBACK_SALT);
        List<FeedbackStep> out = new ArrayList<>(4);
        Instant at = last.at();
        if (rng.nextDouble() < openRate) {
            at = at.plus(between(rng, Duration.ofMinutes(1), Duration.ofHours(3)));
            out.add(new FeedbackStep(at, FeedbackKind.OPENED));
            if (rng.nextDouble() < 0.3) {
                out.add(new FeedbackStep(at.plus(between(rng, Duration.ofMinutes(5), Duration.ofHours(6))),
                        FeedbackKind.OPENED));
            }
            if (rng.nextDouble() < clickRate) {
                out.add(new FeedbackStep(at.plus(between(rng, Duration.ofSeconds(10), Duration.ofMinutes(10))),
                        FeedbackKind.CLICKED));
            }
        }
        double r = rng.nextDouble();
        if (r < unsubscribeRate || r >= 1 - complaintRate) {
            out.add(new FeedbackStep(at.plus(between(rng, Duration.ofMinutes(1), Duration.ofMinutes(30))),
                    r < unsubscribeRate ? FeedbackKind.UNSUBSCRIBED : FeedbackKind.COMPLAINED));
        }
        return List.copyOf(out);
    }

    /** The key of an address with a fixed outcome: its channel and its normalised form (SPEC D1). */
    static String fixedKey(Channel channel, String address) {
        return channel + " " + Addresses.normalise(channel, address);
    }

    private static Step status(Instant at, DeviceStatus status, String reason) {
        return new Step(at, DeviceOutcome.of(status), false, reason);
    }

    private static Step call(Instant at, int code, boolean confirmed) {
        return new Step(at, DeviceOutcome.call(code), confirmed, null);
    }

    private long mix(String messageId, String deviceId) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = 31 * h + messageId.hashCode();
        return 31 * h + deviceId.hashCode();
    }

    private static Duration between(SplittableRandom rng, Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return span <= 0 ? min : min.plusMillis(rng.nextLong(span + 1));
    }
}
