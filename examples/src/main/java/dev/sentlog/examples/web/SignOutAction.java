package dev.sentlog.examples.web;

import java.util.regex.Pattern;

/** Signing out: the session ends and the browser gets a fresh one without a user. */
final class SignOutAction implements Route {

    private static final Pattern PATH = Pattern.compile("/sign-out");
    private final Sessions sessions;

    SignOutAction(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Pattern path() {
        return PATH;
    }

    @Override
    public boolean needsUser() {
        return false;
    }

    @Override
    public Response post(Request request) {
        sessions.end(request.session());
        return Response.seeOther("/sign-in").withSession(sessions.create());
    }
}
