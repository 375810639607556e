package dev.sentlog.examples.web;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.spi.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contacts to fix (SPEC W2, H3): each address whose last K attempted deliveries all failed
 * permanently, with since when it fails, the persons and schools using it and its evidence (message,
 * outcome, time); then, apart, the "do not contact" addresses (opt-outs, Do Not Call), which are no
 * errors to fix. Needs {@link ToolRight#CONTACTS}; a user limited to schools sees what the core shows
 * them (the evidence of their schools only).
 */
final class ContactsPage implements Route {

    private final Site site;

    ContactsPage(Site site) {
        this.site = site;
    }

    @Override
    public Response get(Request request) {
        Caller caller = PageParts.requireRight(request, ToolRight.CONTACTS);
        ContactLists lists = site.log().contacts(caller);
        DemoUser user = request.user();
        StringBuilder sb = new StringBuilder();
        sb.append("<section aria-labelledby=\"fix-h\"><h2 id=\"fix-h\">Addresses that keep failing</h2><p class=\"count\" id=\"fix-count\">")
                .append(String.format(Locale.US, "%,d address(es) whose last %d attempted deliveries or more, each in"
                        + " another message, all failed permanently (a wrong number or a hard bounce). A later"
                        + " successful delivery removes an address by itself.", lists.toFix().size(), lists.k()))
                .append("</p>");
        if (!lists.toFix().isEmpty()) {
            header(sb, "to-fix", "Contacts to fix", true);
            for (ContactToFix c : lists.toFix()) {
                row(sb, user, c.channel(), c.address(), Optional.of(site.shown(c.since())), c.persons(), c.schools(),
                        c.evidence());
            }
            sb.append("</tbody></table>");
        }
        sb.append("</section><section aria-labelledby=\"dnc-h\"><h2 id=\"dnc-h\">Do not contact</h2>")
                .append("<p class=\"count\" id=\"dnc-count\">").append(String.format(Locale.US, "%,d address(es) whose"
                        + " owner opted out, unsubscribed, complained or is on the Do Not Call list: respect them, do not"
                        + " fix them.", lists.doNotContact().size())).append("</p>");
        if (!lists.doNotContact().isEmpty()) {
            header(sb, "do-not-contact", "Do not contact", false);
            for (DoNotContact c : lists.doNotContact()) {
                row(sb, user, c.channel(), c.address(), Optional.empty(), c.persons(), c.schools(), c.evidence());
            }
            sb.append("</tbody></table>");
        }
        sb.append("</section>");
        return Response.html(200, Pages.page("Contacts to fix", request.session(), sb.toString()));
    }

    private static void header(StringBuilder sb, String id, String caption, boolean since) {
        sb.append("<table class=\"grid\" id=\"").append(id).append("\"><caption class=\"sr\">").append(caption)
                .append("</caption><thead><tr><th scope=\"col\">Device</th>")
                .append(since ? "<th scope=\"col\">Failing since</th>" : "")
                .append("<th scope=\"col\">Persons</th><th scope=\"col\">Schools</th>")
                .append("<th scope=\"col\">Evidence: message, outcome, time</th></tr></thead><tbody>");
    }

    private void row(StringBuilder sb, DemoUser user, Channel channel, String address, Optional<String> since,
                     List<String> persons, List<String> schools, List<Evidence> evidence) {
        sb.append("<tr class=\"contact\"><th scope=\"row\" class=\"address\">")
                .append(Pages.text(channel.label() + ": " + address)).append("</th>");
        since.ifPresent(s -> sb.append("<td class=\"date since\">").append(Pages.text(s)).append("</td>"));
        sb.append("<td class=\"persons\">").append(Pages.text(String.join(", ", persons))).append("</td><td>")
                .append(Pages.text(String.join(", ", schools))).append("</td><td><ul class=\"devices\">");
        for (Evidence e : evidence) {
            sb.append("<li class=\"evidence\">")
                    .append(PageParts.messageLink(user, e.messageId(), Optional.empty(), e.messageId()))
                    .append(" &middot; ").append(Pages.text(e.describe())).append(" &middot; ")
                    .append(Pages.text(site.shown(e.at()))).append("</li>");
        }
        sb.append("</ul></td></tr>");
    }
}
