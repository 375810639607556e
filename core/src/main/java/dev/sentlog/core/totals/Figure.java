package dev.sentlog.core.totals;

/**
 * One figure of the Delivery Summary: the D4 totals and the combined Voice/Text figures of D5, each
 * with the label the summary prints. {@link DeliveryAnalysis#figure(Figure)} answers its value and
 * {@link DeliveryAnalysis#explain(Figure)} what it counted (SPEC E1).
 */
public enum Figure {
    /** Distinct persons in the recipient list, with or without a device. */
    TOTAL_RECIPIENTS("Total Recipients", Counts.PERSONS),
    /** Distinct persons with no device on any of the message's delivery modes. */
    TOTAL_NO_DEVICE("Total No Device", Counts.PERSONS),
    /** Distinct inboxes whose status is SENT. */
    TOTAL_INBOX("Total Inbox", Counts.ADDRESSES),
    /** Distinct email addresses, every status. */
    TOTAL_EMAILS("Total Emails", Counts.ADDRESSES),
    /** Distinct email addresses attempted. */
    TOTAL_EMAILS_ATTEMPTED("Total Emails Attempted", Counts.ADDRESSES),
    /** Distinct voice numbers, every status. */
    TOTAL_VOICE("Total Voice", Counts.ADDRESSES),
    /** Distinct voice numbers attempted. */
    TOTAL_VOICE_ATTEMPTED("Total Voice Attempted", Counts.ADDRESSES),
    /** Distinct text numbers, every status, opt-outs included. */
    TOTAL_TEXT("Total Text", Counts.ADDRESSES),
    /** Distinct text numbers attempted and not opted out (D3: read per occurrence). */
    TOTAL_TEXT_ATTEMPTED("Total Text Messages Attempted", Counts.ADDRESSES),
    /** Distinct persons with at least one successful voice or text address. */
    CONTACTED_BY_PHONE("Recipients contacted successfully by phone", Counts.PERSONS),
    /** Total Recipients minus the persons contacted by phone. */
    NOT_CONTACTED_BY_PHONE("Recipients not contacted by phone", Counts.PERSONS),
    /** Distinct phone numbers over Voice and Text together (D5). */
    TOTAL_VOICE_TEXT("Total Voice/Text", Counts.ADDRESSES),
    /** Distinct phone numbers attempted over Voice and Text together (D5). */
    TOTAL_VOICE_TEXT_ATTEMPTED("Total Voice/Text Attempted", Counts.ADDRESSES);

    /** What a figure counts. */
    public enum Counts {
        /** Distinct persons, by person id. */
        PERSONS,
        /** Distinct normalised addresses (SPEC D1). */
        ADDRESSES
    }

    private final String label;
    private final Counts counts;

    Figure(String label, Counts counts) {
        this.label = label;
        this.counts = counts;
    }

    /**
     * The label the Delivery Summary prints for the figure (SPEC D4, D5).
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Whether the figure counts persons or addresses.
     *
     * @return what it counts
     */
    public Counts counts() {
        return counts;
    }

    /**
     * The figure's value among the totals and the combined Voice/Text figures (SPEC D4, D5): the one
     * place both {@link DeliveryAnalysis#figure} and {@link DeliverySummary#figure} read it from.
     */
    int valueIn(DeliveryTotals totals, int totalVoiceText, int totalVoiceTextAttempted) {
        return switch (this) {
            case TOTAL_RECIPIENTS -> totals.totalRecipients();
            case TOTAL_NO_DEVICE -> totals.totalNoDevice();
            case TOTAL_INBOX -> totals.totalInbox();
            case TOTAL_EMAILS -> totals.totalEmails();
            case TOTAL_EMAILS_ATTEMPTED -> totals.totalEmailsAttempted();
            case TOTAL_VOICE -> totals.totalVoice();
            case TOTAL_VOICE_ATTEMPTED -> totals.totalVoiceAttempted();
            case TOTAL_TEXT -> totals.totalText();
            case TOTAL_TEXT_ATTEMPTED -> totals.totalTextAttempted();
            case CONTACTED_BY_PHONE -> totals.contactedByPhone();
            case NOT_CONTACTED_BY_PHONE -> totals.notContactedByPhone();
            case TOTAL_VOICE_TEXT -> totalVoiceText;
            case TOTAL_VOICE_TEXT_ATTEMPTED -> totalVoiceTextAttempted;
        };
    }
}
