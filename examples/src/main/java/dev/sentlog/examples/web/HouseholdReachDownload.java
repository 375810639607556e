package dev.sentlog.examples.web;

import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.report.reach.HouseholdReachCsv;

/**
 * Household reach as CSV (SPEC W2, H4, P9): computed and checked before anything is sent (a bad range
 * is a 400 page), then streamed as an attachment named {@code household-reach-<from>-to-<to>.csv},
 * whose only characters are digits, letters and dashes.
 */
final class HouseholdReachDownload implements Route {

    private final Site site;

    HouseholdReachDownload(Site site) {
        this.site = site;
    }

    /** The file name of a range's CSV. */
    static String fileName(PageParts.Days days) {
        return "household-reach-" + days.from() + "-to-" + days.to() + ".csv";
    }

    @Override
    public Response get(Request request) {
        PageParts.Days days = PageParts.Days.of(request, site);
        HouseholdReach reach = HouseholdReachPage.read(site, request, days);
        return Response.download("text/csv; charset=utf-8", fileName(days), out -> HouseholdReachCsv.write(reach, out));
    }
}
