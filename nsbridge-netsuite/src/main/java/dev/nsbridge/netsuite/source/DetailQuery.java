package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Records that belong to the records of a query stream (the lines of sales orders, the tracking numbers of
 * fulfillments), read with one more query per page of the stream rather than one per record. Each record of the
 * stream carries its own as one {@link ColumnType#RECORDS} value, typed as {@code columns} say: a document (a
 * header and its lines) travels as one record, never flattened into text.
 *
 * @param column    the stream's column the details fill, e.g. {@code lines}
 * @param query     one SuiteQL select with a row per detail (its dates projected with {@code TO_CHAR}); it is read as
 *                  an inline view for the keys of one page at a time
 * @param parentKey the query's column holding the value of the record it belongs to, e.g. {@code order_id}
 * @param headerKey the stream's column that value matches, e.g. {@code order_id}
 * @param columns   each detail's columns, as the query names them
 * @param orderBy   the order of one record's details, e.g. {@code line_id}
 */
public record DetailQuery(String column, String query, String parentKey, String headerKey, List<Column> columns,
                          List<String> orderBy) {
    public DetailQuery {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(parentKey, "parentKey");
        Objects.requireNonNull(headerKey, "headerKey");
        columns = List.copyOf(columns);
        orderBy = List.copyOf(orderBy);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("details of " + column + " need at least one column");
        }
    }

    /** The schema of one detail record. */
    public RecordSchema schema() {
        return new RecordSchema(columns);
    }

    /** The column this adds to the stream. */
    public Column streamColumn() {
        return new Column(column, ColumnType.RECORDS);
    }

    /** The columns the inline view is read with: the details' own and, if not among them, the parent key. */
    List<Column> projected() {
        boolean present = columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(parentKey));
        if (present) {
            return columns;
        }
        List<Column> all = new java.util.ArrayList<>(columns);
        all.add(new Column(parentKey.toLowerCase(Locale.ROOT), ColumnType.STRING));
        return all;
    }
}
