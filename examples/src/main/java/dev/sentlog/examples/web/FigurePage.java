package dev.sentlog.examples.web;

import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.CountedItem;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeviceRef;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.core.totals.FigureExplanation;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rows behind one Delivery Summary figure (SPEC W2, E1): one row per counted address or person,
 * in recipient-list order, with the devices behind it, their status and outcome class and the
 * duplicate mark (D2). The number of rows is the figure.
 */
final class FigurePage implements Route {

    private final Site site;

    FigurePage(Site site) {
        this.site = site;
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        LogKind log = request.log();
        Message message = site.log().printable(request.caller(), id);
        Figure figure;
        try {
            figure = Figure.valueOf(request.pathPart(2));
        } catch (IllegalArgumentException e) {
            return Pages.notFound(request.session());
        }
        FigureExplanation explained = DeliveryAnalysis.of(message, site.log().settings().classifier()).explain(figure);
        boolean addresses = figure.counts() == Figure.Counts.ADDRESSES;
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Message: <a href=\"/messages/").append(Pages.attr(Pages.url(id))).append(Pages.logQuery(log))
                .append("\">").append(Pages.text(message.subject())).append("</a></p>")
                .append("<p id=\"figure-count\" role=\"status\">").append(explained.count())
                .append(addresses ? " distinct address(es)" : " person(s)").append(" counted.</p>")
                .append("<table class=\"grid\" id=\"figure-rows\"><caption class=\"sr\">").append(Pages.text(figure.label()))
                .append("</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">")
                .append(addresses ? "Address" : "Recipient").append("</th><th scope=\"col\">Devices behind it</th></tr></thead><tbody>");
        int n = 0;
        for (CountedItem item : explained.items()) {
            n++;
            sb.append("<tr class=\"item\"><td>").append(n).append("</td><td>");
            if (item instanceof CountedItem.Address a) {
                sb.append(Pages.text(a.address())).append(" <span class=\"muted\">(")
                        .append(Pages.text(a.channels().stream().map(c -> c.label()).collect(Collectors.joining(", "))))
                        .append(")</span>");
            } else if (item instanceof CountedItem.Recipient r) {
                sb.append(Pages.text(r.person().name()));
            }
            sb.append("</td><td>");
            if (item.devices().isEmpty()) {
                sb.append("<span class=\"muted\">no device</span>");
            } else {
                sb.append("<ul class=\"devices\">");
                for (DeviceRef d : item.devices()) {
                    sb.append("<li>").append(Pages.text(String.format(Locale.ROOT, "entry %d, %s: %s %s, %s (%s)",
                            d.entryIndex() + 1, d.person().name(), d.device().channel().label(), d.device().address(),
                            d.device().outcome().display(), d.outcomeClass().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
                    if (d.duplicate()) {
                        sb.append(" <span class=\"dup\">duplicate, not counted again</span>");
                    }
                    sb.append("</li>");
                }
                sb.append("</ul>");
            }
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table>");
        return Response.html(200, Pages.page(figure.label() + ": " + explained.count(), request.session(), sb.toString()));
    }
}
