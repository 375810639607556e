package dev.sentlog.report.model;

import dev.sentlog.report.internal.Checks;
import dev.sentlog.spi.OutcomeClass;

/**
 * The outcome classes the outcome chart counts devices by (SPEC E2), in the order every format shows
 * them. Each is one {@link OutcomeClass}; the chart adds "In progress" to the five the rule names, so
 * that every device of a channel is in one bar.
 */
public enum ChartOutcome {
    /** Reached (K3). */
    SUCCESSFUL("Successful", OutcomeClass.SUCCESS, 0.58f),
    /** Failed for good (K6). */
    FAILED("Failed", OutcomeClass.FAILURE, 0.68f),
    /** Opted out (K5). */
    OPTED_OUT("Opted out", OutcomeClass.OPTED_OUT, 0.76f),
    /** Canceled before an attempt (C5). */
    CANCELED("Canceled", OutcomeClass.CANCELED, 0.83f),
    /** Attempted, no final outcome yet (K4). */
    IN_PROGRESS("In progress", OutcomeClass.IN_FLIGHT, 0.89f),
    /** Not attempted yet (PENDING). */
    NOT_ATTEMPTED("Not yet attempted", OutcomeClass.NOT_ATTEMPTED, 0.95f);

    private static final ChartOutcome[] BY_CLASS = new ChartOutcome[OutcomeClass.values().length];

    static {
        for (ChartOutcome o : values()) {
            BY_CLASS[o.outcomeClass.ordinal()] = o;
        }
    }

    private final String label;
    private final OutcomeClass outcomeClass;
    private final float shade;

    ChartOutcome(String label, OutcomeClass outcomeClass, float shade) {
        this.label = label;
        this.outcomeClass = outcomeClass;
        this.shade = shade;
    }

    /**
     * The gray both printed formats fill this outcome's bars with, from 0 (black) to 1 (white): each
     * outcome its own shade, all light enough for black numbers on them, so the chart reads in black
     * and white (with the labels beside the bars, never by colour alone).
     *
     * @return the gray level
     */
    public float shade() {
        return shade;
    }

    /**
     * The label printed beside the bar and as the CSV column heading.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The outcome class this bar counts.
     *
     * @return the class
     */
    public OutcomeClass outcomeClass() {
        return outcomeClass;
    }

    /**
     * The bar a device of this outcome class falls in.
     *
     * @param cls the classifier's answer for the device
     * @return its bar
     * @throws NullPointerException when cls is null
     */
    public static ChartOutcome of(OutcomeClass cls) {
        return BY_CLASS[Checks.requireNonNull(cls, "outcome class").ordinal()];
    }
}
