package dev.nsbridge.spi.data;

import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records on their way from a source to a destination, with the state that holds once they are written.
 *
 * <p>Rows are arrays aligned with {@link #schema()}; values have the Java type their column's
 * {@link dev.nsbridge.spi.stream.ColumnType} names, or are null. A destination makes the rows, the deletes
 * and {@link #stateAfter()} durable together, so a crash redoes at most this batch.
 *
 * @param schema      the columns of every row
 * @param rows        new or changed records
 * @param deletedKeys primary-key values (in the stream's key order) of records the source deleted
 * @param replaces    where present, the rows of this batch replace every stored row in that scope
 * @param stateAfter  the source's position once this batch is written
 * @param endsSnapshot true on the last batch of a read that delivered every row the stream holds (a full read):
 *                    stored rows that this run did not deliver are gone at the source, whether or not the source
 *                    recorded their deletion. A destination that merges flags (or removes) them; one that
 *                    rebuilds or appends has nothing to do.
 */
public record Batch(RecordSchema schema, List<Object[]> rows, List<List<Object>> deletedKeys,
                    Optional<Scope> replaces, State stateAfter, boolean endsSnapshot) {

    public Batch {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
        deletedKeys = List.copyOf(deletedKeys);
        Objects.requireNonNull(replaces, "replaces");
        Objects.requireNonNull(stateAfter, "stateAfter");
    }

    /** A batch that does not end a snapshot. */
    public Batch(RecordSchema schema, List<Object[]> rows, List<List<Object>> deletedKeys, Optional<Scope> replaces,
                 State stateAfter) {
        this(schema, rows, deletedKeys, replaces, stateAfter, false);
    }

    /** The closing batch of a full read: no rows, the read's final state, and the snapshot it completes. */
    public static Batch endOfSnapshot(RecordSchema schema, State stateAfter) {
        return new Batch(schema, List.of(), List.of(), Optional.empty(), stateAfter, true);
    }

    /** A batch of new or changed rows only. */
    public static Batch of(RecordSchema schema, List<Object[]> rows, State stateAfter) {
        return new Batch(schema, rows, List.of(), Optional.empty(), stateAfter);
    }

    /** The same batch, carrying {@code state} instead. */
    public Batch withStateAfter(State state) {
        return new Batch(schema, rows, deletedKeys, replaces, state, endsSnapshot);
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty() && deletedKeys.isEmpty() && replaces.isEmpty() && !endsSnapshot;
    }

    /** The value of a named column in row {@code row}, or null when the schema has no such column. */
    public Object value(int row, String column) {
        int position = schema.indexOf(column);
        return position < 0 ? null : rows.get(row)[position];
    }

    /** Each row as a map from column name to value, read in place (see {@link RowMap}). */
    public List<RowMap> rowMaps() {
        List<RowMap> maps = new ArrayList<>(rows.size());
        rows.forEach(row -> maps.add(new RowMap(schema, row)));
        return maps;
    }

    /**
     * Rows whose {@code column} holds one of {@code values} and that this batch does not carry are gone at the
     * source: e.g. the lines removed from a changed transaction.
     */
    public record Scope(String column, List<Object> values) {
        public Scope {
            Objects.requireNonNull(column, "column");
            values = List.copyOf(values);
        }
    }
}
