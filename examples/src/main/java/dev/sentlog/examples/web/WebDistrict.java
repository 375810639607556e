package dev.sentlog.examples.web;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.DistrictRecipients;
import dev.sentlog.spi.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The demo district the web page serves (SPEC W1): the demo's morning at Harrison High
 * ({@link DistrictDemo}) plus two messages of a second school, Lincoln Middle, sent by its
 * secretary, so that a user limited to one school sees something different from the administrator
 * (T3): a sent reminder and a concert notice waiting for the evening.
 */
public final class WebDistrict {

    /** The second school. */
    public static final String LINCOLN_MIDDLE = "Lincoln Middle";
    /** The user id of Lincoln Middle's secretary. */
    public static final String SECRETARY_ID = "u-3";
    /** Lincoln Middle's reminder, sent in the morning. */
    public static final String LINCOLN_SENT_ID = "m-3001";
    /** Lincoln Middle's concert notice, waiting for the evening. */
    public static final String LINCOLN_WAITING_ID = "m-3002";

    private WebDistrict() {
    }

    /**
     * Runs the demo's morning with Lincoln Middle's two messages into a log and hands it back open, on
     * the demo's clock standing at the end of the morning.
     *
     * @param demo    the demo (size, seed, zone)
     * @param builder the log's builder, e.g. with a database store
     * @return the open log; the caller closes it
     */
    public static SentMessageLog open(DistrictDemo demo, SentMessageLog.Builder builder) {
        Objects.requireNonNull(demo, "demo");
        Instant start = demo.morningStart();
        Sender secretary = Sender.of(SECRETARY_ID, "Okafor, Grace", "gokafor@nomail.com");
        // Lincoln Middle's own families (ids lm-1, lm-2, ...), none of them Harrison High's: the Recipient Log of a
        // person id then answers for one person; the concert goes to the first twenty entries of the same list
        List<RecipientEntry> families = DistrictRecipients.generate(30, 301, "lm-");
        Message reminder = Message.builder()
                .id(LINCOLN_SENT_ID)
                .messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool(LINCOLN_MIDDLE)
                .subject("Picture day is Thursday")
                .sender(secretary)
                .createdAt(start.plusSeconds(240))
                .scheduleId("48301")
                .deliveryModes(Channel.EMAIL, Channel.TEXT)
                .textMessagingEnabled(true)
                .body("Picture day is Thursday. Order forms are in the front office.")
                .text("Picture day is Thursday.")
                .recipients(families)
                .build();
        Message concert = Message.builder()
                .id(LINCOLN_WAITING_ID)
                .messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool(LINCOLN_MIDDLE)
                .subject("Band concert tonight at 7")
                .sender(secretary)
                .createdAt(start.plusSeconds(300))
                .scheduledAt(start.plus(Duration.ofHours(9)))
                .scheduleId("48302")
                .deliveryModes(Channel.EMAIL, Channel.VOICE)
                .body("The band concert starts at 7 PM in the gym.")
                .recipients(families.subList(0, 20))
                .build();
        return demo.live(builder, List.of(reminder, concert));
    }

    /**
     * The demo district in a store: recorded into it when it does not hold the demo's main message
     * yet ({@link #open}); otherwise the store is served as it is, on a clock standing still three
     * hours after the morning's start (the messages were delivered; the waiting ones still wait).
     *
     * @param demo  the demo (size, seed, zone)
     * @param store the store, e.g. a database
     * @return the open log; the caller closes it
     */
    public static SentMessageLog openOrReopen(DistrictDemo demo, MessageStore store) {
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(store, "store");
        if (store.header(DistrictDemo.MAIN_ID).isEmpty()) {
            return open(demo, SentMessageLog.builder().store(store));
        }
        return SentMessageLog.builder().store(store).zone(demo.zone())
                .clock(Clock.fixed(demo.morningStart().plus(Duration.ofHours(3)), demo.zone())).build();
    }
}
