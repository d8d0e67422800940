package dev.nsbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox's clock: follows the system clock, shifted by an offset that tests move forward or back. */
public final class MovableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public static MovableClock system() {
        return new MovableClock(Clock.systemUTC());
    }

    /** Moves the clock by {@code amount} (negative moves it back). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    public static ZoneId utc() {
        return ZoneOffset.UTC;
    }
}
