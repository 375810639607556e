package dev.sentlog.spi;

/**
 * A delivery channel: the four ways a message reaches a person.
 *
 * <p>Voice and Text are separate channels even when they share a phone number (SPEC D2).
 */
public enum Channel {
    /** The portal inbox ("process alert"); the address is the portal account id. */
    INBOX("Inbox"),
    /** Email; the address is an email address. */
    EMAIL("Email"),
    /** A voice call; the address is a phone number, optionally with an extension. */
    VOICE("Voice"),
    /** A text message (SMS); the address is a phone number. */
    TEXT("Text");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The label people read, e.g. {@code "Voice"}. */
    public String label() {
        return label;
    }

    /** Whether this channel dials or texts a phone number (Voice or Text). */
    public boolean isPhone() {
        return this == VOICE || this == TEXT;
    }
}
