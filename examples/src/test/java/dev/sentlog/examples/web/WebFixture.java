package dev.sentlog.examples.web;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.search.DateText;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.DistrictRecipients;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.core.message.Device;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One web page over the demo district (a small main message, for speed) for a test class: the log,
 * its clock (the demo's, which a test may move on) and the server on a free port of 127.0.0.1.
 */
final class WebFixture implements AutoCloseable {

    /** A name and a subject that would run script if they reached the page unescaped (W4). */
    static final String HOSTILE_SUBJECT = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_NAME = "<script>alert(2)</script>, Eve\"'&";
    static final String HOSTILE_ID = "m-9001";

    final SentMessageLog log;
    final ManualClock clock;
    final LogWebServer server;

    private WebFixture(SentMessageLog log, WebSettings settings) {
        this.log = log;
        this.clock = (ManualClock) log.settings().clock();
        this.server = LogWebServer.start(log, settings, Clock.systemUTC());
    }

    /**
     * The demo district with 12 recipients in the main message, served with the default settings on a
     * free port.
     *
     * @param searchCap the log's search cap (S2)
     * @param hostile   whether to add {@value #HOSTILE_ID}, a message with hostile names and subject
     */
    static WebFixture start(int searchCap, boolean hostile) {
        DistrictDemo demo = new DistrictDemo(12, 1, ZoneId.of("America/Chicago"), new PrintStream(OutputStream.nullOutputStream()));
        SentMessageLog log = WebDistrict.open(demo, SentMessageLog.builder().searchCap(searchCap));
        if (hostile) {
            log.record(hostileMessage(demo));
        }
        return new WebFixture(log, WebSettings.defaults().withPort(0));
    }

    /** Another server on the same log with other settings (closed by the caller). */
    LogWebServer another(WebSettings settings) {
        return LogWebServer.start(log, settings, Clock.systemUTC());
    }

    /** Another server on the same log with other settings and bounds for the live figures (closed by the caller). */
    LogWebServer another(WebSettings settings, LiveSettings live) {
        return LogWebServer.start(log, settings, live, Clock.systemUTC());
    }

    /**
     * Records a Harrison High message now, by the log's clock, to six families on Email, Voice and
     * Text: it is In-Progress, nothing attempted yet, until the clock moves on and the log is
     * refreshed (the simulated provider attempts each device within two minutes and reports its
     * outcome within a further minute).
     *
     * @param id the message's id
     * @return the id
     */
    String recordInProgress(String id) {
        Message m = Message.builder()
                .id(id)
                .messageType("Message Builder - Emergency")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool("Harrison High")
                .subject("Early dismissal at noon")
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(clock.instant())
                .deliveryModes(Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .textMessagingEnabled(true)
                .body("School closes at noon today.")
                .text("School closes at noon today.")
                .recipients(DistrictRecipients.generate(6, 77, "live-"))
                .build();
        MessageStatus status = log.record(m);
        if (status != MessageStatus.IN_PROGRESS) {
            throw new IllegalStateException("the live message " + id + " should be In-Progress, not " + status);
        }
        return id;
    }

    private static Message hostileMessage(DistrictDemo demo) {
        Person parent = Person.of("p-x1", HOSTILE_NAME);
        Person student = Person.of("s-x1", "<b>Bold</b> Student");
        return Message.builder()
                .id(HOSTILE_ID)
                .messageType("Message Builder - <i>General</i>")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool("Harrison High")
                .subject(HOSTILE_SUBJECT)
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(demo.morningStart().plusSeconds(400))
                .deliveryModes(Channel.EMAIL)
                .body("<script>alert(3)</script>")
                .recipients(List.of(RecipientEntry.of(parent, student, List.of(
                        Device.of(Channel.EMAIL, "eve\"<x>@nomail.com", DeviceStatus.PENDING)))))
                .build();
    }

    /**
     * Moves the clock on a minute at a time, refreshing the message each time (the provider's reports
     * applied), until its status is final; at most an hour.
     *
     * @return the message's view at its final status
     */
    MessageView deliverUntilFinal(Caller caller, String id) {
        for (int minute = 0; minute < 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            MessageView view = log.refresh(caller, id);
            if (view.row().status().isFinal()) {
                return view;
            }
        }
        throw new IllegalStateException(id + " is not final an hour on: " + log.select(caller, id).row().status());
    }

    /** A view's Start Time as the page writes it. */
    String shownStart(MessageView view) {
        return view.summary().startedAt().map(t -> DateText.format(t, log.zone())).orElse("");
    }

    URI base() {
        return server.address();
    }

    /** The ids the library's search gives a demo user in a log on the demo day. */
    Set<String> idsFor(dev.sentlog.core.log.Caller caller) {
        return log.search(caller, SearchCriteria.createdBetween(DistrictDemo.demoDay(), DistrictDemo.demoDay()))
                .rows().stream().map(MessageRow::id).collect(Collectors.toSet());
    }

    /** Closes each of a test class's resources that was started, the first in order first. */
    static void closeAll(AutoCloseable... started) {
        for (AutoCloseable c : started) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close " + c, e);
                }
            }
        }
    }

    @Override
    public void close() {
        server.close();
        log.close();
    }
}
