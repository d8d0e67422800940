package dev.nsbridge.engine.schedule;

import java.time.Duration;

/**
 * What makes the scheduler look at the clock again and again. The server uses {@link #every}; a test keeps the
 * callback and calls it after moving its clock, so no test sleeps.
 */
public interface Ticker extends AutoCloseable {

    /** Calls {@code tick} repeatedly, on a thread of the ticker's own, until closed. */
    void start(Runnable tick);

    /** Stops calling; a tick under way finishes. */
    @Override
    void close();

    /** A ticker that calls every {@code period} on one daemon thread. */
    static Ticker every(Duration period) {
        return new PeriodicTicker(period);
    }
}
