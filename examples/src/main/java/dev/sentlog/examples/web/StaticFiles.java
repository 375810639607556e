package dev.sentlog.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The site's style sheet, {@code /static/sentlog.css} (the page has no script). */
final class StaticFiles implements Route {

    private final byte[] css;

    StaticFiles() {
        try (InputStream in = StaticFiles.class.getResourceAsStream("sentlog.css")) {
            if (in == null) {
                throw new IllegalStateException("the style sheet dev/sentlog/examples/web/sentlog.css is not on the class path");
            }
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the style sheet", e);
        }
    }

    @Override
    public Response get(Request request) {
        return new Response(200, Map.of("Content-Type", "text/css; charset=utf-8"), out -> out.write(css));
    }
}
