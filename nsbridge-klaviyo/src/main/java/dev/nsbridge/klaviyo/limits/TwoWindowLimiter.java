package dev.nsbridge.klaviyo.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * Klaviyo's rule kept on our side: a burst window (1 second) and a steady window (1 minute); a request goes out only
 * when both have room. Each is a {@link RollingWindow}, so it holds whatever the phase of Klaviyo's fixed windows.
 *
 * <p>Why not a library: Resilience4j's RateLimiter has one window per limiter and reads {@code System.nanoTime},
 * so two chained limiters waste permits and a test cannot move its clock; Bucket4j can hold two bandwidths in one
 * bucket, but only drains them together, while each of Klaviyo's answers describes one window alone (the one with
 * less room left, see {@link RateLimitReport}) and must correct just that one.
 */
public final class TwoWindowLimiter {
    /**
     * Slack for the burst window: the spread of the delay between letting a request through and Klaviyo counting it
     * (a few MB of body on the way). Burst never bounds the long-run rate (every tier's burst × 60 is well above its
     * steady limit), so a generous margin only slows the first seconds of a minute.
     */
    public static final Duration BURST_MARGIN = Duration.ofMillis(250);
    /** Slack for the steady window: the same spread, rounded up to a whole second, as it costs only 1/61 of the rate. */
    public static final Duration STEADY_MARGIN = Duration.ofSeconds(1);

    private final int burstPerSecond;
    private final int steadyPerMinute;
    private final RollingWindow burst;
    private final RollingWindow steady;
    private Instant throttledUntil = Instant.MIN;

    public TwoWindowLimiter(int burstPerSecond, int steadyPerMinute) {
        this(burstPerSecond, steadyPerMinute, 1);
    }

    /**
     * A limiter for one of {@code shares} clients that split the endpoint's limits between them, each keeping to its
     * share (at least one request a window) without talking to the others: the Kafka Connect sink's tasks, which
     * may run on different workers. Klaviyo's reports still describe the whole account's windows.
     */
    public TwoWindowLimiter(int burstPerSecond, int steadyPerMinute, int shares) {
        if (shares < 1) {
            throw new IllegalArgumentException("shares must be at least 1, not " + shares);
        }
        this.burstPerSecond = burstPerSecond;
        this.steadyPerMinute = steadyPerMinute;
        this.burst = new RollingWindow(Duration.ofSeconds(1), BURST_MARGIN, Math.max(1, burstPerSecond / shares));
        this.steady = new RollingWindow(Duration.ofMinutes(1), STEADY_MARGIN, Math.max(1, steadyPerMinute / shares));
    }

    /**
     * Takes a slot if both windows have one and answers {@link Duration#ZERO}; otherwise takes nothing and answers
     * how long to wait before asking again.
     */
    public synchronized Duration tryAcquire(Instant now) {
        Duration wait = max(max(burst.waitFor(now), steady.waitFor(now)), Duration.between(now, throttledUntil));
        if (wait.isNegative() || wait.isZero()) {
            burst.take(now);
            steady.take(now);
            return Duration.ZERO;
        }
        return wait;
    }

    /**
     * Adopts the server's view of the window the answer describes, where it is stricter than ours: other clients of
     * the same account share Klaviyo's quota, so the server may have counted requests we never saw. We then stop
     * before that window is spent instead of learning it from a 429.
     *
     * <p>Which window: the one the report's policies name. A report that names none (a bare count) is about the
     * burst window when its limit is the burst's, and otherwise about the steady window, as Klaviyo's guide describes
     * the headers. A window nsbridge does not keep (a daily cap) is left to the 429 and its {@code Retry-After}.
     */
    public synchronized void observe(Instant now, RateLimitReport report) {
        RollingWindow window = windowOf(report);
        if (window != null) {
            window.observe(now, report.remaining(), report.reset());
        }
    }

    private RollingWindow windowOf(RateLimitReport report) {
        if (report.windowSeconds().isPresent()) {
            return switch (report.windowSeconds().getAsInt()) {
                case 1 -> burst;
                case 60 -> steady;
                default -> null;
            };
        }
        boolean burstsLimit = report.limit().isPresent() && report.limit().getAsInt() == burstPerSecond
                && burstPerSecond != steadyPerMinute;
        return burstsLimit ? burst : steady;
    }

    /**
     * A 429 with {@code Retry-After}: no request of this operation goes out before it has passed, from any thread,
     * since each would only earn another 429.
     */
    public synchronized void throttled(Instant now, Duration retryAfter) {
        throttledUntil = max(throttledUntil, now.plus(retryAfter));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
