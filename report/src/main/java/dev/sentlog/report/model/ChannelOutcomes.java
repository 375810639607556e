package dev.sentlog.report.model;

import dev.sentlog.report.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One channel of the outcome chart (SPEC E2): how many of its devices fall in each
 * {@link ChartOutcome}, every outcome listed in its order (zero included).
 *
 * @param channel the channel
 * @param counts  one count per {@link ChartOutcome}, in its order
 */
public record ChannelOutcomes(Channel channel, List<OutcomeCount> counts) {

    /**
     * Checks and copies the counts.
     *
     * @throws NullPointerException     when a component is null or the list holds null
     * @throws IllegalArgumentException when the counts are not one per outcome in the outcomes' order
     */
    public ChannelOutcomes {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(counts, "counts");
        counts = List.copyOf(counts);
        ChartOutcome[] outcomes = ChartOutcome.values();
        Checks.requireArgument(counts.size() == outcomes.length, "%s has %d counts, one per outcome (%d) expected",
                channel, counts.size(), outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            Checks.requireArgument(counts.get(i).outcome() == outcomes[i], "%s count %d is %s, %s expected", channel, i,
                    counts.get(i).outcome(), outcomes[i]);
        }
    }

    /**
     * The channel's devices counted, over every outcome.
     *
     * @return the sum of the counts
     */
    public int devices() {
        int n = 0;
        for (OutcomeCount c : counts) {
            n += c.devices();
        }
        return n;
    }

    /**
     * The channel as a row of the chart's table ({@link ReportModel#OUTCOME_COLUMNS}): its label, the
     * count of each outcome, and the total.
     *
     * @return the cells
     */
    public List<String> tableRow() {
        List<String> cells = new ArrayList<>(counts.size() + 2);
        cells.add(channel.label());
        for (OutcomeCount c : counts) {
            cells.add(Integer.toString(c.devices()));
        }
        cells.add(Integer.toString(devices()));
        return List.copyOf(cells);
    }

    /**
     * The heading printed above the channel's bars, e.g. {@code "Email (12 devices)"}.
     *
     * @return the heading
     */
    public String heading() {
        int n = devices();
        return String.format(Locale.ROOT, "%s (%d %s)", channel.label(), n, n == 1 ? "device" : "devices");
    }

    /**
     * One bar: an outcome and its number of devices.
     *
     * @param outcome the outcome
     * @param devices how many of the channel's devices have it; not negative
     */
    public record OutcomeCount(ChartOutcome outcome, int devices) {

        /**
         * Checks the value.
         *
         * @throws NullPointerException     when the outcome is null
         * @throws IllegalArgumentException when the number is negative
         */
        public OutcomeCount {
            Checks.requireNonNull(outcome, "outcome");
            Checks.requireArgument(devices >= 0, "devices of %s must not be negative, was %d", outcome, devices);
        }
    }
}
