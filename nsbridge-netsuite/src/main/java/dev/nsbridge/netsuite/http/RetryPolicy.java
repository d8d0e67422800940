package dev.nsbridge.netsuite.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a throttled (429), failing (5xx) or dropped request is tried again.
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay   the backoff's first step; step {@code n} is at most {@code baseDelay · 2^n}
 * @param cap         no single wait is longer, unless NetSuite's {@code Retry-After} asks for more
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration cap) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(cap, "cap");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
    }
}
