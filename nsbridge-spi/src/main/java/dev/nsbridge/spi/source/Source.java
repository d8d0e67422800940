package dev.nsbridge.spi.source;

import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;

/** A system nsbridge reads from. */
public interface Source extends AutoCloseable {

    /** The streams this source offers, with their columns and keys. */
    List<StreamDescriptor> discover();

    /** Starts a read; the caller writes its batches in order and closes it. */
    BatchReader read(ReadRequest request);

    @Override
    default void close() {
    }
}
