package dev.nsbridge.app.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions made by logging in with the admin token. Kept in memory only: a restart logs everyone out,
 * which is what a reset token should do too. Session ids are stored as hashes, like the token.
 */
final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(12);

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    Sessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new session id for the cookie. */
    String open() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        expiries.entrySet().removeIf(entry -> entry.getValue().isBefore(now));
        expiries.put(key(id), now.plus(LIFETIME));
        return id;
    }

    boolean valid(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        Instant expiry = expiries.get(key(id));
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void close(String id) {
        if (id != null) {
            expiries.remove(key(id));
        }
    }

    private static String key(String id) {
        return java.util.HexFormat.of().formatHex(AdminToken.sha256(id));
    }
}
