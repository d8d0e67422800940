package dev.nsbridge.spi.source;

import dev.nsbridge.spi.data.Batch;
import java.util.Optional;

/**
 * The batches of one read, in the order they must be written. A reader may fetch ahead on several threads, but
 * it holds a bounded number of batches, so memory does not grow with the size of the stream.
 */
public interface BatchReader extends AutoCloseable {

    /** The next batch, or empty when the read is complete. Blocks while the source fetches. */
    Optional<Batch> next() throws InterruptedException;

    Progress progress();

    /** Stops fetching and frees what the read holds. */
    @Override
    void close();
}
