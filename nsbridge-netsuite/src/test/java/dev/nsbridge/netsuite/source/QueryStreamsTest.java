package dev.nsbridge.netsuite.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.stream.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QueryStreamsTest {

    @Test
    void shouldTypeAColumnAsTheNarrowestTypeThatReadsEveryValue() {
        assertThat(QueryStreams.typeOf(List.of("1", "22"))).isEqualTo(ColumnType.INTEGER);
        assertThat(QueryStreams.typeOf(List.of("1", "2.50"))).isEqualTo(ColumnType.DECIMAL);
        assertThat(QueryStreams.typeOf(List.of("T", "F"))).isEqualTo(ColumnType.BOOLEAN);
        assertThat(QueryStreams.typeOf(List.of("2024-01-31 10:00:00"))).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(QueryStreams.typeOf(List.of("1/31/2024", "7"))).isEqualTo(ColumnType.STRING);
    }
}
