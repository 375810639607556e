package dev.sentlog.examples.web;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.core.message.Device;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
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
