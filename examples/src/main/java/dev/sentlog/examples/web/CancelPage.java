package dev.sentlog.examples.web;

import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.MessageView;
import java.util.Optional;

/**
 * Cancel behind a confirmation (SPEC W2, C1-C4): GET asks, POST (with the session's token) cancels
 * and goes back to the message.
 */
final class CancelPage implements Route {

    private final Site site;

    CancelPage(Site site) {
        this.site = site;
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        LogKind log = request.log();
        MessageView view = site.log().select(request.caller(), id);
        String main = "<p>Cancel the message <strong>" + Pages.text(view.row().subject()) + "</strong> ("
                + Pages.text(view.row().status().label()) + ", created " + Pages.text(site.shown(view.row().createdAt()))
                + ")? Deliveries not yet attempted are stopped; those already attempted keep their outcome.</p>"
                + "<form method=\"post\" action=\"/messages/" + Pages.attr(Pages.url(id)) + "/cancel\">"
                + Pages.formFields(request.session(), Optional.of(log))
                + "<button type=\"submit\" id=\"confirm-cancel\">Yes, cancel the message</button> "
                + "<a href=\"" + Pages.attr(MessagePage.link(id, log)) + "\">No, go back</a></form>";
        return Response.html(200, Pages.page("Cancel this message?", request.session(), main));
    }

    @Override
    public Response post(Request request) {
        String id = request.pathPart(1);
        site.log().cancel(request.caller(), id);
        return Response.seeOther(MessagePage.link(id, request.log()));
    }
}
