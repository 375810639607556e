package dev.sentlog.examples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.Figure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message's live figures (SPEC E4, W2): {@code GET /messages/{id}/events} answers a
 * {@code text/event-stream} of the message's status and Delivery Summary, subscribed through the log
 * for the signed-in user (the same Read right and scope as the message's page, so the same 404 for a
 * message missing or out of scope, T4). Each event's data is one JSON object: the status's label,
 * whether it is final, the shown figures by {@link Figure} name, Start Time, End Time and Duration as
 * the page writes them. Nothing in it is HTML; the page's script puts each value in with
 * {@code textContent}. A session with {@link LiveSettings#maxStreamsPerSession()} streams open gets
 * 429, a server with {@link LiveSettings#maxStreams()} open 503, both with {@code Retry-After}.
 */
final class MessageEvents implements Route {

    /** The media type of the stream. */
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    private final Site site;
    private final LiveStreams streams;
    private final LiveSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    MessageEvents(Site site, LiveStreams streams, LiveSettings settings) {
        this.site = site;
        this.streams = streams;
        this.settings = settings;
    }

    /** The link of a message's stream in a log. */
    static String link(String id, LogKind log) {
        return "/messages/" + Pages.url(id) + "/events" + Pages.logQuery(log);
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        Caller caller = request.caller();
        String sessionId = request.session().id();
        switch (streams.admit(sessionId)) {
            case SESSION_FULL:
                return busy(429, "Too many live pages", request, "This browser has " + settings.maxStreamsPerSession()
                        + " live pages open already. Close one, or use Refresh Status.");
            case SERVER_FULL:
                return busy(503, "Live figures unavailable", request, "The server has " + settings.maxStreams()
                        + " live pages open already. Try again later, or use Refresh Status.");
            default:
                break;
        }
        try {
            EventStream stream = new EventStream(() -> site.log().current(caller, id), this::data, settings.heartbeat(),
                    settings.queuedEvents());
            stream.attach(site.log().subscribe(caller, id, stream));
            return new Response(200, Map.of("Content-Type", EVENT_STREAM), streams.body(sessionId, stream));
        } catch (RuntimeException e) {
            streams.release(sessionId);
            throw e;
        }
    }

    private static Response busy(int status, String title, Request request, String explanation) {
        Response page = Pages.error(status, title, request.session(), explanation);
        Map<String, String> headers = new LinkedHashMap<>(page.headers());
        headers.put("Retry-After", "30");
        return new Response(status, headers, page.body());
    }

    /** An event's data: one line of JSON. */
    String data(MessageChange change) {
        DeliverySummary summary = change.summary();
        ObjectNode root = json.createObjectNode();
        root.put("sequence", change.sequence());
        root.put("kind", change.kind().name());
        root.put("status", change.status().label());
        root.put("final", change.status().isFinal());
        ObjectNode figures = root.putObject("figures");
        for (Figure f : MessagePage.shownFigures(summary)) {
            figures.put(f.name(), summary.figure(f));
        }
        root.put("startTime", summary.startedAt().map(site::shown).orElse(""));
        root.put("endTime", summary.endedAt().map(site::shown).orElse(""));
        root.put("duration", MessagePage.duration(summary));
        return root.toString();
    }
}
