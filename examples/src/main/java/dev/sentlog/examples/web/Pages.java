package dev.sentlog.examples.web;

import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.ToolRight;
import java.util.Optional;
import org.owasp.encoder.Encode;

/**
 * The layout every page shares and the escaping of values (SPEC W4): text through
 * {@link #text(String)}, attribute values through {@link #attr(String)}, URL parts through
 * {@link #url(String)}; no value reaches a page any other way.
 */
final class Pages {

    /** The one body of every 404: the same whether the message is missing or out of scope (T4). */
    static final String NOT_FOUND_TITLE = "Not found";

    private Pages() {
    }

    /** A value as HTML text. */
    static String text(String value) {
        return Encode.forHtml(value);
    }

    /** A value inside a double-quoted attribute. */
    static String attr(String value) {
        return Encode.forHtmlAttribute(value);
    }

    /** A value as one component of a URL (a path segment or a query value). */
    static String url(String value) {
        return Encode.forUriComponent(value);
    }

    /** The hidden fields every POST form carries: the session's token and the log. */
    static String formFields(Session session, Optional<LogKind> log) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + attr(session.token()) + "\">"
                + log.map(l -> "<input type=\"hidden\" name=\"log\" value=\"" + Request.logParam(l) + "\">").orElse("");
    }

    /**
     * A whole page.
     *
     * @param title   the title, as text
     * @param session the session (the header shows the user and the sign-out button)
     * @param main    the page's content, already HTML
     * @return the page
     */
    static String page(String title, Session session, String main) {
        StringBuilder sb = new StringBuilder(main.length() + 1200);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(title)).append(" - Sentlog</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/sentlog.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to the content</a>\n")
                .append("<header class=\"top\"><span class=\"brand\">Sentlog</span> <span class=\"tagline\">Sent Message Log</span>");
        session.signedIn().ifPresent(u -> sb.append(navigation(u))
                .append("<form class=\"signout\" method=\"post\" action=\"/sign-out\">")
                .append(formFields(session, Optional.empty()))
                .append("<span class=\"who\">").append(text(u.caller().displayName())).append(" &middot; ")
                .append(text(u.role())).append("</span> <button type=\"submit\">Sign out</button></form>"));
        sb.append("</header>\n<main id=\"main\">\n<h1>").append(text(title)).append("</h1>\n")
                .append(main).append("\n</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The site's links: the search, and each page about people the user holds the right of (W3). */
    static String navigation(DemoUser user) {
        StringBuilder nav = new StringBuilder("<nav aria-label=\"Site\"><a href=\"/search\">Search</a>");
        if (user.caller().has(ToolRight.RECIPIENT_LOG)) {
            nav.append(" <a href=\"/recipients\" id=\"nav-recipients\">Recipient Log</a>");
        }
        if (user.caller().has(ToolRight.CONTACTS)) {
            nav.append(" <a href=\"/contacts\" id=\"nav-contacts\">Contacts to fix</a>");
        }
        if (user.caller().has(ToolRight.RECIPIENT_LOG)) {
            nav.append(" <a href=\"/reach\" id=\"nav-reach\">Household reach</a>");
        }
        return nav.append("</nav>").toString();
    }

    /** The 404 page: no id, no hint, the same bytes for a missing and an out-of-scope message (T4). */
    static Response notFound(Session session) {
        return Response.html(404, page(NOT_FOUND_TITLE, session,
                "<p>There is no such page or message in your log.</p><p><a href=\"/search\">Back to the search</a></p>"));
    }

    /** An error page with a status and one explanation. */
    static Response error(int status, String title, Session session, String explanation) {
        return Response.html(status, page(title, session, "<p class=\"error\" role=\"alert\">" + text(explanation)
                + "</p><p><a href=\"/search\">Back to the search</a></p>"));
    }

    /** 405 for a method the route does not answer. */
    static Response methodNotAllowed() {
        return new Response(405, java.util.Map.of("Allow", "GET, POST", "Content-Type", "text/plain; charset=utf-8"),
                out -> out.write("Method not allowed".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The query string of a log, for links: {@code ?log=admin}. */
    static String logQuery(LogKind log) {
        return "?log=" + Request.logParam(log);
    }
}
