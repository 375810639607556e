package dev.sentlog.examples.web;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachContact;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import java.util.Locale;
import java.util.Optional;

/**
 * Household reach (SPEC W2, H4): a range of created days, then the students nobody reached in the
 * Messenger messages created in it, school by school, with each person to phone and their devices, and
 * a link to the same as CSV ({@link HouseholdReachDownload}). Needs {@link ToolRight#RECIPIENT_LOG};
 * only the user's schools count (T3).
 */
final class HouseholdReachPage implements Route {

    private final Site site;

    HouseholdReachPage(Site site) {
        this.site = site;
    }

    /** The household reach a request asks for, after checking the right and the days. */
    static HouseholdReach read(Site site, Request request, PageParts.Days days) {
        Caller caller = PageParts.requireRight(request, ToolRight.RECIPIENT_LOG);
        return site.log().householdReach(caller, ReachQuery.messengerMessages(days.from(), days.to()));
    }

    @Override
    public Response get(Request request) {
        PageParts.Days days = PageParts.Days.of(request, site);
        HouseholdReach reach = read(site, request, days);
        DemoUser user = request.user();
        StringBuilder sb = new StringBuilder();
        sb.append("<form class=\"search\" method=\"get\" action=\"/reach\">").append(days.fieldset())
                .append("<button type=\"submit\" id=\"show\">Show students not reached</button></form>")
                .append("<p class=\"count\" id=\"reach-count\">").append(String.format(Locale.US, "%,d of %,d student(s)"
                        + " nobody reached in %,d Messenger message(s) created %s.", reach.unreachedCount(),
                        reach.studentsConsidered(), reach.messagesConsidered(), days.shown())).append("</p>")
                .append("<p><a class=\"button\" id=\"reach-csv\" href=\"/reach/csv?").append(Pages.attr(days.query()))
                .append("\">Download as CSV</a></p>");
        for (SchoolReach school : reach.schools()) {
            String h = "school-" + reach.schools().indexOf(school);
            sb.append("<section aria-labelledby=\"").append(h).append("\"><h2 id=\"").append(h).append("\">")
                    .append(Pages.text(school.school())).append("</h2><table class=\"grid reach\"><caption class=\"sr\">")
                    .append("Students not reached at ").append(Pages.text(school.school())).append("</caption><thead><tr>")
                    .append("<th scope=\"col\">Student</th><th scope=\"col\">Persons to phone and their devices</th>")
                    .append("<th scope=\"col\">Messages</th></tr></thead><tbody>");
            for (UnreachedStudent s : school.students()) {
                sb.append("<tr class=\"student\" data-id=\"").append(Pages.attr(s.student().id())).append("\"><th scope=\"row\">")
                        .append(Pages.text(s.student().name())).append("</th><td><ul class=\"devices\">");
                for (ReachContact c : s.contacts()) {
                    sb.append("<li class=\"contact\">").append(Pages.text(c.person().name()));
                    if (c.devices().isEmpty()) {
                        sb.append(" &middot; <span class=\"muted\">No Device</span>");
                    }
                    for (Device d : c.devices()) {
                        sb.append(" &middot; ").append(Pages.text(PageParts.device(d))).append(" <span class=\"muted\">(")
                                .append(Pages.text(d.outcome().display())).append(")</span>");
                    }
                    sb.append("</li>");
                }
                sb.append("</ul></td><td>");
                for (String id : s.messageIds()) {
                    sb.append(PageParts.messageLink(user, id, Optional.empty(), id)).append(' ');
                }
                sb.append("</td></tr>");
            }
            sb.append("</tbody></table></section>");
        }
        return Response.html(200, Pages.page("Household reach", request.session(), sb.toString()));
    }
}
