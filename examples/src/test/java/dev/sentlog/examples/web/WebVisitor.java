package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client of the web page: its own cookies, redirects not followed, the last form token seen. */
final class WebVisitor {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private String token;

    WebVisitor(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(r.body());
            if (m.find()) {
                token = m.group(1);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is read as it comes (an event stream); the caller closes it. */
    HttpResponse<InputStream> open(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token() {
        return token;
    }

    WebVisitor signIn(DemoUser user) {
        get("/sign-in");
        HttpResponse<String> r = post("/sign-in", "csrf=" + token + "&user=" + user.key());
        assertThat(r.statusCode()).isEqualTo(303);
        get("/search");
        return this;
    }
}
