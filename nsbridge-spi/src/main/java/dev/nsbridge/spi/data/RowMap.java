package dev.nsbridge.spi.data;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row of a {@link Batch} (or of {@link NestedRecords}) seen as a read-only map from column name to value, for a
 * destination that maps records by name: it reads the row's array in place, so a record keeps the one form its
 * source gave it. Names compare case-insensitively; a null value is no entry at all.
 */
public final class RowMap extends AbstractMap<String, Object> {
    private final RecordSchema schema;
    private final Object[] values;

    public RowMap(RecordSchema schema, Object[] values) {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + schema.size()
                    + " columns");
        }
        this.schema = schema;
        this.values = values;
    }

    @Override
    public Object get(Object name) {
        if (!(name instanceof String column)) {
            return null;
        }
        int position = schema.indexOf(column);
        return position < 0 ? null : values[position];
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(schema.column(next).name(),
                                values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                int present = 0;
                for (Object value : values) {
                    present += value == null ? 0 : 1;
                }
                return present;
            }
        };
    }

    private int advance(int from) {
        int position = from;
        while (position < values.length && values[position] == null) {
            position++;
        }
        return position;
    }
}
