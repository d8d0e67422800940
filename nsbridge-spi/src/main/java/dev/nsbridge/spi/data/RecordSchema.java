package dev.nsbridge.spi.data;

import dev.nsbridge.spi.stream.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of the rows in a batch, in row order, with a case-insensitive index by name. */
public final class RecordSchema {
    private final List<Column> columns;
    private final Map<String, Integer> positions;

    public RecordSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.putIfAbsent(key(this.columns.get(i).name()), i) != null) {
                throw new IllegalArgumentException("column " + this.columns.get(i).name() + " appears twice");
            }
        }
        this.positions = Map.copyOf(index);
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** The position of a column, or -1 when the schema has none of that name. */
    public int indexOf(String name) {
        return positions.getOrDefault(key(name), -1);
    }

    public Column column(int position) {
        return columns.get(position);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordSchema that && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "RecordSchema" + columns;
    }
}
