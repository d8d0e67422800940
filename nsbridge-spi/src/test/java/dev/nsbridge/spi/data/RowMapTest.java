package dev.nsbridge.spi.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RowMapTest {
    private static final RecordSchema LINE = new RecordSchema(List.of(new Column("sku", ColumnType.STRING),
            new Column("amount", ColumnType.DECIMAL)));
    private static final RecordSchema ORDER = new RecordSchema(List.of(new Column("id", ColumnType.STRING),
            new Column("Email", ColumnType.STRING), new Column("lines", ColumnType.RECORDS)));

    @Test
    void shouldReadABatchRowByNameInPlaceWithItsNestedLinesTyped() {
        NestedRecords lines = new NestedRecords(LINE, List.<Object[]>of(new Object[] {"SKU-7", new BigDecimal("39.90")}));
        Object[] cells = {"5001", null, lines};
        Batch batch = Batch.of(ORDER, List.<Object[]>of(cells), State.EMPTY);

        Map<String, Object> row = batch.rowMaps().get(0);
        cells[0] = "5002";

        assertThat(row.get("ID")).as("the row is read in place, by a name in any case").isEqualTo("5002");
        assertThat(row).doesNotContainKey("email").containsOnlyKeys("id", "lines");
        assertThat(((NestedRecords) row.get("lines")).maps()).singleElement()
                .satisfies(line -> assertThat(line.get("amount")).isEqualTo(new BigDecimal("39.90")));
    }

    @Test
    void shouldEqualAMapOfTheSameEntriesSoACopyTakenEarlierComparesByValue() {
        Object[] cells = {"5001", "zoe@example.com", null};
        Map<String, Object> view = new RowMap(ORDER, cells);

        Map<String, Object> copy = new java.util.HashMap<>(view);

        assertThat(view).isEqualTo(copy).isEqualTo(Map.of("id", "5001", "Email", "zoe@example.com"));
        assertThat(new ArrayList<>(view.keySet())).containsExactly("id", "Email");
    }
}
