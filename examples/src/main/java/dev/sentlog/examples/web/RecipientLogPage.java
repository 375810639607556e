package dev.sentlog.examples.web;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogRow;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.spi.Channel;
import java.util.Locale;
import java.util.Optional;

/**
 * The Recipient Log (SPEC W2, H1, H2): a form asking for a person id, or an address with its channel,
 * and a range of created days; then the messages sent to it, newest first, with the notice when the
 * result was cut (S2). Each row shows the message (linking to its page when the user may view it), the
 * person's devices in it with outcome and time (a duplicate shows the outcome it shares, D3) and
 * whether the person was reached. Needs {@link ToolRight#RECIPIENT_LOG}; only the user's schools
 * count, so a person they may not see answers exactly as one with no messages. A GET, so it can be
 * bookmarked: {@code person} or {@code address} and {@code channel}, {@code from}, {@code to}.
 */
final class RecipientLogPage implements Route {

    private final Site site;

    RecipientLogPage(Site site) {
        this.site = site;
    }

    @Override
    public Response get(Request request) {
        Caller caller = PageParts.requireRight(request, ToolRight.RECIPIENT_LOG);
        PageParts.Days days = PageParts.Days.of(request, site);
        Optional<String> person = request.param("person");
        Optional<String> address = request.param("address");
        Channel channel = channel(request, address);
        if (person.isPresent() && address.isPresent()) {
            throw new BadRequestException("give a person id or an address, not both");
        }
        StringBuilder sb = new StringBuilder();
        form(sb, days, person, address, channel);
        if (person.isPresent() || address.isPresent()) {
            RecipientQuery query;
            String whom;
            if (person.isPresent()) {
                query = RecipientQuery.person(person.get(), days.from(), days.to());
                whom = "person " + person.get();
            } else {
                if (Addresses.normalise(channel, address.get()).isBlank()) {
                    // the address is personal data: the answer names the field, never its value
                    throw new BadRequestException("the address is no " + channel.label() + " address (nothing is"
                            + " left of it once normalised)");
                }
                query = RecipientQuery.address(channel, address.get(), days.from(), days.to());
                whom = channel.label() + " address " + address.get();
            }
            rows(sb, request.user(), site.log().recipientLog(caller, query), whom, days);
        }
        return Response.html(200, Pages.page("Recipient Log", request.session(), sb.toString()));
    }

    private static Channel channel(Request request, Optional<String> address) {
        Optional<String> named = request.param("channel");
        if (named.isEmpty()) {
            if (address.filter(a -> !a.contains("@")).isPresent()) {
                throw new BadRequestException("say which channel the address is on: INBOX, EMAIL, VOICE or TEXT");
            }
            return Channel.EMAIL;
        }
        try {
            return Channel.valueOf(named.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("the channel must be INBOX, EMAIL, VOICE or TEXT");
        }
    }

    private static void form(StringBuilder sb, PageParts.Days days, Optional<String> person,
                             Optional<String> address, Channel channel) {
        sb.append("<form class=\"search\" method=\"get\" action=\"/recipients\">")
                .append("<fieldset><legend>Whose messages</legend>")
                .append("<label for=\"person\">Person id</label> <input type=\"text\" id=\"person\" name=\"person\" value=\"")
                .append(Pages.attr(person.orElse(""))).append("\"> <span class=\"muted\">or</span> ")
                .append("<label for=\"address\">Address</label> <input type=\"text\" id=\"address\" name=\"address\"")
                .append(" value=\"").append(Pages.attr(address.orElse(""))).append("\"> ")
                .append("<label for=\"channel\">on</label> <select id=\"channel\" name=\"channel\">");
        for (Channel c : Channel.values()) {
            sb.append("<option value=\"").append(c.name()).append('"').append(c == channel ? " selected" : "").append('>')
                    .append(Pages.text(c.label())).append("</option>");
        }
        sb.append("</select></fieldset>").append(days.fieldset())
                .append("<button type=\"submit\" id=\"show\">Show messages</button></form>");
    }

    private void rows(StringBuilder sb, DemoUser user, RecipientLog log, String whom, PageParts.Days days) {
        sb.append("<h2 id=\"rows-h\">Messages sent to ").append(Pages.text(whom)).append("</h2>")
                .append("<p class=\"count\" id=\"recipient-count\">").append(String.format(Locale.US,
                        "%,d message(s) created %s.", log.totalMatched(), days.shown())).append("</p>");
        if (log.isCut()) {
            sb.append("<p class=\"notice\" id=\"cut-notice\" role=\"status\">").append(String.format(Locale.US,
                    "%,d messages matched; only the %,d most recently created are shown. Narrow the date range to see"
                            + " the others.", log.totalMatched(), log.rows().size())).append("</p>");
        }
        if (log.rows().isEmpty()) {
            return;
        }
        sb.append("<table class=\"grid\" id=\"recipient-rows\" aria-labelledby=\"rows-h\"><thead><tr>")
                .append("<th scope=\"col\">Date Created</th><th scope=\"col\">Message Subject</th>")
                .append("<th scope=\"col\">Message Type</th><th scope=\"col\">Sender</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Reached</th><th scope=\"col\">Devices, outcome and time</th></tr></thead><tbody>");
        for (RecipientLogRow row : log.rows()) {
            sb.append("<tr data-id=\"").append(Pages.attr(row.messageId())).append("\"><td class=\"date\">")
                    .append(Pages.text(site.shown(row.createdAt()))).append("</td><td>")
                    .append(PageParts.messageLink(user, row.messageId(), Optional.of(row.sender().id()),
                            row.subject().isBlank() ? row.messageId() : row.subject()))
                    .append("</td><td>").append(Pages.text(row.messageType())).append("</td><td>")
                    .append(Pages.text(row.sender().name())).append("</td><td>").append(Pages.text(row.status().label()))
                    .append("</td><td class=\"reached\">").append(row.reached() ? "yes" : "no").append("</td><td>");
            devices(sb, row);
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table>");
    }

    private void devices(StringBuilder sb, RecipientLogRow row) {
        if (row.devices().isEmpty()) {
            sb.append("<span class=\"muted\">No Device</span>");
            return;
        }
        sb.append("<ul class=\"devices\">");
        for (RecipientDevice d : row.devices()) {
            sb.append("<li class=\"device\">").append(Pages.text(d.person().name()));
            d.student().filter(s -> !s.equals(d.person()))
                    .ifPresent(s -> sb.append(" <span class=\"muted\">(about ").append(Pages.text(s.name())).append(")</span>"));
            sb.append(" &middot; ").append(Pages.text(d.channel().label() + ": " + d.address())).append(" &middot; <span class=\"outcome\">")
                    .append(Pages.text(d.outcome().display())).append("</span>");
            d.time().ifPresent(t -> sb.append(" &middot; ").append(Pages.text(site.shown(t))));
            if (d.duplicate()) {
                sb.append(" <span class=\"dup\">duplicate: the outcome it shares</span>");
            }
            // H5: the device's own feedback, beside its outcome and never instead of it
            d.engagement().ifPresent(e -> sb.append(" &middot; <span class=\"engagement\">")
                    .append(Pages.text(e.describe(site::shown))).append("</span>"));
            sb.append("</li>");
        }
        sb.append("</ul>");
    }
}
