package dev.sentlog.examples.web;


/** Refresh Status (SPEC W2, R1): a POST that asks the providers and goes back to the message. */
final class RefreshAction implements Route {

    private final Site site;

    RefreshAction(Site site) {
        this.site = site;
    }

    @Override
    public Response post(Request request) {
        String id = request.pathPart(1);
        site.log().refresh(request.caller(), id);
        return Response.seeOther(MessagePage.link(id, request.log()));
    }
}
