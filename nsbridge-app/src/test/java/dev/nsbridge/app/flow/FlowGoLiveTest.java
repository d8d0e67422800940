package dev.nsbridge.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class FlowGoLiveTest {
    private static final Instant MONDAY = Instant.parse("2024-06-03T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2024-06-07T17:00:00Z");

    private final MemoryStates states = new MemoryStates();
    private final FlowGoLive goLive = new FlowGoLive(states);

    @Test
    void shouldTreatEverythingAsHistoryUntilGoLive() {
        assertThat(goLive.isLive("orders")).isFalse();
        assertThat(goLive.status("orders").phase()).isEqualTo("test");
        assertThat(goLive.liveSince("orders", FRIDAY)).isEqualTo(FRIDAY);
    }

    @Test
    void shouldKeepTheGoLiveInstantApartFromTheWatermark() {
        states.save("orders", State.EMPTY.with("watermark", "2024-06-01"));

        goLive.goLive("orders", MONDAY, MONDAY);
        states.clear("orders");

        assertThat(goLive.isLive("orders")).isTrue();
        assertThat(goLive.liveSince("orders", FRIDAY)).isEqualTo(MONDAY);
        assertThat(goLive.isLive("customers")).isFalse();
    }

    @Test
    void shouldGoBackToTestOnPauseRememberingWhenItWasLive() {
        goLive.goLive("orders", MONDAY, MONDAY);

        GoLiveStatus paused = goLive.pause("orders", FRIDAY);

        assertThat(paused.live()).isFalse();
        assertThat(paused.liveSince()).contains(MONDAY);
        assertThat(paused.changedAt()).contains(FRIDAY);
        assertThat(goLive.liveSince("orders", FRIDAY)).isEqualTo(FRIDAY);
    }

    /** A state store in memory: enough for what go-live asks of it. */
    private static final class MemoryStates implements StateStore {
        private final Map<String, State> states = new HashMap<>();

        @Override
        public Optional<State> load(String pipeline) {
            return Optional.ofNullable(states.get(pipeline));
        }

        @Override
        public void save(String pipeline, State state) {
            states.put(pipeline, state);
        }

        @Override
        public State update(String pipeline, java.util.function.Function<Optional<State>, State> change) {
            State changed = change.apply(load(pipeline));
            states.put(pipeline, changed);
            return changed;
        }

        @Override
        public void clear(String pipeline) {
            states.remove(pipeline);
        }
    }
}
