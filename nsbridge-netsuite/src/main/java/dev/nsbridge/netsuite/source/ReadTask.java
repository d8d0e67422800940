package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.data.Batch;

/** One independent piece of a read (a key range, a chunk of transactions), run by one worker. */
@FunctionalInterface
interface ReadTask {
    void run(Sink sink) throws InterruptedException;

    /** Where a task hands its batches; blocks while the reader's queue is full. */
    @FunctionalInterface
    interface Sink {
        void accept(Batch batch) throws InterruptedException;
    }
}
