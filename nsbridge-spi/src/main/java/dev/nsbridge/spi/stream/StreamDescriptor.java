package dev.nsbridge.spi.stream;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, typed sequence of records: a NetSuite table or SuiteQL query, Klaviyo's suppressed profiles.
 *
 * @param name       the stream's name, unique within its source (e.g. {@code transactionline})
 * @param columns    every column the source can deliver
 * @param primaryKey the columns that identify a record (may be several, e.g. transaction and id)
 * @param cursor     the incremental key, if the stream has one; without one every read is full
 */
public record StreamDescriptor(String name, List<Column> columns, List<String> primaryKey, Optional<String> cursor) {
    public StreamDescriptor {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        Objects.requireNonNull(cursor, "cursor");
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean incremental() {
        return cursor.isPresent();
    }
}
