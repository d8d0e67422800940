package dev.nsbridge.engine.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one second each time it is read, so durations in tests are exact. */
final class TickingClock extends Clock {
    private Instant now;

    TickingClock(Instant start) {
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

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
