package dev.nsbridge.engine.schedule;

import java.util.concurrent.atomic.AtomicInteger;

/** A pipeline run that only counts how often it was started. */
final class CountingRun implements Runnable {
    private final AtomicInteger starts = new AtomicInteger();

    @Override
    public void run() {
        starts.incrementAndGet();
    }

    int starts() {
        return starts.get();
    }
}
