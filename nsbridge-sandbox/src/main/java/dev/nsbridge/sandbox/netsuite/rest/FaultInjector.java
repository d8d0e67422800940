package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.time.Duration;
import java.util.Random;

/**
 * Draws the injected faults of one request from a random seeded by the sandbox's seed, so a run with the same seed
 * and the same request order sees the same faults. A 500, a 429 and a dropped connection exclude one another;
 * slowness is drawn on its own and can come with any of them.
 */
final class FaultInjector {
    enum Outcome { NONE, SERVER_ERROR, THROTTLE, DROP }

    record Draw(Outcome outcome, Duration delay) {
    }

    private final Random random;
    private final LiveKnobs knobs;

    FaultInjector(long seed, LiveKnobs knobs) {
        this.random = new Random(seed);
        this.knobs = knobs;
    }

    Draw draw() {
        NetSuiteSandbox.Faults faults = knobs.faults();
        double outcome;
        double slow;
        synchronized (random) {
            outcome = random.nextDouble();
            slow = random.nextDouble();
        }
        Duration delay = slow < faults.slowShare() ? faults.slowBy() : Duration.ZERO;
        double edge = faults.dropShare();
        if (outcome < edge) {
            return new Draw(Outcome.DROP, delay);
        }
        edge += faults.serverErrorShare();
        if (outcome < edge) {
            return new Draw(Outcome.SERVER_ERROR, delay);
        }
        edge += faults.throttleShare();
        if (outcome < edge) {
            return new Draw(Outcome.THROTTLE, delay);
        }
        return new Draw(Outcome.NONE, delay);
    }
}
