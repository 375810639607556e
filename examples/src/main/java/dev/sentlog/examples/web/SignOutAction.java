package dev.sentlog.examples.web;


/** Signing out: the session ends and the browser gets a fresh one without a user. */
final class SignOutAction implements Route {

    private final Sessions sessions;

    SignOutAction(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Response post(Request request) {
        sessions.end(request.session());
        return Response.seeOther("/sign-in").withSession(sessions.create());
    }
}
