package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.examples.demo.DemoWeek;
import dev.sentlog.examples.demo.DistrictDemo;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The web page at the HTTP level (SPEC W1, W4, S2, T4): headers, cookie, the per-session token, the
 * 404 of an out-of-scope message, request bounds, the cut notice and the download's headers; and the
 * engagement beside the status in a message's detail rows (H5). The
 * log's search cap is 3 here, so the demo day's result is cut.
 */
class WebSecurityHttpTest {

    private static WebFixture site;

    @BeforeAll
    static void start() {
        site = WebFixture.start(3, false);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(site);
    }

    private static WebVisitor visitor() {
        return new WebVisitor(site.base());
    }

    @Test
    @DisplayName("W1 the server listens on 127.0.0.1 unless told otherwise")
    void bindsLoopback() {
        assertThat(WebSettings.defaults().bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(site.base().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @DisplayName("W4 every response carries a Content-Security-Policy allowing only the site's own script files (no inline"
            + " script, no eval), and the session cookie is HttpOnly and SameSite=Strict")
    void headersAndCookie() {
        HttpResponse<String> r = visitor().get("/sign-in");

        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self';", "connect-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes", "nonce-", "sha256-", "data:", "*");
        assertThat(csp.split(";")).filteredOn(d -> d.strip().startsWith("script-src")).containsExactly(" script-src 'self'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(LogWebServer.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Strict");
        assertThat(r.body()).doesNotContain("<script").doesNotContainPattern("\\son[a-z]+=");
        assertThat(visitor().get("/no-such-page").headers().firstValue("Content-Security-Policy")).contains(csp);
    }

    @Test
    @DisplayName("W3 signing in starts a new session: the cookie and the token change")
    void signInRotatesTheSession() {
        WebVisitor v = visitor();
        HttpResponse<String> before = v.get("/sign-in");
        String oldToken = v.token();
        HttpResponse<String> in = v.post("/sign-in", "csrf=" + oldToken + "&user=teacher");

        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow())
                .isNotEqualTo(before.headers().firstValue("Set-Cookie").orElseThrow());
        v.get("/search");
        assertThat(v.token()).isNotEqualTo(oldToken);
    }

    @Test
    @DisplayName("W4 C1 a POST without the session's token, or with another session's, is refused and changes nothing")
    void csrfRefused() {
        WebVisitor admin = visitor().signIn(DemoUser.ADMINISTRATOR);
        WebVisitor other = visitor().signIn(DemoUser.ADMINISTRATOR);
        String cancel = "/messages/" + DistrictDemo.WAITING_ID + "/cancel";

        HttpResponse<String> none = admin.post(cancel, "log=admin");
        HttpResponse<String> foreign = admin.post(cancel, "log=admin&csrf=" + other.token());

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("Nothing was changed");
        assertThat(site.log.select(DemoUser.ADMINISTRATOR.caller(), DistrictDemo.WAITING_ID).row().status())
                .isEqualTo(MessageStatus.WAITING);
        assertThat(admin.get("/messages/" + DistrictDemo.WAITING_ID + "/cancel?log=admin").statusCode())
                .as("a GET of the cancel page only asks").isEqualTo(200);
        assertThat(site.log.select(DemoUser.ADMINISTRATOR.caller(), DistrictDemo.WAITING_ID).row().status())
                .isEqualTo(MessageStatus.WAITING);
        assertThat(admin.post("/sign-out", "").statusCode()).as("signing out needs the token too").isEqualTo(403);

        HttpResponse<String> withToken = admin.post(cancel, "log=admin&csrf=" + admin.token());
        assertThat(withToken.statusCode()).isEqualTo(303);
        assertThat(site.log.select(DemoUser.ADMINISTRATOR.caller(), DistrictDemo.WAITING_ID).row().status())
                .isEqualTo(MessageStatus.CANCELED);
    }

    @Test
    @DisplayName("W4 T4 an out-of-scope message answers 404 with exactly the body of a missing one, on every page of it")
    void outOfScopeIsMissing() {
        WebVisitor secretary = visitor().signIn(DemoUser.SECRETARY);
        for (String page : List.of("", "/figures/TOTAL_RECIPIENTS", "/cancel", "/report")) {
            String query = page.equals("/report") ? "?log=admin&devices=EMAIL&detail=ALL&format=CSV" : "?log=admin";
            HttpResponse<String> outOfScope = secretary.get("/messages/" + DistrictDemo.MAIN_ID + page + query);
            HttpResponse<String> missing = secretary.get("/messages/m-0000" + page + query);

            assertThat(outOfScope.statusCode()).as(page).isEqualTo(404);
            assertThat(missing.statusCode()).as(page).isEqualTo(404);
            assertThat(outOfScope.body()).as(page).isEqualTo(missing.body()).doesNotContain(DistrictDemo.MAIN_ID);
        }
        HttpResponse<String> refresh = secretary.post("/messages/" + DistrictDemo.MAIN_ID + "/refresh",
                "log=admin&csrf=" + secretary.token());
        HttpResponse<String> refreshMissing = secretary.post("/messages/m-0000/refresh", "log=admin&csrf=" + secretary.token());
        assertThat(refresh.statusCode()).isEqualTo(404);
        assertThat(refresh.body()).isEqualTo(refreshMissing.body());
        HttpResponse<String> teacherCancel = visitor().signIn(DemoUser.TEACHER).get("/messages/m-2001?log=own");
        assertThat(teacherCancel.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("W4 request sizes are bounded: a body over the limit is 413, a target over the limit is 414")
    void sizesBounded() {
        WebVisitor v = visitor().signIn(DemoUser.ADMINISTRATOR);
        String big = "csrf=" + v.token() + "&x=" + "a".repeat(WebSettings.defaults().maxBodyBytes());

        assertThat(v.post("/messages/m-2001/refresh", big).statusCode()).isEqualTo(413);
        assertThat(v.get("/search?q=" + "b".repeat(WebSettings.defaults().maxTargetLength())).statusCode())
                .isEqualTo(414);
    }

    @Test
    @DisplayName("W4 request rates are bounded: past the requests of a minute a client gets 429 with Retry-After")
    void rateBounded() throws Exception {
        try (LogWebServer strict = site.another(WebSettings.defaults().withPort(0).withRequestsPerMinute(5))) {
            WebVisitor v = new WebVisitor(strict.address());
            for (int i = 0; i < 5; i++) {
                assertThat(v.get("/sign-in").statusCode()).as("request %d", i + 1).isEqualTo(200);
            }
            HttpResponse<String> sixth = v.get("/sign-in");
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    @DisplayName("W2 S2 the grid says when the result was cut, and keeps the most recent messages")
    void cutNotice() {
        String page = visitor().signIn(DemoUser.ADMINISTRATOR).get("/search?from=" + DistrictDemo.demoDay() + "&to="
                + DistrictDemo.demoDay() + "&log=admin").body();

        assertThat(page).contains("id=\"cut-notice\"", "6 messages matched; only the 3 most recently created are shown");
        assertThat(page).contains("data-id=\"m-3002\"", "data-id=\"m-3001\"", "data-id=\"m-2004\"")
                .doesNotContain("data-id=\"m-2001\"");
    }

    @Test
    @DisplayName("W2 P1 a report downloads as an attachment with a safe file name; options that do not apply are a 400"
            + " before anything is sent")
    void downloadHeaders() {
        WebVisitor v = visitor().signIn(DemoUser.ADMINISTRATOR);
        HttpResponse<String> csv = v.get("/messages/m-2001/report?log=admin&devices=EMAIL&devices=NO_DEVICE&detail=ALL"
                + "&format=CSV");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"sent-message-report-m-2001.csv\"");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("Total Recipients");

        HttpResponse<String> refused = v.get("/messages/" + WebDistrict.LINCOLN_WAITING_ID
                + "/report?log=admin&devices=EMAIL&detail=FAILED_DELIVERY&format=PDF");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(ReportDownload.fileName("../x\"; y\r\n", dev.sentlog.report.ReportFormat.PDF))
                .isEqualTo("sent-message-report-.._x___y__.pdf");
    }

    @Test
    @DisplayName("W2 H5 a message's detail rows show each device's engagement beside its status, and the CSV report "
            + "the same")
    void engagementBesideTheStatus() {
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a",
                java.util.Locale.US).withZone(java.time.ZoneId.of("America/Chicago"));
        String id = null;
        String shown = null;
        for (String m : List.of(DemoWeek.WEDNESDAY_ID, DemoWeek.FRIDAY_ID, DistrictDemo.MAIN_ID)) {
            var engaged = site.log.engagement(DistrictDemo.ADMINISTRATOR, m).devices();
            if (!engaged.isEmpty() && id == null) {
                id = m;
                shown = engaged.get(0).describe(minute::format);
            }
        }
        assertThat(id).as("H5: the simulated provider's feedback shows in the demo week").isNotNull();
        WebVisitor v = visitor().signIn(DemoUser.ADMINISTRATOR);
        HttpResponse<String> page = v.get("/messages/" + id + "?log=admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<td>Sent \u00b7 " + shown + "</td>");
        HttpResponse<String> csv = v.get("/messages/" + id + "/report?log=admin&devices=EMAIL&detail=ALL&format=CSV");
        assertThat(csv.body()).contains(",Sent \u00b7 " + shown + ",");
        // and in the Recipient Log of the device's person, beside the same outcome
        var device = site.log.engagement(DistrictDemo.ADMINISTRATOR, id).devices().get(0);
        String person = site.log.printable(DistrictDemo.ADMINISTRATOR, id).recipients().get(device.entry()).person().id();
        HttpResponse<String> recipients = v.get("/recipients?person=" + java.net.URLEncoder.encode(person,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(recipients.statusCode()).isEqualTo(200);
        assertThat(recipients.body()).contains("<span class=\"engagement\">" + shown + "</span>");
    }

    @Test
    @DisplayName("W4 pages need a signed-in user; a visitor is sent to the sign-in")
    void signInFirst() {
        HttpResponse<String> r = visitor().get("/messages/m-2001?log=admin");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/sign-in");
        assertThat(InetAddress.getLoopbackAddress().isLoopbackAddress()).isTrue();
    }
}
