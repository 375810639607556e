package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.examples.demo.DistrictDemo;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pages about people at the HTTP level (SPEC W2, W4, H1, H2, H4, S2, T4, Y2, Y3): the Recipient
 * Log's cut notice, the resend POST's token and scope, the 404 of an out-of-scope message on the
 * resend page, the household reach CSV's headers, and bad input. The log's search cap is 2 here, so a
 * person with more messages is cut.
 */
class RecipientPagesHttpTest {

    private static final int CAP = 2;
    private static final Caller ADMIN = DemoUser.ADMINISTRATOR.caller();
    private static final LocalDate TODAY = DistrictDemo.demoDay();
    private static final LocalDate WEEK_START = TODAY.minusDays(PageParts.DEFAULT_DAYS - 1L);

    private static WebFixture site;

    @BeforeAll
    static void start() {
        site = WebFixture.start(CAP, false);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(site);
    }

    private static WebVisitor visitor() {
        return new WebVisitor(site.base());
    }

    @Test
    @DisplayName("W2 H1 S2 the Recipient Log says when it was cut and keeps the newest messages")
    void recipientLogCutNotice() {
        String person = site.log.printable(ADMIN, DistrictDemo.MAIN_ID).recipients().get(0).person().id();
        RecipientLog expected = site.log.recipientLog(ADMIN, RecipientQuery.person(person, WEEK_START, TODAY));
        assertThat(expected.isCut()).as("the first family got more than %d messages in the week", CAP).isTrue();

        String page = visitor().signIn(DemoUser.ADMINISTRATOR).get("/recipients?person=" + person).body();

        assertThat(page).contains("id=\"cut-notice\"", expected.totalMatched() + " messages matched; only the " + CAP
                + " most recently created are shown");
        for (var row : expected.rows()) {
            assertThat(page).contains("data-id=\"" + row.messageId() + "\"");
        }
        assertThat(page.split("<tr data-id=").length - 1).isEqualTo(CAP);
    }

    @Test
    @DisplayName("W4 H1 bad input on the Recipient Log is a 400 naming what was wrong, never echoing the address")
    void recipientLogBadInput() {
        WebVisitor admin = visitor().signIn(DemoUser.ADMINISTRATOR);

        HttpResponse<String> both = admin.get("/recipients?person=p-1&address=x%40nomail.com");
        HttpResponse<String> noChannel = admin.get("/recipients?address=555-0100");
        HttpResponse<String> empty = admin.get("/recipients?address=%28%29-&channel=VOICE");
        HttpResponse<String> badDay = admin.get("/recipients?person=p-1&from=01%2F05%2F2026");
        HttpResponse<String> backwards = admin.get("/recipients?person=p-1&from=" + TODAY + "&to=" + WEEK_START);

        assertThat(List.of(both, noChannel, empty, badDay, backwards)).allSatisfy(r -> assertThat(r.statusCode())
                .as(r.uri().toString()).isEqualTo(400));
        assertThat(both.body()).contains("give a person id or an address, not both");
        assertThat(noChannel.body()).contains("say which channel the address is on").doesNotContain("555-0100");
        assertThat(empty.body()).contains("the address is no Voice address");
        assertThat(badDay.body()).contains("the date &#39;from&#39; must be written yyyy-MM-dd");
        assertThat(admin.get("/recipients").statusCode()).as("the form alone").isEqualTo(200);
    }

