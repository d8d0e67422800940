package dev.nsbridge.flows.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.source.SourceState;
import dev.nsbridge.spi.state.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlowSourceTest {

    @Test
    void shouldHandTheSourceTheFlowsSavedDateAndIdAsItsPosition() {
        State saved = new State(Map.of(FlowSource.CURSOR_STATE, "2024-03-01T12:00:00Z", FlowSource.KEY_STATE, "77"));

        State position = FlowSource.toSource(saved);

        assertThat(SourceState.positionCursor(position)).hasValue(java.time.Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(SourceState.positionKeys(position, 1)).containsExactly("77");
        assertThat(position.values()).doesNotContainKeys(FlowSource.CURSOR_STATE, FlowSource.KEY_STATE);
    }

    @Test
    void shouldSaveTheSourcesPositionUnderTheFlowsOwnKeysSoExistingStateStoresResume() {
        State read = SourceState.queryPosition(State.EMPTY, java.time.Instant.parse("2024-03-01T12:00:00Z"),
                java.util.List.of("78"));

        State saved = FlowSource.fromSource(read);

        assertThat(saved.values()).containsExactlyInAnyOrderEntriesOf(Map.of(FlowSource.CURSOR_STATE,
                "2024-03-01T12:00:00Z", FlowSource.KEY_STATE, "78"));
        assertThat(FlowSource.fromSource(FlowSource.toSource(saved))).isEqualTo(saved);
    }
}
