package dev.nsbridge.netsuite.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt {@code n} waits a uniformly random time in
 * {@code [0, min(cap, base · 2^n)]}. Oracle asks for growing, de-synchronised delays after a 429; full jitter
 * spreads the readers that were throttled together, so they do not come back together.
 */
public final class Backoff {
    private final RetryPolicy policy;
    private final RandomGenerator random;

    public Backoff(RetryPolicy policy, RandomGenerator random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The upper bound of the wait after attempt {@code attempt} (0 for the first retry). */
    public Duration ceiling(int attempt) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.cap().toMillis();
        // Shifting past 62 bits overflows; by then the cap has long been reached anyway.
        int shift = Math.min(Math.max(attempt, 0), 62);
        long grown = base == 0 ? 0 : (base > (cap >> shift) ? cap : base << shift);
        return Duration.ofMillis(Math.min(cap, grown));
    }

    /** A random wait within {@link #ceiling}, or what the server asked for when it said. */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            return retryAfter.get();
        }
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
