package dev.nsbridge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves one second each time it is read, so durations in tests are exact and each run or event
 * stamped with it is a second after the one before, as they are in life.
 */
public final class TickingClock extends Clock {
    private Instant now;

    public TickingClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        Instant current = now;
        now = now.plus(Duration.ofSeconds(1));
        return current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same clock: nsbridge keeps time in UTC, so a test clock never changes zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
