package dev.nsbridge.engine.store;

import dev.nsbridge.spi.state.KeyedStates;
import dev.nsbridge.spi.state.State;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each pipeline's committed position, for destinations that do not keep it beside their data; connectors count
 * what servers share (failed logins) in it too, under keys no pipeline name can take.
 */
public interface StateStore extends KeyedStates {

    /** The last saved state, or empty when the pipeline never saved one. */
    @Override
    Optional<State> load(String pipeline);

    /** Replaces the pipeline's state; durable when this returns. */
    void save(String pipeline, State state);

    /**
     * Reads, changes and writes the state as one step that no other thread or process sharing the store can
     * interleave with, and answers what was written: for counts and create-once values that several processes
     * share. {@code change} may run more than once and must not have side effects.
     */
    @Override
    State update(String pipeline, Function<Optional<State>, State> change);

    /** Forgets the state, so the next run starts from the beginning. */
    void clear(String pipeline);
}
