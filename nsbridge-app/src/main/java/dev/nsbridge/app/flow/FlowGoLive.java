package dev.nsbridge.app.flow;

import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which flows have gone live, and since when. A flow runs on its schedule only once live, and its go-live instant
 * splits history from live data: orders placed before it are sent as backfill (Klaviyo flows do not fire on them)
 * and consents given before it as historical imports. Until it goes live, every record is history, so test runs
 * can never set off a Klaviyo flow.
 *
 * <p>Kept in the state store under {@code golive:<flow>}, beside but apart from the flow's own watermark: it works
 * with any store the engine offers (a shared PostgreSQL one too) with no schema change, and clearing a flow's
 * watermark to reload it does not take it off the air. Names in {@code nsbridge.yaml} cannot contain a colon, so
 * the key never meets a pipeline's. {@code nsbridge golive} and the server's go-live action both go through here,
 * so the two are one switch.
 */
public final class FlowGoLive {
    private static final String PREFIX = "golive:";
    private static final String LIVE = "live";
    private static final String LIVE_SINCE = "live_since";
    private static final String CHANGED_AT = "changed_at";

    private final StateStore states;

    public FlowGoLive(StateStore states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    public GoLiveStatus status(String flow) {
        State state = states.load(PREFIX + flow).orElse(State.EMPTY);
        return new GoLiveStatus(flow, Boolean.TRUE.equals(state.values().get(LIVE)),
                state.string(LIVE_SINCE).map(Instant::parse), state.string(CHANGED_AT).map(Instant::parse));
    }

    /** The predicate the server's scheduler asks at each scheduled time, so going live needs no restart. */
    public boolean isLive(String flow) {
        return status(flow).live();
    }

    /** The instant a run of the flow treats as go-live: the recorded one, or {@code now} while still in test. */
    public Instant liveSince(String flow, Instant now) {
        GoLiveStatus status = status(flow);
        return status.live() ? status.liveSince().orElse(now) : now;
    }

    /**
     * Records that the flow is live from {@code since}. Going live again after a pause starts a new live period:
     * what happened while paused is then sent as history, not as fresh events days late.
     */
    public GoLiveStatus goLive(String flow, Instant since, Instant now) {
        states.save(PREFIX + flow, State.EMPTY.with(LIVE, true).with(LIVE_SINCE, since.toString())
                .with(CHANGED_AT, now.toString()));
        return status(flow);
    }

    /** Takes the flow off its schedule; it can still be run by hand, as in test. */
    public GoLiveStatus pause(String flow, Instant now) {
        Optional<Instant> since = status(flow).liveSince();
        State paused = State.EMPTY.with(LIVE, false).with(CHANGED_AT, now.toString());
        states.save(PREFIX + flow, since.map(at -> paused.with(LIVE_SINCE, at.toString())).orElse(paused));
        return status(flow);
    }
}
