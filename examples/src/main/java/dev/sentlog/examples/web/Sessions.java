package dev.sentlog.examples.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sessions of the web page: random ids and tokens (256 bits from {@link SecureRandom}), an idle
 * time after which a session is gone, and at most a bounded number kept, the least recently used
 * dropped first (SPEC W4: bounded). Thread-safe.
 */
final class Sessions {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final int max;
    /** In access order: the first is the least recently used. */
    private final LinkedHashMap<String, Session> byId = new LinkedHashMap<>(16, 0.75f, true);

    Sessions(Clock clock, Duration idle, int max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** The live session of a cookie value, touched; empty when unknown or idle too long. */
    synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        Instant now = clock.instant();
        if (s == null || s.lastSeen().plus(idle).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.token(), s.user(), now);
        byId.put(id, touched);
        return Optional.of(touched);
    }

    /** A new session without a user. */
    synchronized Session create() {
        return store(new Session(randomId(), randomId(), null, clock.instant()));
    }

    /**
     * Signs a user in: the old session ends and a new one, with a new id and token, begins (no
     * session fixation).
     */
    synchronized Session signIn(Session old, DemoUser user) {
        byId.remove(old.id());
        return store(new Session(randomId(), randomId(), user, clock.instant()));
    }

    /** Ends a session. */
    synchronized void end(Session s) {
        byId.remove(s.id());
    }

    private Session store(Session s) {
        dropIdle();
        while (byId.size() >= max) {
            Iterator<Map.Entry<String, Session>> eldest = byId.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        byId.put(s.id(), s);
        return s;
    }

    private void dropIdle() {
        Instant oldest = clock.instant().minus(idle);
        byId.values().removeIf(s -> s.lastSeen().isBefore(oldest));
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a posted token is the session's, compared in constant time. */
    static boolean tokenMatches(Session s, String posted) {
        return posted != null && MessageDigest.isEqual(s.token().getBytes(StandardCharsets.US_ASCII),
                posted.getBytes(StandardCharsets.UTF_8));
    }
}
