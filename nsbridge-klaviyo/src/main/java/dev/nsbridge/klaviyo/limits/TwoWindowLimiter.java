package dev.nsbridge.klaviyo.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * Klaviyo's own rule mirrored on our side: two fixed windows, burst (1 second) and steady (1 minute); a request
 * goes out only when both have room.
 *
 * <p>Why not a library: Resilience4j's RateLimiter has one window per limiter and reads {@code System.nanoTime},
 * so two chained limiters waste permits and a test cannot move its clock; Bucket4j can hold two bandwidths in one
 * bucket, but only drains them together, while Klaviyo's {@code RateLimit-*} headers describe the steady window
 * alone and must correct just that one. Two counters with a start time are clearer than bending either.
 */
public final class TwoWindowLimiter {
    private final Window burst;
    private final Window steady;

    public TwoWindowLimiter(int burstPerSecond, int steadyPerMinute) {
        this.burst = new Window(Duration.ofSeconds(1), burstPerSecond);
        this.steady = new Window(Duration.ofMinutes(1), steadyPerMinute);
    }

    /**
     * Takes a slot if both windows have one and answers {@link Duration#ZERO}; otherwise takes nothing and answers
     * how long to wait before asking again.
     */
    public synchronized Duration tryAcquire(Instant now) {
        burst.roll(now);
        steady.roll(now);
        Duration wait = max(burst.waitFor(now), steady.waitFor(now));
        if (wait.isZero()) {
            burst.take(now);
            steady.take(now);
        }
        return wait;
    }

    /**
     * Adopts the server's view of the steady window when it is stricter than ours: other clients of the same account
     * share Klaviyo's quota, so the server may have counted requests we never saw. We then stop before the window is
     * spent instead of learning it from a 429.
     *
     * @param remaining {@code RateLimit-Remaining}: requests left in Klaviyo's steady window
     * @param reset     {@code RateLimit-Reset}: time until that window starts over
     */
    public synchronized void observe(Instant now, int remaining, Duration reset) {
        steady.roll(now);
        steady.align(now, remaining, reset);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One fixed window: it opens with the first request after the previous one closed. */
    private static final class Window {
        private final Duration length;
        private final int limit;
        private Instant start;
        private Instant end;
        private int used;

        Window(Duration length, int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("a window needs room for at least one request");
            }
            this.length = length;
            this.limit = limit;
        }

        void roll(Instant now) {
            if (end != null && !now.isBefore(end)) {
                start = null;
                end = null;
                used = 0;
            }
        }

        Duration waitFor(Instant now) {
            return used < limit ? Duration.ZERO : Duration.between(now, end);
        }

        void take(Instant now) {
            if (start == null) {
                start = now;
                end = now.plus(length);
            }
            used++;
        }

        void align(Instant now, int remaining, Duration reset) {
            int serverUsed = limit - Math.max(0, Math.min(limit, remaining));
            if (serverUsed <= used) {
                return;
            }
            // Klaviyo counted more than we did, so its window is the true one: adopt its count and its reset.
            used = serverUsed;
            start = start == null ? now : start;
            end = now.plus(reset.isNegative() ? Duration.ZERO : reset);
        }
    }
}
