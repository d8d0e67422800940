package dev.nsbridge.klaviyo.http;

import java.time.Duration;

/**
 * How often and how long to try again after a 429, a 5xx or a dropped connection.
 *
 * @param maxAttempts    attempts in all, the first included
 * @param firstBackoff   the wait after the first failure when Klaviyo names none; doubled each time
 * @param maxBackoff     the longest such wait
 * @param maxRetryAfter  the longest {@code Retry-After} we sit through; a longer one ends the attempt as a
 *                       transient error carrying the wait, so the engine can schedule the run instead of a thread
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** Exponential backoff with full jitter: a value in [backoff/2, backoff]. */
    Duration backoff(int failedAttempts, double random) {
        long base = firstBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
