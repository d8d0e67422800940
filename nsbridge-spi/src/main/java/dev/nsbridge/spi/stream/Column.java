package dev.nsbridge.spi.stream;

import java.util.Objects;

/** One column of a stream: its name as the source spells it (compared case-insensitively) and its type. */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }
}
