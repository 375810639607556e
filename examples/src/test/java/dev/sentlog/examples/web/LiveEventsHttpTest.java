package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.examples.demo.DistrictDemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live figures' event stream read directly over HTTP (SPEC E4, W2, W4, T4): the first event, the
 * changes reports make, the end at a final status, the 404 of a message out of scope and the bounds
 * on open streams. Every wait is a blocking read of the stream, bounded by the test's timeout.
 */
@Timeout(120)
class LiveEventsHttpTest {

    private static final Caller ADMIN = DemoUser.ADMINISTRATOR.caller();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebFixture site;

    @BeforeAll
    static void start() {
        site = WebFixture.start(4000, false);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(site);
    }

    /** One event as sent: its id, name and data (null for each a block did not carry). */
    private record Event(String id, String name, JsonNode data) {
    }

    /** Reads the events of a stream, skipping comment lines (heartbeats). */
    private static final class Events implements AutoCloseable {
        private final BufferedReader reader;

        Events(InputStream body) {
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        /** The next event, or null when the stream ended. */
        Event next() throws IOException {
            String id = null;
            String name = null;
            String data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (name != null || data != null) {
                        return new Event(id, name, data == null ? null : JSON.readTree(data));
                    }
                    continue;
                }
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The figures the page shows, as the core's {@code select} gives them. */
    private static Map<String, Integer> figures(MessageView view) {
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (Figure f : MessagePage.shownFigures(view.summary())) {
            figures.put(f.name(), view.summary().figure(f));
        }
        return figures;
    }

    private static Map<String, Integer> figures(Event e) {
        Map<String, Integer> figures = new LinkedHashMap<>();
        e.data().get("figures").fields().forEachRemaining(f -> figures.put(f.getKey(), f.getValue().intValue()));
        return figures;
    }

    @Test
    @DisplayName("E4 W2 the stream's first event is the message's state now; reports applied through the log arrive as"
            + " changes, in order, and the final status ends the stream")
    void firstEventThenChangesUntilFinal() throws IOException {
        String id = site.recordInProgress("m-7001");
        WebVisitor admin = new WebVisitor(site.base()).signIn(DemoUser.ADMINISTRATOR);
        HttpResponse<InputStream> r = admin.open("/messages/" + id + "/events?log=admin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains(MessageEvents.EVENT_STREAM);
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(LogWebServer.CONTENT_SECURITY_POLICY);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");

        try (Events events = new Events(r.body())) {
            Event first = events.next();
            MessageView atStart = site.log.select(ADMIN, id);
            assertThat(first.name()).isEqualTo("current");
            assertThat(first.data().get("status").asText()).isEqualTo("In-Progress");
            assertThat(first.data().get("final").asBoolean()).isFalse();
            assertThat(figures(first)).isEqualTo(figures(atStart));
            assertThat(first.data().get("startTime").asText()).isEqualTo(site.shownStart(atStart));

            // a minute on, some devices were attempted and some reached: the reports change the figures
            site.clock.advance(Duration.ofMinutes(1));
            MessageView attempted = site.log.refresh(ADMIN, id);
            assertThat(attempted.row().status().isFinal()).isFalse();
            assertThat(figures(attempted)).as("the reports change the figures").isNotEqualTo(figures(atStart));
            long sequence = Long.parseLong(first.id());
            Event e;
            do {
                e = events.next();
                assertThat(e).as("a change before the stream ends").isNotNull();
                assertThat(e.name()).isEqualTo("changed");
                assertThat(Long.parseLong(e.id())).as("in order").isGreaterThan(sequence);
                sequence = Long.parseLong(e.id());
            } while (!figures(e).equals(figures(attempted)));
            assertThat(e.data().get("startTime").asText()).isEqualTo(site.shownStart(attempted));

            MessageView done = site.deliverUntilFinal(ADMIN, id);
            do {
                e = events.next();
                assertThat(e).as("the final status before the stream ends").isNotNull();
            } while (!e.data().get("final").asBoolean());
            assertThat(e.data().get("status").asText()).isEqualTo(done.row().status().label());
            assertThat(figures(e)).isEqualTo(figures(done));
            assertThat(e.data().get("duration").asText()).isEqualTo(MessagePage.duration(done.summary()));
            assertThat(events.next()).as("the stream ends after the final status").isNull();
        }
    }

    @Test
    @DisplayName("W2 E4 the page of a message still changing names its stream and loads the site's one script file, with"
            + " the figures as of load, an aria-live region and Refresh Status (it works without script); a final"
            + " message's page has neither stream nor script")
    void pageWithAndWithoutStream() {
        WebVisitor admin = new WebVisitor(site.base()).signIn(DemoUser.ADMINISTRATOR);
        String waiting = admin.get("/messages/" + DistrictDemo.WAITING_ID + "?log=admin").body();
        MessageView view = site.log.select(ADMIN, DistrictDemo.WAITING_ID);

        assertThat(waiting).contains("id=\"summary-region\" aria-live=\"polite\" data-events=\"/messages/"
                + DistrictDemo.WAITING_ID + "/events?log=admin\"", "<script src=\"/static/live.js\" defer></script>",
                "id=\"refresh\"", "id=\"figure-TOTAL_RECIPIENTS\" href=\"/messages/" + DistrictDemo.WAITING_ID
                        + "/figures/TOTAL_RECIPIENTS?log=admin\">" + view.summary().figure(Figure.TOTAL_RECIPIENTS) + "<");
        assertThat(waiting.split("<script", -1)).as("one script element").hasSize(2);

        String sent = admin.get("/messages/" + DistrictDemo.MAIN_ID + "?log=admin").body();
        assertThat(site.log.select(ADMIN, DistrictDemo.MAIN_ID).row().status().isFinal()).isTrue();
        assertThat(sent).contains("id=\"summary-region\" aria-live=\"polite\">", "id=\"refresh\"")
                .doesNotContain("data-events", "<script");

        HttpResponse<String> script = admin.get(StaticFiles.LIVE_SCRIPT);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("new EventSource(", "textContent").doesNotContain("innerHTML", "eval(",
                "document.write", "new Function");
    }

    @Test
    @DisplayName("W4 T4 E4 the stream of a message out of the caller's scope answers 404 with exactly the body of a missing one")
    void outOfScopeIsMissing() {
        WebVisitor secretary = new WebVisitor(site.base()).signIn(DemoUser.SECRETARY);
        HttpResponse<String> outOfScope = secretary.get("/messages/" + DistrictDemo.MAIN_ID + "/events?log=admin");
        HttpResponse<String> missing = secretary.get("/messages/m-0000/events?log=admin");

        assertThat(outOfScope.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(outOfScope.body()).isEqualTo(missing.body()).doesNotContain(DistrictDemo.MAIN_ID);
        assertThat(new WebVisitor(site.base()).get("/messages/" + DistrictDemo.MAIN_ID + "/events?log=admin").statusCode())
                .as("a visitor is sent to the sign-in").isEqualTo(303);
    }

    @Test
    @DisplayName("E4 W2 open streams hold no thread serving pages: with one serving thread and two streams open, pages"
            + " still answer")
    void streamsHoldNoServingThread() throws Exception {
        WebSettings d = WebSettings.defaults();
        WebSettings oneThread = new WebSettings(d.bind(), 0, d.maxBodyBytes(), d.maxTargetLength(), d.requestsPerMinute(),
                d.sessionIdle(), d.maxSessions(), 1);
        try (LogWebServer small = site.another(oneThread, LiveSettings.defaults())) {
            WebVisitor admin = new WebVisitor(small.address()).signIn(DemoUser.ADMINISTRATOR);
            String stream = "/messages/" + DistrictDemo.WAITING_ID + "/events?log=admin";
            try (Events first = new Events(admin.open(stream).body()); Events second = new Events(admin.open(stream).body())) {
                assertThat(first.next().name()).isEqualTo("current");
                assertThat(second.next().name()).isEqualTo("current");
                assertThat(small.liveStreams().open()).isEqualTo(2);

                assertThat(admin.get("/messages/" + DistrictDemo.MAIN_ID + "?log=admin").statusCode()).isEqualTo(200);
                assertThat(admin.get("/search?log=admin").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    @DisplayName("E4 W4 open streams are bounded: past the session's a stream is refused with 429, past the server's with"
            + " 503; a client that goes away frees its stream")
    void streamsBounded() throws Exception {
        String waiting = "/messages/" + DistrictDemo.WAITING_ID + "/events?log=admin";
        try (LogWebServer strict = site.another(WebSettings.defaults().withPort(0), new LiveSettings(2, 1, Duration.ofMillis(20), 8))) {
            WebVisitor a = new WebVisitor(strict.address()).signIn(DemoUser.ADMINISTRATOR);
            WebVisitor b = new WebVisitor(strict.address()).signIn(DemoUser.ADMINISTRATOR);
            WebVisitor c = new WebVisitor(strict.address()).signIn(DemoUser.ADMINISTRATOR);

            HttpResponse<InputStream> a1 = a.open(waiting);
            assertThat(a1.statusCode()).isEqualTo(200);
            Events aEvents = new Events(a1.body());
            assertThat(aEvents.next().data().get("status").asText()).isEqualTo("Waiting");

            HttpResponse<InputStream> a2 = a.open(waiting);
            assertThat(a2.statusCode()).as("the session's second stream").isEqualTo(429);
            assertThat(a2.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(a2.body().readAllBytes(), StandardCharsets.UTF_8)).contains("live pages open already");

            HttpResponse<InputStream> b1 = b.open(waiting);
            assertThat(b1.statusCode()).isEqualTo(200);
            HttpResponse<InputStream> c1 = c.open(waiting);
            assertThat(c1.statusCode()).as("the server's third stream").isEqualTo(503);
            assertThat(c1.headers().firstValue("Retry-After")).isPresent();
            c1.body().close();
            assertThat(strict.liveStreams().open()).isEqualTo(2);

            aEvents.close();
            assertThat(strict.liveStreams().awaitOpenAtMost(1, Duration.ofSeconds(30)))
                    .as("the stream of the client that went away ended").isTrue();
            HttpResponse<InputStream> a3 = a.open(waiting);
            assertThat(a3.statusCode()).as("the session may open a stream again").isEqualTo(200);
            a3.body().close();
            b1.body().close();
            assertThat(strict.liveStreams().awaitOpenAtMost(0, Duration.ofSeconds(30))).isTrue();
        }
    }
}
