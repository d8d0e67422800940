package dev.nsbridge.engine.store;

import java.time.Instant;

/**
 * Which process runs a scheduled time when several servers share one store and the same schedules: the first to
 * claim it. The others skip that time, so a pipeline due at 02:00 runs once at 02:00, not once per server, even
 * when the first run ends before a slower server's clock reaches the time.
 */
public interface ScheduleClaims {

    /** Claims nothing: every time is this process's own; for a scheduler that has the store to itself. */
    ScheduleClaims UNSHARED = (pipeline, slot, at) -> true;

    /**
     * Claims the pipeline's scheduled time {@code slot}; true for exactly one claimant of each time, and false
     * for any time not later than one already claimed.
     */
    boolean claim(String pipeline, Instant slot, Instant at);
}
