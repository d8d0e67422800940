package dev.nsbridge.spi.destination;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.state.State;
import java.util.Optional;

/** One run's writes into one target. */
public interface DestinationWriter extends AutoCloseable {

    /**
     * The state committed together with the data, when this destination keeps it (a warehouse commits its
     * watermark in the same transaction as the rows); empty when the engine's state store keeps it.
     */
    Optional<State> committedState();

    /** Makes the batch's rows, deletes and state durable together before returning. */
    WriteResult write(Batch batch);

    /** The read is complete: finish what the load method needs (swap a rebuilt table, for instance). */
    void complete(State finalState);

    @Override
    void close();
}
