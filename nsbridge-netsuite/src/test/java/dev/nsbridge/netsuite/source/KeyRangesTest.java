package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyRangesTest {

    @Test
    void shouldCoverTheWholeSpanWithAdjacentRanges() {
        List<KeyRanges.Range> ranges = KeyRanges.split(7, 1_006, 100_000, 4, 20_000, 1_000);

        assertThat(ranges).hasSize(5);
        assertThat(ranges.get(0).from()).isEqualTo(7);
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(1_007);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
        }
    }

    @Test
    void shouldGiveEveryWorkerARangeOfAMediumTable() {
        assertThat(KeyRanges.split(1, 5_000, 5_000, 4, 20_000, 1_000)).hasSize(4);
    }

    @Test
    void shouldReadATableThatFitsInOnePageAsOneRange() {
        assertThat(KeyRanges.split(1, 900, 900, 4, 20_000, 1_000)).containsExactly(new KeyRanges.Range(1, 901));
    }

    @Test
    void shouldNeverMakeMoreRangesThanKeys() {
        assertThat(KeyRanges.split(10, 12, 3_000, 8, 100, 1)).hasSize(3);
    }
}
