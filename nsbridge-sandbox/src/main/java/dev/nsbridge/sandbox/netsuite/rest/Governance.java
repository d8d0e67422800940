package dev.nsbridge.sandbox.netsuite.rest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account's one concurrency pool (reference §6): every REST call is in flight from arrival to answer, and one
 * that arrives with the pool full is answered 429 at once (it still counts in flight while it is being refused).
 */
final class Governance {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LiveKnobs knobs;
    private final SandboxStats stats;

    Governance(LiveKnobs knobs, SandboxStats stats) {
        this.knobs = knobs;
        this.stats = stats;
    }

    /** Enters the pool; close the ticket when the answer is written. */
    Ticket enter() {
        int now = inFlight.incrementAndGet();
        stats.inFlight(now);
        return new Ticket(now <= knobs.concurrencyLimit());
    }

    final class Ticket implements AutoCloseable {
        private final boolean admitted;

        private Ticket(boolean admitted) {
            this.admitted = admitted;
        }

        boolean admitted() {
            return admitted;
        }

        @Override
        public void close() {
            inFlight.decrementAndGet();
        }
    }
}
