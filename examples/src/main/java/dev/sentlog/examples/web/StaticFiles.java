package dev.sentlog.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One of the site's static files, read once from the class path: the style sheet
 * {@code /static/sentlog.css} and the live figures' script {@code /static/live.js} (the only script
 * of the site; no page has inline script).
 */
final class StaticFiles implements Route {

    /** The live figures' script's path (SPEC E4, W2). */
    static final String LIVE_SCRIPT = "/static/live.js";

    private final byte[] content;
    private final String mediaType;

    /**
     * A file.
     *
     * @param resource  its name beside this class, e.g. {@code sentlog.css}
     * @param mediaType its Content-Type
     */
    StaticFiles(String resource, String mediaType) {
        this.mediaType = mediaType;
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the file dev/sentlog/examples/web/" + resource + " is not on the class path");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/sentlog/examples/web/" + resource, e);
        }
    }

    /** The style sheet. */
    static StaticFiles styleSheet() {
        return new StaticFiles("sentlog.css", "text/css; charset=utf-8");
    }

    /** The live figures' script. */
    static StaticFiles liveScript() {
        return new StaticFiles("live.js", "text/javascript; charset=utf-8");
    }

    @Override
    public Response get(Request request) {
        return new Response(200, Map.of("Content-Type", mediaType), out -> out.write(content));
    }
}
