package dev.nsbridge.klaviyo.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One {@link TwoWindowLimiter} per operation, sized from {@link Operation}'s table, as Klaviyo counts per endpoint. */
public final class RateLimits {
    private final Map<Operation, TwoWindowLimiter> limiters = new EnumMap<>(Operation.class);

    public RateLimits() {
        this(1);
    }

    /** Each operation's limits split in {@code shares} equal parts, of which these limiters keep to one. */
    public RateLimits(int shares) {
        for (Operation operation : Operation.values()) {
            limiters.put(operation, new TwoWindowLimiter(operation.burstPerSecond(), operation.steadyPerMinute(),
                    shares));
        }
    }

    /** See {@link TwoWindowLimiter#tryAcquire(Instant)}. */
    public Duration tryAcquire(Operation operation, Instant now) {
        return limiters.get(operation).tryAcquire(now);
    }

    /** See {@link TwoWindowLimiter#observe(Instant, RateLimitReport)}. */
    public void observe(Operation operation, Instant now, RateLimitReport report) {
        limiters.get(operation).observe(now, report);
    }

    /** See {@link TwoWindowLimiter#throttled(Instant, Duration)}. */
    public void throttled(Operation operation, Instant now, Duration retryAfter) {
        limiters.get(operation).throttled(now, retryAfter);
    }
}
