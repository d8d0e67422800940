package dev.nsbridge.netsuite.catalog;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short form the table lists are written in: "name:t" pairs keep them readable, one letter per type (s string,
 * i integer, n decimal, b boolean for NetSuite's T/F, d date, t timestamp).
 */
final class ColumnSpecs {
    private ColumnSpecs() {
    }

    /** A table keyed by one integer column, read incrementally on {@code cursor}, which closes its column list. */
    static StreamDescriptor table(String name, String key, String cursor, String columns) {
        return new StreamDescriptor(name, parse(key + ":i " + columns + " " + cursor + ":t"), List.of(key),
                Optional.of(cursor));
    }

    /** A table without a change date: read in full every run. */
    static StreamDescriptor unstamped(String name, List<String> key, String columns) {
        return new StreamDescriptor(name, parse(columns), key, Optional.empty());
    }

    static List<Column> parse(String spec) {
        List<Column> columns = new ArrayList<>();
        for (String pair : spec.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            columns.add(new Column(parts[0], switch (parts[1]) {
                case "s" -> ColumnType.STRING;
                case "i" -> ColumnType.INTEGER;
                case "n" -> ColumnType.DECIMAL;
                case "b" -> ColumnType.BOOLEAN;
                case "d" -> ColumnType.DATE;
                case "t" -> ColumnType.TIMESTAMP;
                default -> throw new IllegalArgumentException(pair);
            }));
        }
        return List.copyOf(columns);
    }
}
