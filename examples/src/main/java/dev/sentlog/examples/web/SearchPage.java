package dev.sentlog.examples.web;

import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.search.Column;
import dev.sentlog.core.search.ColumnFilter;
import dev.sentlog.core.search.InvalidDateRangeException;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.search.Sort;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search and its grid (SPEC W2, S1-S5): a date range and the log to search, a dropdown filter
 * per pick-list column (the values the result holds, S3), the partial date filters (S4), sortable
 * headers (S5) and the notice when the result was cut (S2). Everything is a GET, so a view can be
 * bookmarked: {@code from}, {@code to}, {@code log}, {@code f_<COLUMN>} and {@code sort}/{@code dir}.
 */
final class SearchPage implements Route {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private final Site site;

    SearchPage(Site site) {
        this.site = site;
    }

    @Override
    public Response get(Request request) {
        LogKind log = request.log();
        LocalDate to = PageParts.day(request, "to").orElseGet(site::today);
        LocalDate from = PageParts.day(request, "from").orElse(to);
        List<ColumnFilter> filters = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.isPickList() || c.isDateText()) {
                request.param(filterName(c)).ifPresent(v -> filters.add(ColumnFilter.of(c, v)));
            }
        }
        Column sortColumn = request.param("sort").map(SearchPage::column).orElse(Column.DATE_CREATED);
        boolean ascending = request.param("dir").map(d -> d.equals("asc")).orElse(request.param("sort").isPresent());
        Sort sort = new Sort(sortColumn, ascending);

        StringBuilder sb = new StringBuilder();
        SearchResult result = null;
        String rangeError = null;
        try {
            result = site.log().search(request.user().in(log), SearchCriteria.createdBetween(from, to));
        } catch (InvalidDateRangeException e) {
            rangeError = e.getMessage();
        }
        form(sb, request, log, from, to, result, filters);
        if (rangeError != null) {
            sb.append("<p class=\"error\" role=\"alert\">").append(Pages.text(rangeError)).append("</p>");
        } else {
            grid(sb, request, log, from, to, result, filters, sort);
        }
        return Response.html(200, Pages.page("Sent Message Log", request.session(), sb.toString()));
    }

    private static String filterName(Column c) {
        return "f_" + c.name();
    }

    private static Column column(String name) {
        try {
            return Column.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("there is no column '" + name + "' to sort by");
        }
    }

    private void form(StringBuilder sb, Request request, LogKind log, LocalDate from, LocalDate to,
                      SearchResult result, List<ColumnFilter> filters) {
        sb.append("<form class=\"search\" method=\"get\" action=\"/search\">")
                .append("<fieldset><legend>Messages created</legend>")
                .append("<label for=\"from\">From</label> <input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(from).append("\" required> ")
                .append("<label for=\"to\">To</label> <input type=\"date\" id=\"to\" name=\"to\" value=\"")
                .append(to).append("\" required></fieldset>");
        List<LogKind> logs = request.user().logs();
        sb.append("<fieldset><legend>Log</legend>");
        for (LogKind k : logs) {
            String id = "log-" + Request.logParam(k);
            sb.append("<span class=\"choice\"><input type=\"radio\" name=\"log\" id=\"").append(id).append("\" value=\"")
                    .append(Request.logParam(k)).append('"').append(k == log ? " checked" : "").append("><label for=\"")
                    .append(id).append("\">").append(k == LogKind.OWN ? "My messages" : "Administration (all senders)")
                    .append("</label></span> ");
        }
        sb.append("</fieldset>");
        if (result != null) {
            sb.append("<fieldset class=\"filters\"><legend>Filter the result</legend>");
            for (Column c : Column.values()) {
                String current = filters.stream().filter(f -> f.column() == c).map(ColumnFilter::value).findFirst()
                        .orElse("");
                String id = filterName(c);
                if (c.isPickList()) {
                    sb.append("<span class=\"filter\"><label for=\"").append(id).append("\">").append(Pages.text(c.label()))
                            .append("</label> <select id=\"").append(id).append("\" name=\"").append(id)
                            .append("\"><option value=\"\">All</option>");
                    for (String v : result.values(c)) {
                        sb.append("<option value=\"").append(Pages.attr(v)).append('"').append(v.equals(current) ? " selected" : "")
                                .append('>').append(Pages.text(v)).append("</option>");
                    }
                    sb.append("</select></span> ");
                } else if (c.isDateText()) {
                    sb.append("<span class=\"filter\"><label for=\"").append(id).append("\">").append(Pages.text(c.label()))
                            .append(" contains</label> <input type=\"text\" id=\"").append(id).append("\" name=\"").append(id)
                            .append("\" value=\"").append(Pages.attr(current)).append("\" placeholder=\"05/01 or 8:30 am\" size=\"14\"></span> ");
                }
            }
            sb.append("</fieldset>");
        }
        sb.append("<button type=\"submit\">Search</button></form>");
    }

    private void grid(StringBuilder sb, Request request, LogKind log, LocalDate from, LocalDate to, SearchResult result,
                      List<ColumnFilter> filters, Sort sort) {
        List<MessageRow> rows = result.view(filters, sort);
        sb.append("<p class=\"count\" role=\"status\">").append(result.rows().size()).append(" message(s) created from ")
                .append(DAY.format(from)).append(" to ").append(DAY.format(to)).append(" in the ")
                .append(Pages.text(log.label()));
        if (!filters.isEmpty()) {
            sb.append("; ").append(rows.size()).append(" shown after the filters");
        }
        sb.append(".</p>");
        if (result.isCut()) {
            sb.append("<p class=\"notice\" id=\"cut-notice\" role=\"status\">").append(String.format(Locale.US,
                    "%,d messages matched; only the %,d most recently created are shown. Narrow the date range to see"
                            + " the others.", result.totalMatched(), result.rows().size())).append("</p>");
        }
        String base = "/search?from=" + from + "&to=" + to + "&log=" + Request.logParam(log) + filterQuery(filters);
        sb.append("<table class=\"grid\" id=\"grid\"><caption>Messages</caption><thead><tr>");
        for (Column c : Column.values()) {
            boolean sorted = sort.column() == c;
            boolean nextAscending = !sorted || !sort.ascending();
            sb.append("<th scope=\"col\"").append(sorted ? " aria-sort=\"" + (sort.ascending() ? "ascending" : "descending")
                    + "\"" : "").append("><a href=\"").append(Pages.attr(base + "&sort=" + c.name() + "&dir="
                    + (nextAscending ? "asc" : "desc"))).append("\">").append(Pages.text(c.label()))
                    .append(sorted ? (sort.ascending() ? " <span aria-hidden=\"true\">&#9650;</span>"
                            : " <span aria-hidden=\"true\">&#9660;</span>") : "").append("</a></th>");
        }
        sb.append("</tr></thead><tbody>");
        for (MessageRow r : rows) {
            sb.append("<tr data-id=\"").append(Pages.attr(r.id())).append("\">");
            for (Column c : Column.values()) {
                String cell = r.cell(c, site.log().zone());
                if (c == Column.SUBJECT) {
                    sb.append("<td><a href=\"/messages/").append(Pages.attr(Pages.url(r.id()))).append(Pages.logQuery(log))
                            .append("\">").append(Pages.text(cell.isBlank() ? "(no subject)" : cell)).append("</a></td>");
                } else {
                    sb.append(c.isDateText() ? "<td class=\"date\">" : "<td>").append(Pages.text(cell)).append("</td>");
                }
            }
            sb.append("</tr>");
        }
        if (rows.isEmpty()) {
            sb.append("<tr><td colspan=\"").append(Column.values().length).append("\">No message.</td></tr>");
        }
        sb.append("</tbody></table>");
    }

    private static String filterQuery(List<ColumnFilter> filters) {
        StringBuilder q = new StringBuilder();
        for (ColumnFilter f : filters) {
            q.append('&').append(filterName(f.column())).append('=').append(Pages.url(f.value()));
        }
        return q.toString();
    }
}
