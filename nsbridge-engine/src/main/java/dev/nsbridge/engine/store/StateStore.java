package dev.nsbridge.engine.store;

import dev.nsbridge.spi.state.State;
import java.util.Optional;

/** Each pipeline's committed position, for destinations that do not keep it beside their data. */
public interface StateStore {

    /** The last saved state, or empty when the pipeline never saved one. */
    Optional<State> load(String pipeline);

    /** Replaces the pipeline's state; durable when this returns. */
    void save(String pipeline, State state);

    /** Forgets the state, so the next run starts from the beginning. */
    void clear(String pipeline);
}
