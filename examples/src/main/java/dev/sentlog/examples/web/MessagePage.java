package dev.sentlog.examples.web;

import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.MessageDetail;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.ReportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message's view (SPEC W2, S6-S8): its status and actions (Refresh; Cancel behind a confirmation
 * when the caller may cancel and the status allows it; Resend… to its preview, Y2-Y3), the Delivery Summary with each figure a link
 * to its rows (E1), the report options as a download form, the Filter Criteria Detail, the Message
 * Detail and the Delivery Detail rows (the first {@value #MAX_ROWS}; the report has them all).
 */
final class MessagePage implements Route {

    /** Detail rows shown on the page at most. */
    static final int MAX_ROWS = 500;
    private final Site site;

    MessagePage(Site site) {
        this.site = site;
    }

    /** The link to a message's page in a log. */
    static String link(String id, LogKind log) {
        return "/messages/" + Pages.url(id) + Pages.logQuery(log);
    }

    /** The figures the Delivery Summary shows, in order (D4; D5 combines Voice and Text when texting is on). */
    static List<Figure> shownFigures(DeliverySummary summary) {
        List<Figure> figures = new ArrayList<>(List.of(Figure.TOTAL_RECIPIENTS, Figure.TOTAL_NO_DEVICE,
                Figure.TOTAL_INBOX, Figure.TOTAL_EMAILS, Figure.TOTAL_EMAILS_ATTEMPTED));
        if (summary.textMessagingEnabled()) {
            figures.addAll(List.of(Figure.TOTAL_VOICE_TEXT, Figure.TOTAL_VOICE_TEXT_ATTEMPTED));
        } else {
            figures.addAll(List.of(Figure.TOTAL_VOICE, Figure.TOTAL_VOICE_ATTEMPTED));
        }
        figures.addAll(List.of(Figure.CONTACTED_BY_PHONE, Figure.NOT_CONTACTED_BY_PHONE));
        return figures;
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        LogKind log = request.log();
        Caller caller = request.caller();
        MessageView view = site.log().select(caller, id);
        Message message = site.log().printable(caller, id);
        StringBuilder sb = new StringBuilder();
        sb.append("<p class=\"status\" aria-live=\"polite\">Status: <strong id=\"status\">").append(Pages.text(view.row().status().label()))
                .append("</strong> &middot; created ").append(Pages.text(site.shown(view.row().createdAt())))
                .append(" by ").append(Pages.text(view.row().senderName())).append("</p>");
        actions(sb, request, id, log, caller, view);
        summary(sb, id, log, view.summary(), DeliveryAnalysis.of(message, site.log().settings().classifier()),
                !view.row().status().isFinal());
        reportForm(sb, request, id, log, view.reportOptions());
        view.filterCriteria().ifPresent(criteria -> filterCriteria(sb, criteria));
        detail(sb, view.detail(), log);
        deliveryDetail(sb, message, site.log().engagement(caller, id), view.reportOptions());
        sb.append("<p><a href=\"/search").append(Pages.logQuery(log)).append("\">Back to the search</a></p>");
        String title = view.row().subject().isBlank() ? "Message " + id : view.row().subject();
        return Response.html(200, Pages.page(title, request.session(), sb.toString()));
    }

    private static void actions(StringBuilder sb, Request request, String id, LogKind log, Caller caller,
                                MessageView view) {
        sb.append("<div class=\"actions\"><form method=\"post\" action=\"/messages/").append(Pages.attr(Pages.url(id)))
                .append("/refresh\">").append(Pages.formFields(request.session(), Optional.of(log)))
                .append("<button type=\"submit\" id=\"refresh\">Refresh Status</button></form>");
        if (caller.has(ToolRight.cancel(log)) && view.row().status().isCancelable()
                && view.summary().cancellation().isEmpty()) {
            sb.append(" <a class=\"button\" id=\"cancel\" href=\"/messages/").append(Pages.attr(Pages.url(id)))
                    .append("/cancel").append(Pages.logQuery(log)).append("\">Cancel message&hellip;</a>");
        }
        ResendLinks.action(sb, id, log, caller, view);
        sb.append("</div>");
    }

    /**
     * The Delivery Summary; while the message is not final, the section names its event stream and the
     * page loads the script that keeps the figures moving (E4). Without script they stay as loaded.
     */
    private void summary(StringBuilder sb, String id, LogKind log, DeliverySummary summary, DeliveryAnalysis analysis,
                         boolean live) {
        sb.append("<section aria-labelledby=\"summary-h\" id=\"summary-region\" aria-live=\"polite\"");
        if (live) {
            sb.append(" data-events=\"").append(Pages.attr(MessageEvents.link(id, log))).append('"');
        }
        sb.append("><h2 id=\"summary-h\">Delivery Summary</h2>")
                .append("<table class=\"pairs\" id=\"summary\"><tbody>");
        for (Figure f : shownFigures(summary)) {
            sb.append("<tr><th scope=\"row\">").append(Pages.text(f.label())).append("</th><td><a class=\"figure\" id=\"figure-")
                    .append(f.name()).append("\" href=\"/messages/").append(Pages.attr(Pages.url(id))).append("/figures/")
                    .append(f.name()).append(Pages.logQuery(log)).append("\">").append(analysis.figure(f))
                    .append("</a></td></tr>");
        }
        row(sb, "summary-start", "Start Time", summary.startedAt().map(site::shown).orElse(""));
        row(sb, "summary-end", "End Time", summary.endedAt().map(site::shown).orElse(""));
        row(sb, "summary-duration", "Duration", duration(summary));
        summary.cancellation().ifPresent(c -> row(sb, "Canceled by", c.by().name() + ", " + site.shown(c.at())));
        sb.append("</tbody></table></section>");
        if (live) {
            sb.append("<script src=\"").append(StaticFiles.LIVE_SCRIPT).append("\" defer></script>");
        }
    }

    /** The Duration as the summary shows it: whole minutes (D6), blank before the end. */
    static String duration(DeliverySummary summary) {
        return summary.durationMinutes().isPresent() ? summary.durationMinutes().getAsLong() + " minutes" : "";
    }

    private static void row(StringBuilder sb, String valueId, String label, String value) {
        sb.append("<tr><th scope=\"row\">").append(Pages.text(label)).append("</th><td id=\"").append(valueId).append("\">")
                .append(Pages.text(value)).append("</td></tr>");
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("<tr><th scope=\"row\">").append(Pages.text(label)).append("</th><td>").append(Pages.text(value))
                .append("</td></tr>");
    }

    private static void reportForm(StringBuilder sb, Request request, String id, LogKind log,
                                   ApplicableReportOptions options) {
        sb.append("<section aria-labelledby=\"report-h\"><h2 id=\"report-h\">Report Options</h2>")
                .append("<form class=\"report\" method=\"get\" action=\"/messages/").append(Pages.attr(Pages.url(id)))
                .append("/report\"><input type=\"hidden\" name=\"log\" value=\"").append(Request.logParam(log)).append("\">")
                .append("<fieldset><legend>Devices</legend>");
        for (DeviceChoice d : options.devices()) {
            String fid = "device-" + d.name();
            sb.append("<span class=\"choice\"><input type=\"checkbox\" name=\"devices\" id=\"").append(fid).append("\" value=\"")
                    .append(d.name()).append("\" checked><label for=\"").append(fid).append("\">").append(Pages.text(d.label()))
                    .append("</label></span> ");
        }
        sb.append("</fieldset><fieldset><legend>Detail</legend>");
        for (ReportDetail d : options.details()) {
            String fid = "detail-" + d.name();
            sb.append("<span class=\"choice\"><input type=\"radio\" name=\"detail\" id=\"").append(fid).append("\" value=\"")
                    .append(d.name()).append('"').append(d == ReportDetail.ALL ? " checked" : "").append("><label for=\"")
                    .append(fid).append("\">").append(Pages.text(d.label())).append("</label></span> ");
        }
        sb.append("</fieldset><label for=\"format\">Format</label> <select id=\"format\" name=\"format\">");
        for (ReportFormat f : ReportFormat.values()) {
            sb.append("<option value=\"").append(f.name()).append("\">").append(f.name()).append("</option>");
        }
        sb.append("</select> <button type=\"submit\" id=\"download\">Download report</button></form></section>");
    }

    private static void filterCriteria(StringBuilder sb, List<FilterCriterion> criteria) {
        sb.append("<section aria-labelledby=\"criteria-h\"><h2 id=\"criteria-h\">Filter Criteria Detail</h2>")
                .append("<table class=\"pairs\"><tbody>");
        for (FilterCriterion c : criteria) {
            sb.append("<tr><th scope=\"row\">").append(Pages.text(c.label())).append("</th><td>");
            c.value().ifPresent(v -> sb.append(Pages.text(v)));
            c.table().ifPresent(t -> table(sb, c.label(), t));
            sb.append("</td></tr>");
        }
        sb.append("</tbody></table></section>");
    }

    private static void table(StringBuilder sb, String label, FilterTable t) {
        sb.append("<table class=\"inner\"><caption class=\"sr\">").append(Pages.text(label)).append("</caption><thead><tr>");
        t.columns().forEach(c -> sb.append("<th scope=\"col\">").append(Pages.text(c)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            r.forEach(cell -> sb.append("<td>").append(Pages.text(cell)).append("</td>"));
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
    }

    private static void detail(StringBuilder sb, MessageDetail d, LogKind log) {
        sb.append("<section aria-labelledby=\"detail-h\"><h2 id=\"detail-h\">Message Detail</h2>")
                .append("<table class=\"pairs\" id=\"message-detail\"><tbody>");
        if (!d.scheduleName().isBlank()) {
            row(sb, "Schedule Name", d.scheduleName());
        }
        row(sb, "Message Type", d.messageType());
        row(sb, "District/School", d.districtOrSchool());
        row(sb, "Caller ID", d.callerId());
        row(sb, "Sender Email", d.senderEmail());
        row(sb, "Reply To Email", d.replyToEmail());
        row(sb, "Subject", d.subject());
        row(sb, "Message", d.body());
        row(sb, "Text Message", d.text());
        d.emailAttachment().ifPresent(f -> row(sb, "Email Attachment", f.name()));
        d.audioFile().ifPresent(f -> row(sb, "Audio File", f.name()));
        ResendLinks.detailRows(sb, d, log);
        sb.append("</tbody></table></section>");
    }

    private void deliveryDetail(StringBuilder sb, Message message, MessageEngagement engagement,
                                ApplicableReportOptions options) {
        ReportModel model = site.reports().model(message, engagement, ReportOptions.of(options.devices(),
                ReportDetail.ALL, ReportFormat.CSV));
        sb.append("<section aria-labelledby=\"rows-h\"><h2 id=\"rows-h\">Delivery Detail</h2>")
                .append("<table class=\"grid\" id=\"detail-rows\"><caption class=\"sr\">Delivery Detail</caption><thead><tr>");
        for (String c : ReportModel.DETAIL_COLUMNS) {
            sb.append("<th scope=\"col\">").append(Pages.text(c)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int shown = 0;
        boolean more = false;
        for (DetailRow r : model.rows()) {
            if (shown == MAX_ROWS) {
                more = true;
                break;
            }
            sb.append("<tr>");
            for (String cell : r.cells(DetailRow.DUPLICATE_MARK)) {
                sb.append("<td>").append(Pages.text(cell)).append("</td>");
            }
            sb.append("</tr>");
            shown++;
        }
        sb.append("</tbody></table>");
        if (more) {
            sb.append("<p class=\"notice\">").append(String.format(Locale.US, "The first %,d rows are shown; download the"
                    + " report for every row.", MAX_ROWS)).append("</p>");
        }
        for (String line : model.legend(DetailRow.DUPLICATE_MARK)) {
            sb.append("<p class=\"legend\">").append(Pages.text(line)).append("</p>");
        }
        sb.append("</section>");
    }
}