    @Test
    @DisplayName("W4 Y3 a resend POST without the session's token is refused and changes nothing; with it, the resend is"
            + " recorded and the browser goes to the new message")
    void resendNeedsTheToken() {
        WebVisitor secretary = visitor().signIn(DemoUser.SECRETARY);
        WebVisitor other = visitor().signIn(DemoUser.SECRETARY);
        String resend = "/messages/" + WebDistrict.LINCOLN_SENT_ID + "/resend";
        assertThat(secretary.get(resend + "?log=admin").statusCode()).as("the preview only shows").isEqualTo(200);

        HttpResponse<String> none = secretary.post(resend, "log=admin&audience=failed-devices");
        HttpResponse<String> foreign = secretary.post(resend, "log=admin&audience=failed-devices&csrf=" + other.token());

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("Nothing was changed");
        assertThat(site.log.select(ADMIN, WebDistrict.LINCOLN_SENT_ID).detail().resends()).isEmpty();
        assertThat(site.log.search(ADMIN, dev.sentlog.core.search.SearchCriteria.createdBetween(TODAY, TODAY)).rows())
                .noneMatch(r -> r.id().startsWith(WebDistrict.LINCOLN_SENT_ID + "-"));

        secretary.get(resend + "?log=admin");
        HttpResponse<String> sent = secretary.post(resend, "log=admin&audience=failed-devices&csrf=" + secretary.token());
        String resent = WebDistrict.LINCOLN_SENT_ID + "-r1";
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains(MessagePage.link(resent, LogKind.ADMINISTRATION));
        assertThat(site.log.select(ADMIN, WebDistrict.LINCOLN_SENT_ID).detail().resends()).containsExactly(resent);
        assertThat(site.log.select(ADMIN, resent).detail().resendOf()).contains(WebDistrict.LINCOLN_SENT_ID);

        HttpResponse<String> again = secretary.post(resend, "log=admin&audience=failed-devices&csrf=" + secretary.token());
        assertThat(again.statusCode()).as("Y2: once per original").isEqualTo(409);
        assertThat(again.body()).contains("already resent as " + resent);
        assertThat(site.log.select(ADMIN, WebDistrict.LINCOLN_SENT_ID).detail().resends()).containsExactly(resent);
    }

    @Test
    @DisplayName("W4 T4 Y3 an out-of-scope message's resend page and resend POST answer exactly like a missing message's")
    void resendOfAnOutOfScopeMessageIsMissing() {
        WebVisitor secretary = visitor().signIn(DemoUser.SECRETARY);
        HttpResponse<String> outOfScope = secretary.get("/messages/" + DistrictDemo.MAIN_ID + "/resend?log=admin");
        HttpResponse<String> missing = secretary.get("/messages/m-0000/resend?log=admin");
        assertThat(outOfScope.statusCode()).isEqualTo(404);
        assertThat(outOfScope.body()).isEqualTo(missing.body()).doesNotContain(DistrictDemo.MAIN_ID);

        HttpResponse<String> postOutOfScope = secretary.post("/messages/" + DistrictDemo.MAIN_ID + "/resend",
                "log=admin&csrf=" + secretary.token());
        HttpResponse<String> postMissing = secretary.post("/messages/m-0000/resend", "log=admin&csrf=" + secretary.token());
        assertThat(postOutOfScope.statusCode()).isEqualTo(404);
        assertThat(postOutOfScope.body()).isEqualTo(postMissing.body());
        assertThat(site.log.select(ADMIN, DistrictDemo.MAIN_ID).detail().resends()).isEmpty();
        assertThat(site.log.select(ADMIN, DistrictDemo.MAIN_ID).row().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    @DisplayName("W2 H4 P9 the household reach CSV downloads as an attachment with a safe file name; a backwards range is"
            + " a 400 before anything is sent")
    void householdReachCsvHeaders() {
        WebVisitor admin = visitor().signIn(DemoUser.ADMINISTRATOR);
        HttpResponse<String> csv = admin.get("/reach/csv?from=" + WEEK_START + "&to=" + TODAY);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"household-reach-" + WEEK_START + "-to-" + TODAY + ".csv\"");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFSchool,Student,Student ID,Contact");

        HttpResponse<String> backwards = admin.get("/reach/csv?from=" + TODAY + "&to=" + WEEK_START);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    @DisplayName("W3 H2 Y3 the teacher gets 403 on the Recipient Log, contacts, household reach and resend, and a"
            + " visitor is sent to the sign-in")
    void rightsAtTheHttpLevel() {
        WebVisitor teacher = visitor().signIn(DemoUser.TEACHER);
        for (String page : List.of("/recipients?person=p-1", "/contacts", "/reach", "/reach/csv",
                "/messages/" + DistrictDemo.CLASS_ID + "/resend?log=own")) {
            assertThat(teacher.get(page).statusCode()).as(page).isEqualTo(403);
        }
        HttpResponse<String> post = teacher.post("/messages/" + DistrictDemo.CLASS_ID + "/resend",
                "log=own&csrf=" + teacher.token());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(site.log.select(ADMIN, DistrictDemo.CLASS_ID).detail().resends()).isEmpty();
        HttpResponse<String> visitor = visitor().get("/recipients");
        assertThat(visitor.statusCode()).isEqualTo(303);
        assertThat(visitor.headers().firstValue("Location")).contains("/sign-in");
    }
}
