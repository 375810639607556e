package dev.sentlog.examples.web;

import java.time.Instant;
import java.util.Optional;

/**
 * One browser's session: its id (the cookie), the token every state-changing form must carry
 * (SPEC W4), the signed-in user if any, and when it was last used. Immutable; the
 * {@link Sessions} replace it.
 *
 * @param id       the session id, the cookie's value
 * @param token    the per-session token of the forms
 * @param user     the signed-in user, or null before sign-in
 * @param lastSeen when the session was last used
 */
record Session(String id, String token, DemoUser user, Instant lastSeen) {

    /** The signed-in user. */
    Optional<DemoUser> signedIn() {
        return Optional.ofNullable(user);
    }
}
