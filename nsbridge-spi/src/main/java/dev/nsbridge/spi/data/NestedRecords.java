package dev.nsbridge.spi.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records nested in one record, e.g. the lines of a sales order: the value of a
 * {@link dev.nsbridge.spi.stream.ColumnType#RECORDS} column. A source that reads a document (a header and its lines)
 * delivers it as one record this way, so the lines reach the destination typed as the source read them, never
 * flattened into text and parsed back.
 *
 * @param schema the columns of every nested row
 * @param rows   arrays aligned with {@code schema}, holding values of their columns' types or null
 */
public record NestedRecords(RecordSchema schema, List<Object[]> rows) {
    public NestedRecords {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
    }

    public static NestedRecords none(RecordSchema schema) {
        return new NestedRecords(schema, List.of());
    }

    public int size() {
        return rows.size();
    }

    /** Each nested row as a map from column name to value, read in place. */
    public List<RowMap> maps() {
        List<RowMap> maps = new ArrayList<>(rows.size());
        rows.forEach(row -> maps.add(new RowMap(schema, row)));
        return maps;
    }
}
