package dev.nsbridge.engine.store;

import java.time.Instant;

/**
 * Makes sure one pipeline never runs twice at once, across threads and across processes that share the store
 * (a scheduled run and a run started by hand).
 */
public interface RunLocks {

    /**
     * Takes the pipeline's lock.
     *
     * @throws dev.nsbridge.spi.errors.TransientException {@code PIPELINE_RUNNING}, naming the run that holds it
     */
    Lease acquire(String pipeline, Instant at);

    /** A held lock; closing it releases it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
