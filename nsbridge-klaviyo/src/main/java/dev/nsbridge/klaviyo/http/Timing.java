package dev.nsbridge.klaviyo.http;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Everything about time the client consults, injected so tests run pacing, backoff and polling instantly and the
 * same way every time.
 *
 * @param clock   now, for rate-limit windows and job timeouts
 * @param sleeper how to wait
 * @param jitter  spreads retries of several workers apart
 */
public record Timing(Clock clock, Sleeper sleeper, RandomGenerator jitter) {
    public Timing {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
    }

    public static Timing system() {
        return new Timing(Clock.systemUTC(), Sleeper.threadSleep(), RandomGenerator.getDefault());
    }
}
