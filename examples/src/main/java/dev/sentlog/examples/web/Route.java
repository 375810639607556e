package dev.sentlog.examples.web;

import java.util.regex.Pattern;

/**
 * One page or action of the site: the paths it answers and what it does on GET and POST. Adding a
 * page is one small class implementing this and one line in {@link LogWebServer}'s route list.
 */
interface Route {

    /** The paths answered, matched against the whole decoded path; groups become path parts. */
    Pattern path();

    /** Whether the page needs a signed-in user (otherwise the visitor is sent to the sign-in). */
    default boolean needsUser() {
        return true;
    }

    /** Answers a GET (and HEAD). */
    default Response get(Request request) {
        return Pages.methodNotAllowed();
    }

    /** Answers a POST, whose token the server has already checked (W4). */
    default Response post(Request request) {
        return Pages.methodNotAllowed();
    }
}
