package dev.nsbridge.klaviyo.jobs;

import java.time.Duration;

/**
 * How to wait for a bulk job: polls start at {@code firstInterval} and stretch by half each time up to
 * {@code maxInterval}, so a quick job is seen quickly and a slow one does not spend the endpoint's rate limit.
 *
 * @param timeout how long to wait in all before giving the job up as still running (a transient failure)
 */
public record JobPolling(Duration firstInterval, Duration maxInterval, Duration timeout) {
    public JobPolling {
        if (firstInterval.isNegative() || firstInterval.isZero() || maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException("intervals must be positive and maxInterval at least firstInterval");
        }
    }

    public static JobPolling defaults() {
        return new JobPolling(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(30));
    }

    Duration after(Duration interval) {
        Duration next = interval.plus(interval.dividedBy(2));
        return next.compareTo(maxInterval) > 0 ? maxInterval : next;
    }
}
