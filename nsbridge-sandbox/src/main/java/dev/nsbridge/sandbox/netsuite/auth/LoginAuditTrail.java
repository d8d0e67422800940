package dev.nsbridge.sandbox.netsuite.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The login audit trail: every login attempt with its real reason, newest last, bounded so benchmarks stay small. */
public final class LoginAuditTrail {
    private static final int KEPT = 10_000;

    private final Deque<LoginAttempt> attempts = new ArrayDeque<>();
    private long failed;

    synchronized void record(LoginAttempt attempt) {
        if (attempts.size() == KEPT) {
            attempts.removeFirst();
        }
        attempts.addLast(attempt);
        if (!attempt.accepted()) {
            failed++;
        }
    }

    public synchronized List<LoginAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized long failedLogins() {
        return failed;
    }

    public synchronized void reset() {
        attempts.clear();
        failed = 0;
    }
}
