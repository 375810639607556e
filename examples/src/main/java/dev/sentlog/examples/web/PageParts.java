package dev.sentlog.examples.web;

import dev.sentlog.core.log.AccessDeniedException;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.log.ToolRight;
import dev.sentlog.core.message.Device;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * What several pages share (SPEC W2, S1, H1-H4): the created-days range of their forms (S1), a
 * link to a message that the user may view, and a device as one line of text.
 */
final class PageParts {

    /** Without dates, the range is the last this many days up to today (the demo's week). */
    static final int DEFAULT_DAYS = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private PageParts() {
    }

    /**
     * A range of created days from the request's {@code from} and {@code to} (yyyy-MM-dd).
     *
     * @param from the first day
     * @param to   the last day
     */
    record Days(LocalDate from, LocalDate to) {

        /** The range asked for; a missing end is today, a missing start {@value #DEFAULT_DAYS} days before the end. */
        static Days of(Request request, Site site) {
            LocalDate to = day(request, "to").orElseGet(site::today);
            LocalDate from = day(request, "from").orElse(to.minusDays(DEFAULT_DAYS - 1L));
            return new Days(from, to);
        }

        /** The range as a query string's parameters: {@code from=...&to=...}. */
        String query() {
            return "from=" + from + "&to=" + to;
        }

        /** The range as people read it. */
        String shown() {
            return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
        }

        /** The form's fieldset of the two days. */
        String fieldset() {
            return "<fieldset><legend>Messages created</legend>"
                    + "<label for=\"from\">From</label> <input type=\"date\" id=\"from\" name=\"from\" value=\"" + from
                    + "\" required> <label for=\"to\">To</label> <input type=\"date\" id=\"to\" name=\"to\" value=\""
                    + to + "\" required></fieldset>";
        }
    }

    /** A day parameter written yyyy-MM-dd, or empty when absent; a bad one is a 400 naming the parameter. */
    static Optional<LocalDate> day(Request request, String name) {
        return request.param(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("the date '" + name + "' must be written yyyy-MM-dd");
            }
        });
    }

    /**
     * The log in which a user may view a message of their schools: the administration log when they
     * may read it, else their own log when they sent the message (T1, T2).
     *
     * @param user     the user
     * @param senderId the message's sender, when known
     * @return the log, or empty when the user may not view the message
     */
    static Optional<LogKind> viewableIn(DemoUser user, Optional<String> senderId) {
        Caller caller = user.caller();
        if (caller.has(ToolRight.READ_ADMINISTRATION_LOG)) {
            return Optional.of(LogKind.ADMINISTRATION);
        }
        if (caller.has(ToolRight.READ_OWN_LOG) && senderId.filter(caller.userId()::equals).isPresent()) {
            return Optional.of(LogKind.OWN);
        }
        return Optional.empty();
    }

    /** A message's id or subject as HTML: a link to its page when the user may view it, else text. */
    static String messageLink(DemoUser user, String messageId, Optional<String> senderId, String shown) {
        return viewableIn(user, senderId)
                .map(log -> "<a href=\"" + Pages.attr(MessagePage.link(messageId, log)) + "\">" + Pages.text(shown) + "</a>")
                .orElseGet(() -> Pages.text(shown));
    }

    /** A device as text: {@code Voice: (555) 123-4567}. */
    static String device(Device d) {
        return d.channel().label() + ": " + d.address();
    }

    /** Fails with the page's 403 unless the user holds a right (the form alone needs it too). */
    static Caller requireRight(Request request, ToolRight right) {
        Caller caller = request.user().caller();
        if (!caller.has(right)) {
            throw new AccessDeniedException(caller.userId(), right);
        }
        return caller;
    }
}
