package dev.sentlog.core.reportoptions;

import dev.sentlog.spi.Channel;
import java.util.Optional;

/** A "delivery devices to include" choice of the Sent Message Report (SPEC P1). */
public enum DeviceChoice {
    /** Inbox devices. */
    INBOX(Channel.INBOX, "Inbox"),
    /** Email devices. */
    EMAIL(Channel.EMAIL, "Email"),
    /** Voice devices. */
    VOICE(Channel.VOICE, "Voice"),
    /** Text devices. */
    TEXT(Channel.TEXT, "Text"),
    /** Recipients without a device on any of the message's delivery modes. Always offered. */
    NO_DEVICE(null, "No Device");

    private final Channel channel;
    private final String label;

    DeviceChoice(Channel channel, String label) {
        this.channel = channel;
        this.label = label;
    }

    /** The channel this choice selects; empty for {@link #NO_DEVICE}. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    /** The label people read, e.g. {@code "No Device"}. */
    public String label() {
        return label;
    }

    /**
     * The choice for a channel.
     *
     * @param channel the channel
     * @return its choice
     */
    public static DeviceChoice of(Channel channel) {
        return valueOf(channel.name());
    }
}
