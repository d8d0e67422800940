package dev.nsbridge.klaviyo.http;

import java.time.Duration;

/** Waiting, as a seam: production sleeps the thread, tests move a fake clock forward instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    }
}
