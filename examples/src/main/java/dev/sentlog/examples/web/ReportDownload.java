package dev.sentlog.examples.web;

import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Sent Message Report download (SPEC W2, P1-P9): the options of the message page's form, checked
 * before anything is sent (a refusal is a 400 page), then the report streamed as it is written, as an
 * attachment named {@code sent-message-report-<id>.<ext>} with every character outside
 * {@code [A-Za-z0-9._-]} of the id replaced by {@code _}.
 */
final class ReportDownload implements Route {

    private final Site site;

    ReportDownload(Site site) {
        this.site = site;
    }

    /** The file name of a message's report: only safe characters, never a quote or a path. */
    static String fileName(String messageId, ReportFormat format) {
        String safe = messageId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 64) {
            safe = safe.substring(0, 64);
        }
        return "sent-message-report-" + safe + "." + format.extension();
    }

    @Override
    public Response get(Request request) {
        String id = request.pathPart(1);
        Set<DeviceChoice> devices = EnumSet.noneOf(DeviceChoice.class);
        for (String d : request.all("devices")) {
            devices.add(value(DeviceChoice.class, d, "device"));
        }
        if (devices.isEmpty()) {
            throw new BadRequestException("choose at least one device for the report");
        }
        ReportDetail detail = value(ReportDetail.class, request.param("detail").orElse("ALL"), "detail");
        ReportFormat format = value(ReportFormat.class, request.param("format").orElse("PDF"), "format");
        Message message = site.log().printable(request.caller(), id);
        ReportOptions options = ReportOptions.of(devices, detail, format);
        SentMessageReport.validate(message, options);
        MessageEngagement engagement = site.log().engagement(request.caller(), id);
        return Response.download(format.mediaType(), fileName(id, format),
                out -> site.reports().write(message, engagement, options, out));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("there is no report " + what + " '" + name + "'");
        }
    }
}
