package dev.sentlog.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sentlog.core.log.AccessDeniedException;
import dev.sentlog.core.log.MessageNotCancelableException;
import dev.sentlog.core.log.MessageNotFoundException;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.search.InvalidDateRangeException;
import dev.sentlog.report.InvalidReportOptionsException;
import dev.sentlog.report.SentMessageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web page of a {@link SentMessageLog} (SPEC W1-W4) on the JDK's {@link HttpServer}.
 *
 * <p>Every response carries a Content-Security-Policy that allows no inline script and no eval (the only
 * script is the site's own {@code /static/live.js}, and its only connection the page's event stream), and
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code X-Frame-Options} and
 * {@code Cache-Control: no-store}. Requests are bounded: the target's length, the body's size and the
 * requests per client per minute ({@link WebSettings}). A POST is refused (403, nothing done) unless it
 * carries the session's token. A message missing or outside the caller's scope answers the same 404.
 * The session cookie is HttpOnly and SameSite=Strict. A message's live figures are server-sent event
 * streams ({@link LiveSettings}), each written by a thread of its own, so that open pages never hold
 * a thread serving requests. Thread-safe; {@link #close()} stops it.
 */
public final class LogWebServer implements AutoCloseable {

    /**
     * The policy of every response: this site's style sheet and script files and its own event streams
     * only; no inline script, no eval, no framing.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "sentlog_session";

    private static final Logger LOG = LoggerFactory.getLogger(LogWebServer.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private final Sessions sessions;
    private final RequestRate rate;
    private final WebSettings settings;
    private final List<Mount> routes;
    private final LiveStreams liveStreams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * A page at its paths: the whole decoded path must match; groups become path parts.
     *
     * @param path      the paths answered
     * @param needsUser whether a visitor without a user is sent to the sign-in
     * @param route     the page
     */
    private record Mount(Pattern path, boolean needsUser, Route route) {
        Mount(String regex, boolean needsUser, Route route) {
            this(Pattern.compile(regex), needsUser, route);
        }
    }

    private LogWebServer(SentMessageLog log, WebSettings settings, LiveSettings live, Clock clock) throws IOException {
        this.settings = settings;
        this.liveStreams = new LiveStreams(live);
        this.sessions = new Sessions(clock, settings.sessionIdle(), settings.maxSessions());
        this.rate = new RequestRate(clock, settings.requestsPerMinute());
        Site site = new Site(log, SentMessageReport.forLog(log));
        this.routes = List.of(
                new Mount("/static/sentlog\\.css", false, StaticFiles.styleSheet()),
                new Mount("/sign-in", false, new SignInPage(sessions)),
                new Mount("/sign-out", false, new SignOutAction(sessions)),
                new Mount("/search", true, new SearchPage(site)),
                new Mount("/messages/([^/]+)", true, new MessagePage(site)),
                new Mount("/messages/([^/]+)/figures/([A-Z_]+)", true, new FigurePage(site)),
                new Mount("/messages/([^/]+)/cancel", true, new CancelPage(site)),
                new Mount("/messages/([^/]+)/refresh", true, new RefreshAction(site)),
                new Mount("/messages/([^/]+)/report", true, new ReportDownload(site)),
                // issue #15: the Recipient Log, contacts to fix, household reach and resend (H1-H4, Y1-Y4)
                new Mount("/recipients", true, new RecipientLogPage(site)),
                new Mount("/contacts", true, new ContactsPage(site)),
                new Mount("/reach", true, new HouseholdReachPage(site)),
                new Mount("/reach/csv", true, new HouseholdReachDownload(site)),
                new Mount("/messages/([^/]+)/resend", true, new ResendPage(site)),
                // the live figures (E4): the script and each message's event stream
                new Mount("/static/live\\.js", false, StaticFiles.liveScript()),
                new Mount("/messages/([^/]+)/events", true, new MessageEvents(site, liveStreams, live)));
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        this.threads = Executors.newFixedThreadPool(settings.threads());
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving a log.
     *
     * @param log      the log; it stays the caller's to close, after this server
     * @param settings address, port and bounds
     * @param clock    the clock of sessions and request rates (not the log's)
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static LogWebServer start(SentMessageLog log, WebSettings settings, Clock clock) {
        return start(log, settings, LiveSettings.defaults(), clock);
    }

    /**
     * Starts serving a log, with bounds of its own for the live figures' event streams.
     *
     * @param log      the log; it stays the caller's to close, after this server
     * @param settings address, port and bounds
     * @param live     the bounds and heartbeat of the live figures' streams
     * @param clock    the clock of sessions and request rates (not the log's)
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static LogWebServer start(SentMessageLog log, WebSettings settings, LiveSettings live, Clock clock) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(clock, "clock");
        try {
            LogWebServer web = new LogWebServer(log, settings, live, clock);
            web.server.start();
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind().getHostAddress() + " port "
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The address the page is served at, e.g. {@code http://127.0.0.1:8080/}.
     *
     * @return the address
     */
    public URI address() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /**
     * Blocks until {@link #close()} is called (the command line's "runs until stopped").
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving: the live streams end at once, other open exchanges get a second to finish. */
    @Override
    public void close() {
        liveStreams.close();
        server.stop(1);
        threads.shutdownNow();
        stopped.countDown();
    }

    /** The live streams' bounds and threads (tests wait on them). */
    LiveStreams liveStreams() {
        return liveStreams;
    }

    private void handle(HttpExchange exchange) {
        boolean answered = false;
        boolean detached = false;
        try {
            Response response;
            Session session = null;
            try {
                session = session(exchange);
                response = answer(exchange, session);
            } catch (RuntimeException e) {
                LOG.error("web: {} {} failed with {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        e.getClass().getName());
                if (session == null) {
                    session = sessions.create();
                }
                response = Pages.error(500, "Something went wrong", session,
                        "The page could not be shown because of an unexpected failure.");
            }
            detached = send(exchange, response, response.session() != null ? response.session() : session);
            answered = true;
        } catch (IOException e) {
            LOG.debug("web: the client went away ({})", e.getClass().getSimpleName());
            answered = true;
        } finally {
            // a body that failed half-way is not closed: the server drops the connection without the
            // last chunk, so the client sees a cut download, never one that looks whole
            if (answered && !detached) {
                exchange.close();
            }
        }
    }

    private Session session(HttpExchange exchange) {
        Optional<Session> known = Optional.empty();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(SESSION_COOKIE)) {
                    known = known.or(() -> sessions.find(pair.substring(eq + 1).strip()));
                }
            }
        }
        return known.orElseGet(sessions::create);
    }

    private Response answer(HttpExchange exchange, Session session) throws IOException {
        if (!rate.admit(exchange.getRemoteAddress().getAddress())) {
            Response busy = Pages.error(429, "Too many requests", session,
                    "This address sent more requests in a minute than the page accepts. Try again in a minute.");
            Map<String, String> headers = new LinkedHashMap<>(busy.headers());
            headers.put("Retry-After", Long.toString(rate.secondsToNextMinute()));
            return new Response(429, headers, busy.body());
        }
        String rawTarget = exchange.getRequestURI().toString();
        if (rawTarget.length() > settings.maxTargetLength()) {
            return Pages.error(414, "Address too long", session, "The address of the request is longer than "
                    + settings.maxTargetLength() + " characters.");
        }
        String method = exchange.getRequestMethod();
        boolean post = method.equals("POST");
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            return Pages.methodNotAllowed();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        if (post) {
            Optional<String> body = readBody(exchange);
            if (body.isEmpty()) {
                return Pages.error(413, "Request too large", session, "The form sent is larger than "
                        + settings.maxBodyBytes() + " bytes.");
            }
            parseForm(body.get(), params);
        }
        String path = exchange.getRequestURI().getPath();
        for (Mount mount : routes) {
            Matcher m = mount.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (post && !Sessions.tokenMatches(session, first(params, "csrf"))) {
                return Pages.error(403, "Form refused", session, "The form was refused: it did not carry this"
                        + " session's token (it may be old, or sent from another site). Nothing was changed.");
            }
            if (mount.needsUser() && session.signedIn().isEmpty()) {
                return post ? Pages.error(403, "Sign in first", session, "Sign in before changing anything.")
                        : Response.seeOther("/sign-in");
            }
            Request request = new Request(post ? "POST" : "GET", path, params, session, m);
            return call(mount.route(), request);
        }
        if (path.equals("/")) {
            return Response.seeOther(session.signedIn().isPresent() ? "/search" : "/sign-in");
        }
        return Pages.notFound(session);
    }

    private static Response call(Route route, Request request) {
        Session session = request.session();
        try {
            return request.method().equals("POST") ? route.post(request) : route.get(request);
        } catch (MessageNotFoundException e) {
            return Pages.notFound(session);
        } catch (AccessDeniedException e) {
            return Pages.error(403, "Not allowed", session, "You do not have the " + e.missing().label() + " right of the "
                    + e.missing().tool() + ".");
        } catch (MessageNotCancelableException e) {
            return Pages.error(409, "Cannot cancel", session, e.getMessage());
        } catch (InvalidReportOptionsException | InvalidDateRangeException | BadRequestException e) {
            return Pages.error(400, "Cannot do that", session, e.getMessage());
        }
    }

    /** The body, or empty when it is larger than allowed. */
    private Optional<String> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > settings.maxBodyBytes()) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                throw new BadRequestException("the Content-Length is not a number");
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(settings.maxBodyBytes() + 1);
        if (bytes.length > settings.maxBodyBytes()) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static void parseForm(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("a parameter is not correctly URL-encoded");
            }
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Sends the response; answers whether its body was handed to a thread of its own (which closes the exchange). */
    private boolean send(HttpExchange exchange, Response response, Session session) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        response.headers().forEach(headers::set);
        if (session != null) {
            headers.set("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict");
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (response.body() instanceof Response.Detached detached) {
            return sendDetached(exchange, response.status(), detached, head);
        }
        if (response.body() == null || head) {
            exchange.sendResponseHeaders(response.status(), -1);
            return false;
        }
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream out = exchange.getResponseBody();
        try {
            response.body().writeTo(out);
        } catch (RuntimeException e) {
            LOG.error("web: writing the answer to {} {} failed with {}; the connection is dropped",
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.getClass().getName());
            throw e;
        }
        out.close();
        return false;
    }

    private static boolean sendDetached(HttpExchange exchange, int status, Response.Detached body, boolean head)
            throws IOException {
        if (head) {
            body.abandon();
            exchange.sendResponseHeaders(status, -1);
            return false;
        }
        try {
            exchange.sendResponseHeaders(status, 0);
        } catch (IOException | RuntimeException e) {
            body.abandon();
            throw e;
        }
        body.start(exchange.getResponseBody(), exchange::close);
        return true;
    }

}
