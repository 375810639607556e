package dev.sentlog.examples.web;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.resend.ResendRefusedException;
import dev.sentlog.core.resend.ResendResult;
import dev.sentlog.core.store.DuplicateMessageException;
import java.util.Locale;
import java.util.Optional;

/**
 * Resend with its preview (SPEC W2, Y1-Y4). GET shows the audience to choose (the persons not reached,
 * or the failed devices only) and exactly who would get the resend on which device; its POST (with the
 * session's token) records the resend through the log and goes to the new message. The new message's
 * id is the original's with {@code -r} and the resend's number. A refused resend (not final, already
 * resent, nobody to resend to) is a 409 page with the log's reason, linking the earlier resends.
 * Needs the Read and Resend rights of the request's log, in the scope Cancel uses (Y3).
 */
final class ResendPage implements Route {

    private final Site site;

    ResendPage(Site site) {
        this.site = site;
    }

    /** The link to a message's resend preview in a log. */
    static String link(String id, LogKind log) {
        return "/messages/" + Pages.url(id) + "/resend" + Pages.logQuery(log);
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        LogKind log = request.log();
        Caller caller = request.caller();
        MessageView view = site.log().select(caller, id);
        ResendAudience audience = audience(request);
        ResendPreview preview;
        try {
            preview = site.log().previewResend(caller, id, audience);
        } catch (ResendRefusedException e) {
            return refused(request, e);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Resend <a href=\"").append(Pages.attr(MessagePage.link(id, log))).append("\">")
                .append(Pages.text(view.row().subject().isBlank() ? id : view.row().subject())).append("</a> (")
                .append(Pages.text(view.row().status().label())).append(", created ")
                .append(Pages.text(site.shown(view.row().createdAt())))
                .append(") as a new message with the same content. Nothing is sent before you confirm below.</p>")
                .append("<form class=\"search\" method=\"get\" action=\"/messages/").append(Pages.attr(Pages.url(id)))
                .append("/resend\"><input type=\"hidden\" name=\"log\" value=\"").append(Request.logParam(log))
                .append("\"><fieldset><legend>Resend to</legend>");
        for (ResendAudience a : ResendAudience.values()) {
            String fid = "audience-" + param(a);
            sb.append("<div class=\"choice\"><input type=\"radio\" name=\"audience\" id=\"").append(fid).append("\" value=\"")
                    .append(param(a)).append('"').append(a == audience ? " checked" : "").append("><label for=\"")
                    .append(fid).append("\">").append(label(a)).append("</label></div>");
        }
        sb.append("</fieldset><button type=\"submit\" id=\"show-preview\">Show who would get it</button></form>");
        preview(sb, preview);
        if (preview.recipients().isEmpty()) {
            sb.append("<p class=\"notice\" role=\"status\">Nobody to resend to for this choice.</p>");
        } else {
            sb.append("<form method=\"post\" action=\"/messages/").append(Pages.attr(Pages.url(id))).append("/resend\">")
                    .append(Pages.formFields(request.session(), Optional.of(log)))
                    .append("<input type=\"hidden\" name=\"audience\" value=\"").append(param(audience)).append("\">")
                    .append("<button type=\"submit\" id=\"send-resend\">Send resend</button> <a href=\"")
                    .append(Pages.attr(MessagePage.link(id, log))).append("\">No, go back</a></form>");
        }
        return Response.html(200, Pages.page("Resend this message?", request.session(), sb.toString()));
    }

    @Override
    public Response post(Request request) {
        String id = request.pathPart(1);
        Caller caller = request.caller();
        MessageView view = site.log().select(caller, id);
        ResendAudience audience = audience(request);
        String newId = id + "-r" + (view.detail().resends().size() + 1);
        ResendResult result;
        try {
            result = site.log().resend(caller, id, audience, newId);
        } catch (ResendRefusedException e) {
            return refused(request, e);
        } catch (DuplicateMessageException e) {
            return Pages.error(409, "Cannot resend", request.session(), "Another resend of this message was just"
                    + " recorded; open the message to see it.");
        }
        return Response.seeOther(MessagePage.link(result.messageId(), request.log()));
    }

    private static Response refused(Request request, ResendRefusedException e) {
        StringBuilder sb = new StringBuilder("<p class=\"error\" role=\"alert\" id=\"refused\">Cannot resend: ")
                .append(Pages.text(e.getMessage())).append(".</p>");
        if (!e.earlierResends().isEmpty()) {
            sb.append("<p>Earlier resend(s): ");
            for (String earlier : e.earlierResends()) {
                sb.append("<a class=\"earlier\" href=\"").append(Pages.attr(MessagePage.link(earlier, request.log())))
                        .append("\">").append(Pages.text(earlier)).append("</a> ");
            }
            sb.append("</p>");
        }
        sb.append("<p><a href=\"").append(Pages.attr(MessagePage.link(e.originalId(), request.log())))
                .append("\">Back to the message</a></p>");
        return Response.html(409, Pages.page("Cannot resend", request.session(), sb.toString()));
    }

    private static void preview(StringBuilder sb, ResendPreview preview) {
        sb.append("<section aria-labelledby=\"preview-h\"><h2 id=\"preview-h\">Who would get it</h2>")
                .append("<p class=\"count\" id=\"preview-count\" role=\"status\">").append(String.format(Locale.US,
                        "%,d recipient(s), %,d device(s): %s.", preview.recipients().size(), preview.deviceCount(),
                        label(preview.audience()).toLowerCase(Locale.ROOT))).append("</p>");
        if (preview.recipients().isEmpty()) {
            sb.append("</section>");
            return;
        }
        sb.append("<table class=\"grid\" id=\"preview\"><caption class=\"sr\">Who would get the resend</caption><thead><tr>")
                .append("<th scope=\"col\">Person</th><th scope=\"col\">Student</th><th scope=\"col\">Devices</th>")
                .append("</tr></thead><tbody>");
        for (RecipientEntry e : preview.recipients()) {
            sb.append("<tr class=\"entry\" data-person=\"").append(Pages.attr(e.person().id())).append("\"><td>")
                    .append(Pages.text(e.person().name())).append("</td><td>")
                    .append(Pages.text(e.student().map(s -> s.name()).orElse(""))).append("</td><td><ul class=\"devices\">");
            for (Device d : e.devices()) {
                sb.append("<li class=\"device\">").append(Pages.text(PageParts.device(d))).append("</li>");
            }
            sb.append("</ul></td></tr>");
        }
        sb.append("</tbody></table></section>");
    }

    private static ResendAudience audience(Request request) {
        String named = request.param("audience").orElse(param(ResendAudience.NOT_REACHED));
        for (ResendAudience a : ResendAudience.values()) {
            if (param(a).equals(named)) {
                return a;
            }
        }
        throw new BadRequestException("the audience must be 'not-reached' or 'failed-devices'");
    }

    private static String param(ResendAudience a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String label(ResendAudience a) {
        return switch (a) {
            case NOT_REACHED -> "The persons not reached, on every device still worth trying";
            case FAILED_DEVICES -> "The failed devices only";
        };
    }
}
