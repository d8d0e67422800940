package dev.nsbridge.app.server;

import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.Optional;

/**
 * Which flows went live, kept in the state store under {@code golive:<flow>} (beside, never in, the flow's own
 * watermark), the same record {@code nsbridge golive} writes, so going live from the UI or the command line is
 * one thing.
 */
final class LiveFlows {
    private static final String PREFIX = "golive:";
    private static final String LIVE = "live";
    private static final String LIVE_SINCE = "live_since";
    private static final String CHANGED_AT = "changed_at";

    private final StateStore states;

    LiveFlows(StateStore states) {
        this.states = states;
    }

    boolean isLive(String flow) {
        return Boolean.TRUE.equals(state(flow).values().get(LIVE));
    }

    /** When a run treats the flow as live from: before go-live everything read is history. */
    Instant liveSince(String flow, Instant now) {
        State state = state(flow);
        Optional<Instant> since = state.string(LIVE_SINCE).map(Instant::parse);
        return isLive(flow) ? since.orElse(now) : now;
    }

    Instant goLive(String flow, Instant now) {
        states.save(PREFIX + flow, State.EMPTY.with(LIVE, true).with(LIVE_SINCE, now.toString())
                .with(CHANGED_AT, now.toString()));
        return now;
    }

    private State state(String flow) {
        return states.load(PREFIX + flow).orElse(State.EMPTY);
    }
}
