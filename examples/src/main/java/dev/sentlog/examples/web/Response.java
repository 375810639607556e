package dev.sentlog.examples.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page answers: a status, headers and a body written to the response stream (a page's
 * HTML, or a report streamed as it is produced).
 *
 * @param status  the HTTP status
 * @param headers the headers beyond those every response gets
 * @param body    writes the body; null for none
 * @param session the session the browser holds from now on (after a sign-in or sign-out); null to
 *                keep the request's
 */
record Response(int status, Map<String, String> headers, Body body, Session session) {

    /** A response keeping the request's session. */
    Response(int status, Map<String, String> headers, Body body) {
        this(status, headers, body, null);
    }

    /** This response, after which the browser holds another session. */
    Response withSession(Session newSession) {
        return new Response(status, headers, body, newSession);
    }

    /** Writes a body. */
    @FunctionalInterface
    interface Body {
        /** Writes the body to the stream (not closing it). */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A body written after the request's handler returned, on a thread of its own, for as long as it
     * lasts (server-sent events): the server sends the headers, hands the open stream over and does
     * not close the exchange itself.
     */
    interface Detached extends Body {
        /**
         * Takes the open response stream over.
         *
         * @param out  the response body
         * @param done closes the exchange; called once when the body ends
         */
        void start(OutputStream out, Runnable done);

        /** The body will not be written (a HEAD, or the headers could not be sent): frees what it holds. */
        void abandon();

        /** Not used: a detached body is {@linkplain #start started}, not written in place. */
        @Override
        default void writeTo(OutputStream out) {
            throw new UnsupportedOperationException("a detached body is started on its own thread, not written in place");
        }
    }

    /** An HTML page. */
    static Response html(int status, String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8"), out -> out.write(bytes));
    }

    /** A 303 to a page of this site (after a POST, or to the sign-in). */
    static Response seeOther(String location) {
        return new Response(303, Map.of("Location", location), null);
    }

    /** A streamed download with a safe file name. */
    static Response download(String mediaType, String fileName, Body body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mediaType);
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new Response(200, headers, body);
    }
}
