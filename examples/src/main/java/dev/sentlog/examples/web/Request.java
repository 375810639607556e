package dev.sentlog.examples.web;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One request as the pages see it: its path parameters (the route's groups), query and form
 * parameters, and the session.
 *
 * @param method  GET or POST (HEAD is answered as GET)
 * @param path    the decoded path
 * @param params  the query parameters, and for a POST the form's too
 * @param session the browser's session
 * @param match   the route's match of the path
 */
record Request(String method, String path, Map<String, List<String>> params, Session session, Matcher match) {

    /** The first value of a parameter, stripped; empty when absent or blank. */
    Optional<String> param(String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    /** Every value of a parameter. */
    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** A group of the route's pattern, e.g. the message id. */
    String pathPart(int group) {
        return match.group(group);
    }

    /** The signed-in user; pages that need one are only reached with one. */
    DemoUser user() {
        return session.signedIn().orElseThrow(() -> new IllegalStateException("no user signed in"));
    }

    /**
     * The log the request works in: {@code log=own} or {@code log=admin}, else the user's first
     * (the administration log when they may read it).
     */
    LogKind log() {
        Optional<String> named = param("log");
        if (named.isEmpty()) {
            List<LogKind> logs = user().logs();
            return logs.isEmpty() ? LogKind.OWN : logs.get(0);
        }
        return switch (named.get()) {
            case "own" -> LogKind.OWN;
            case "admin" -> LogKind.ADMINISTRATION;
            default -> throw new BadRequestException("the log must be 'own' or 'admin'");
        };
    }

    /** The user working in the request's log. */
    Caller caller() {
        return user().in(log());
    }

    /** The log's name in URLs. */
    static String logParam(LogKind log) {
        return log == LogKind.ADMINISTRATION ? "admin" : "own";
    }
}
