package dev.sentlog.examples.web;

/**
 * One page or action of the site: what it does on GET and POST. Adding a page is one small class
 * implementing this and one line in {@link LogWebServer}'s route list, which gives its path.
 */
interface Route {

    /** Answers a GET (and HEAD). */
    default Response get(Request request) {
        return Pages.methodNotAllowed();
    }

    /** Answers a POST, whose token the server has already checked (W4). */
    default Response post(Request request) {
        return Pages.methodNotAllowed();
    }
}
