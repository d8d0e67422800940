package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.warehouse.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format, UTF-8: tab between values, newline after each row, {@code \N} for null,
 * and backslash, tab, newline and carriage return escaped with a backslash inside values. Text format rather
 * than CSV because it has one escape rule and no quoting state. PostgreSQL text cannot hold U+0000, so that
 * character is dropped rather than failing the whole batch.
 */
final class CopyEncoder {
    private final List<Column> columns;
    private final List<String> trailing;

    /** @param trailing values already in COPY text form appended to every row (the meta columns), or none */
    CopyEncoder(List<Column> columns, List<String> trailing) {
        this.columns = List.copyOf(columns);
        this.trailing = List.copyOf(trailing);
    }

    /** Appends one row, newline included, to {@code out}. */
    void encode(Object[] row, StringBuilder out) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            value(columns.get(i), row[i], out);
        }
        for (String value : trailing) {
            if (!columns.isEmpty()) {
                out.append('\t');
            }
            out.append(value);
        }
        out.append('\n');
    }

    /** The whole row as UTF-8 bytes; for tests and small uses. */
    byte[] encode(Object[] row) {
        StringBuilder out = new StringBuilder();
        encode(row, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(Column column, Object value, StringBuilder out) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        switch (column.type()) {
            case STRING -> escape(Values.as(String.class, value, column), out);
            case INTEGER -> out.append(Values.as(Long.class, value, column).longValue());
            case DECIMAL -> out.append(Values.as(BigDecimal.class, value, column).toPlainString());
            case BOOLEAN -> out.append(Values.as(Boolean.class, value, column) ? 't' : 'f');
            case DATE -> out.append(Values.as(LocalDate.class, value, column));
            case TIMESTAMP -> out.append(Values.as(Instant.class, value, column));
        }
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> {
                }
                default -> out.append(c);
            }
        }
    }
}
