package dev.nsbridge.app.server;

import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.state.State;

/**
 * Which schedules a person paused, kept in the state store under {@code paused:<pipeline>} so a restart does not
 * quietly resume them.
 *
 * <p>Not the same as taking a flow back to test ({@code nsbridge golive --off}, {@code FlowGoLive.pause}): a pause
 * only holds the schedule, of an extract as of a flow, and leaves a flow live since when it went live, so after
 * resuming what happened meanwhile is still sent as live events.
 */
final class Pauses {
    private static final String PREFIX = "paused:";

    private final StateStore states;

    Pauses(StateStore states) {
        this.states = states;
    }

    boolean isPaused(String pipeline) {
        return states.load(PREFIX + pipeline).map(state -> Boolean.TRUE.equals(state.values().get("paused")))
                .orElse(false);
    }

    void set(String pipeline, boolean paused) {
        if (paused) {
            states.save(PREFIX + pipeline, State.EMPTY.with("paused", true));
        } else {
            states.clear(PREFIX + pipeline);
        }
    }
}
