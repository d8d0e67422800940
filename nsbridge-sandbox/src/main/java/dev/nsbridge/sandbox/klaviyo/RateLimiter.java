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
     * The verdict for one request. {@code allowed} false carries {@code retryAfterSeconds}; true carries what the
     * {@code RateLimit-*} headers report: both windows' policies and the tightest window's state.
     */
    record Verdict(boolean allowed, long retryAfterSeconds, RateLimit policy, WindowState tightest) {
    }

    /**
     * One window as a request left it.
     *
     * @param seconds      the window's length: 1 (burst) or 60 (steady)
     * @param resetSeconds whole seconds until the window starts over, rounded down as Klaviyo does (a burst window
     *                     reports 0)
     */
    record WindowState(int seconds, int limit, int remaining, long resetSeconds) {
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
        long millisToSteadyReset = (minute + 1) * 60_000 - nowMillis;
        if (enforce && state.inMinute >= limit.steadyPerMinute()) {
            return refused(Math.max(1, ceilSeconds(millisToSteadyReset)), limit);
        }
        if (enforce && state.inSecond >= limit.burstPerSecond()) {
            return refused(1, limit);
        }
        state.inSecond++;
        state.inMinute++;
        WindowState burst = new WindowState(1, limit.burstPerSecond(),
                Math.max(0, limit.burstPerSecond() - state.inSecond), ((second + 1) * 1000 - nowMillis) / 1000);
        WindowState steady = new WindowState(60, limit.steadyPerMinute(),
                Math.max(0, limit.steadyPerMinute() - state.inMinute), millisToSteadyReset / 1000);
        return new Verdict(true, 0, limit, tighter(burst, steady));
    }

    /**
     * The window the headers describe. The IETF draft Klaviyo's headers follow (draft-ietf-httpapi-ratelimit-headers,
     * section 4 of its -01 to -06 revisions) says a server with several windows "MUST reply with the RateLimit fields
     * related to the window with the lower RateLimit-Remaining", so the lower count wins, not the lower share. On a
     * tie the longer window is the one to report: it is spent for longer.
     */
    private static WindowState tighter(WindowState burst, WindowState steady) {
        return burst.remaining() < steady.remaining() ? burst : steady;
    }

    private static Verdict refused(long retryAfterSeconds, RateLimit limit) {
        return new Verdict(false, retryAfterSeconds, limit, null);
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
