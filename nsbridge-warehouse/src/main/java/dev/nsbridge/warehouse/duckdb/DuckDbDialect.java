package dev.nsbridge.warehouse.duckdb;

import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.warehouse.Identifiers;
import dev.nsbridge.warehouse.MetaColumns;
import dev.nsbridge.warehouse.Sql;
import dev.nsbridge.warehouse.TableName;
import dev.nsbridge.warehouse.Values;
import dev.nsbridge.warehouse.WarehouseDialect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's side of a warehouse load. Timestamps are stored as {@code TIMESTAMP} holding UTC (DuckDB's
 * {@code TIMESTAMPTZ} would render in the session's zone). Decimals are {@code DECIMAL(38,10)}: DuckDB's widest,
 * with 28 digits before the point; more than 10 after it are rounded half-even.
 *
 * <p>Merge joins the batch against the table ({@code UPDATE ... FROM}, then {@code INSERT ... WHERE NOT EXISTS})
 * instead of {@code INSERT ... ON CONFLICT}: that needs a unique index, which DuckDB keeps in memory, which
 * blocks {@code ALTER TABLE} on the table, and which over-eagerly refuses a key deleted and re-added in one
 * transaction.
 */
final class DuckDbDialect implements WarehouseDialect {
    static final int DECIMAL_SCALE = 10;
    private static final int EXTRACTED_AT_SLOT = -1;
    private static final int DELETED_SLOT = -2;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private final DuckDbErrors errors;

    DuckDbDialect(DuckDbErrors errors) {
        this.errors = errors;
    }

    @Override
    public String engine() {
        return "DuckDB";
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECIMAL(38," + DECIMAL_SCALE + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case RECORDS -> throw new IllegalArgumentException("nested records have no warehouse column type");
        };
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "TIMESTAMP '" + TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
    }

    @Override
    public void loadTemporaryTable(Connection connection, String name, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        String definitions = columns.stream().map(c -> Identifiers.quotedColumn(c.name()) + " " + sqlType(c.type()))
                .collect(Collectors.joining(", "));
        Sql.execute(connection, "CREATE TEMPORARY TABLE " + Identifiers.quote(name) + " (" + definitions + ")");
        // The appender flushes to the table chunk by chunk, inside the connection's transaction.
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", name)) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (int i = 0; i < columns.size(); i++) {
                    append(appender, columns.get(i), row[i]);
                }
                appender.endRow();
            }
        }
    }

    /**
     * Appends straight into the table, with no temporary table or {@code INSERT ... SELECT} in between: the
     * appender fills every column of the table in its order, so each is the batch's column of that name or a meta
     * column. A table with any other column (one a user added, which may have a default) or a column whose type
     * differs from the stream's goes the general way, which names its columns and lets the engine cast.
     */
    @Override
    public void insertRows(Connection connection, TableName table, List<Column> columns, List<Object[]> rows,
                           Instant extractedAt) throws SQLException {
        Optional<int[]> slots = appendSlots(connection, table, columns);
        if (slots.isEmpty()) {
            WarehouseDialect.super.insertRows(connection, table, columns, rows, extractedAt);
            return;
        }
        LocalDateTime stamp = LocalDateTime.ofInstant(extractedAt, ZoneOffset.UTC);
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                .createAppender(table.schema().orElse(connection.getSchema()), table.table())) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (int slot : slots.get()) {
                    if (slot == EXTRACTED_AT_SLOT) {
                        appender.append(stamp);
                    } else if (slot == DELETED_SLOT) {
                        appender.append(false);
                    } else {
                        append(appender, columns.get(slot), row[slot]);
                    }
                }
                appender.endRow();
            }
        }
    }

    /** For each column of the table in order, the batch column it takes or a meta slot; empty if one fits none. */
    private Optional<int[]> appendSlots(Connection connection, TableName table, List<Column> columns)
            throws SQLException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(Identifiers.column(columns.get(i).name()), i);
        }
        List<Integer> slots = new ArrayList<>();
        for (Map.Entry<String, String> stored : Sql.columnTypes(connection, table).entrySet()) {
            String name = stored.getKey();
            String type = stored.getValue();
            Integer position = positions.remove(name);
            if (position != null && type.equalsIgnoreCase(sqlType(columns.get(position).type()))) {
                slots.add(position);
            } else if (name.equals(MetaColumns.EXTRACTED_AT) && type.equalsIgnoreCase("TIMESTAMP")) {
                slots.add(EXTRACTED_AT_SLOT);
            } else if (name.equals(MetaColumns.DELETED) && type.equalsIgnoreCase("BOOLEAN")) {
                slots.add(DELETED_SLOT);
            } else {
                return Optional.empty();
            }
        }
        boolean fits = positions.isEmpty() && slots.contains(EXTRACTED_AT_SLOT) && slots.contains(DELETED_SLOT);
        return fits ? Optional.of(slots.stream().mapToInt(Integer::intValue).toArray()) : Optional.empty();
    }

    private static void append(DuckDBAppender appender, Column column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (column.type()) {
            case STRING -> appender.append(Values.as(String.class, value, column));
            case INTEGER -> appender.append(Values.as(Long.class, value, column).longValue());
            case DECIMAL -> appender.append(
                    Values.as(BigDecimal.class, value, column).setScale(DECIMAL_SCALE, RoundingMode.HALF_EVEN));
            case BOOLEAN -> appender.append(Values.as(Boolean.class, value, column).booleanValue());
            case DATE -> appender.append(Values.as(LocalDate.class, value, column));
            case TIMESTAMP -> appender.append(
                    LocalDateTime.ofInstant(Values.as(Instant.class, value, column), ZoneOffset.UTC));
        }
    }

    @Override
    public void prepareMerge(Connection connection, TableName table, List<String> key) {
        // Nothing to prepare: the merge joins on the key rather than relying on an index (see the class comment).
    }

    @Override
    public void merge(Connection connection, TableName table, String source, List<Column> columns, List<String> key,
                      Instant extractedAt) throws SQLException {
        String batch = Identifiers.quote(source);
        String stamp = timestampLiteral(extractedAt);
        String assignments = columns.stream().filter(c -> key.stream().noneMatch(k -> k.equalsIgnoreCase(c.name())))
                .map(c -> Identifiers.quotedColumn(c.name()) + " = " + batch + "." + Identifiers.quotedColumn(c.name()))
                .collect(Collectors.joining(", "));
        String meta = Identifiers.quote(MetaColumns.EXTRACTED_AT) + " = " + stamp + ", "
                + Identifiers.quote(MetaColumns.DELETED) + " = FALSE";
        Sql.execute(connection, "UPDATE " + table.sql() + " SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                + meta + " FROM " + batch + " WHERE " + Sql.keysMatch(key, table.sql(), batch));
        Sql.execute(connection, "INSERT INTO " + table.sql() + " (" + Sql.columnList(columns, "") + ", " + Sql.meta()
                + ") SELECT " + Sql.columnList(columns, batch) + ", " + stamp + ", FALSE FROM " + batch
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table.sql() + " WHERE " + Sql.keysMatch(key, table.sql(), batch)
                + ")");
    }

    @Override
    public void emptyTable(Connection connection, TableName table) throws SQLException {
        Sql.execute(connection, "DELETE FROM " + table.sql());
    }

    @Override
    public NsbridgeException translate(SQLException failure, String doing) {
        return errors.translate(failure, doing);
    }
}
