package dev.nsbridge.sandbox.netsuite.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * NetSuite's lockout for the sandbox's one user: five consecutive failed logins lock it for 30 minutes, after which
 * it gets one more try (article_0907011905). Whether that try fails into a fresh 30 minutes or starts a new count of
 * five is not documented; the sandbox locks again at once, the stricter reading.
 */
final class Lockouts {
    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(30);

    private int consecutiveFailures;
    private Instant lockedUntil;
    private boolean onLastTry;

    synchronized boolean isLocked(Instant now) {
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return true;
        }
        if (lockedUntil != null) {
            lockedUntil = null;
            onLastTry = true;
        }
        return false;
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        lockedUntil = null;
        onLastTry = false;
    }

    synchronized void failed(Instant now) {
        consecutiveFailures++;
        if (onLastTry || consecutiveFailures >= FAILURES_BEFORE_LOCK) {
            lockedUntil = now.plus(LOCK);
            onLastTry = false;
        }
    }
}
