package dev.nsbridge.spi.state;

import java.util.Optional;
import java.util.function.Function;

/**
 * States under keys that several processes may share (the state store): what a connector needs to count
 * something together with other servers, such as failed logins.
 */
public interface KeyedStates {

    /** The last saved state under {@code key}, or empty when none was. */
    Optional<State> load(String key);

    /**
     * Reads, changes and writes the state under {@code key} as one step that no other thread or process sharing
     * the store can interleave with, and answers what was written. {@code change} may run more than once and
     * must not have side effects.
     */
    State update(String key, Function<Optional<State>, State> change);
}
