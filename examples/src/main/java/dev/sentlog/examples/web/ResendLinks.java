package dev.sentlog.examples.web;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.MessageDetail;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.resend.ResendPlan;

/**
 * What the message page shows of resends (SPEC Y2, Y3): the "Resend…" action for a user with the
 * resend right of the log when the message is in a final status, and in the Message Detail the
 * original a resend names and the resends of an original, each a link.
 */
final class ResendLinks {

    private ResendLinks() {
    }

    /** Appends the "Resend…" action when the caller may resend and the status allows it. */
    static void action(StringBuilder sb, String id, LogKind log, Caller caller, MessageView view) {
        if (caller.has(ToolRight.resend(log)) && ResendPlan.RESENDABLE.contains(view.row().status())) {
            sb.append(" <a class=\"button\" id=\"resend\" href=\"").append(Pages.attr(ResendPage.link(id, log)))
                    .append("\">Resend&hellip;</a>");
        }
    }

    /** Appends the Message Detail's rows of the original and of the resends, when there are any. */
    static void detailRows(StringBuilder sb, MessageDetail d, LogKind log) {
        d.resendOf().ifPresent(original -> sb.append("<tr><th scope=\"row\">Resend of</th><td id=\"resend-of\">")
                .append(link(original, log)).append("</td></tr>"));
        if (!d.resends().isEmpty()) {
            sb.append("<tr><th scope=\"row\">Resends</th><td id=\"resends\">");
            for (String resend : d.resends()) {
                sb.append(link(resend, log)).append(' ');
            }
            sb.append("</td></tr>");
        }
    }

    private static String link(String id, LogKind log) {
        return "<a href=\"" + Pages.attr(MessagePage.link(id, log)) + "\">" + Pages.text(id) + "</a>";
    }
}
