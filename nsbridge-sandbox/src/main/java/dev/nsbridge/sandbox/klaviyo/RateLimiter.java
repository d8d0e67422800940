package dev.nsbridge.sandbox.klaviyo;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Klaviyo's fixed windows per account and operation: a burst window of one second and a steady window of one
 * minute, both aligned to the sandbox clock, so a test that moves the clock moves the windows.
 */
final class RateLimiter {
    private final Clock clock;
    private final Map<String, Windows> windows = new HashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * The verdict for one request. {@code allowed} false carries {@code retryAfterSeconds}; true carries the steady
     * window's state, which is what Klaviyo's {@code RateLimit-*} headers describe.
     */
    record Verdict(boolean allowed, long retryAfterSeconds, int limit, int remaining, long resetSeconds) {
    }

    private static final class Windows {
        long second = Long.MIN_VALUE;
        int inSecond;
        long minute = Long.MIN_VALUE;
        int inMinute;
    }

    /**
     * Counts the request against both windows. A refused request is not counted, as a refusal consumes no quota.
     *
     * @param enforce when false the request is counted and always allowed (the relaxed knob)
     */
    synchronized Verdict acquire(String account, String operation, RateLimit limit, boolean enforce) {
        long nowMillis = clock.millis();
        long second = Math.floorDiv(nowMillis, 1000);
        long minute = Math.floorDiv(nowMillis, 60_000);
        Windows state = windows.computeIfAbsent(account + " " + operation, key -> new Windows());
        if (state.second != second) {
            state.second = second;
            state.inSecond = 0;
        }
        if (state.minute != minute) {
            state.minute = minute;
            state.inMinute = 0;
        }
        long resetSteady = Math.max(1, ceilSeconds((minute + 1) * 60_000 - nowMillis));
        if (enforce && state.inMinute >= limit.steadyPerMinute()) {
            return new Verdict(false, resetSteady, limit.steadyPerMinute(), 0, resetSteady);
        }
        if (enforce && state.inSecond >= limit.burstPerSecond()) {
            return new Verdict(false, 1, limit.burstPerSecond(), 0, 1);
        }
        state.inSecond++;
        state.inMinute++;
        int remaining = Math.max(0, limit.steadyPerMinute() - state.inMinute);
        return new Verdict(true, 0, limit.steadyPerMinute(), remaining, resetSteady);
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
