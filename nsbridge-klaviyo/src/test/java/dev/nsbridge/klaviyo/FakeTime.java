package dev.nsbridge.klaviyo;

import dev.nsbridge.klaviyo.http.Sleeper;
import dev.nsbridge.klaviyo.http.Timing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A clock that moves only when the code under test sleeps, so waits are measured exactly and cost nothing. */
final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    FakeTime() {
        this(Instant.parse("2026-07-20T10:00:00Z"));
    }

    /** Timing with this clock, this sleeper, and jitter fixed at its midpoint. */
    Timing timing() {
        return new Timing(this, this, new FixedRandom(0.5));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private record FixedRandom(double value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return (long) (value * Long.MAX_VALUE);
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
