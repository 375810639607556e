package dev.sentlog.examples.web;

import java.util.Optional;

/**
 * The demo sign-in (SPEC W3): the demo users to choose from, each with what they may do. Signing in
 * starts a new session (new id, new token).
 */
final class SignInPage implements Route {

    private final Sessions sessions;

    SignInPage(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Response get(Request request) {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>This is the demo district. Choose whom to sign in as; each sees what their rights allow.</p>")
                .append("<form method=\"post\" action=\"/sign-in\">")
                .append(Pages.formFields(request.session(), Optional.empty()))
                .append("<fieldset><legend>Sign in as</legend>");
        boolean first = true;
        for (DemoUser u : DemoUser.all()) {
            String id = "user-" + u.key();
            sb.append("<div class=\"choice\"><input type=\"radio\" name=\"user\" id=\"").append(id)
                    .append("\" value=\"").append(Pages.attr(u.key())).append('"').append(first ? " checked" : "")
                    .append("><label for=\"").append(id).append("\"><strong>").append(Pages.text(u.caller().displayName()))
                    .append("</strong>, ").append(Pages.text(u.role())).append("</label></div>");
            first = false;
        }
        sb.append("</fieldset><button type=\"submit\">Sign in</button></form>");
        return Response.html(200, Pages.page("Sign in", request.session(), sb.toString()));
    }

    @Override
    public Response post(Request request) {
        DemoUser user = request.param("user").flatMap(DemoUser::byKey)
                .orElseThrow(() -> new BadRequestException("choose one of the demo users"));
        return Response.seeOther("/search").withSession(sessions.signIn(request.session(), user));
    }
}
