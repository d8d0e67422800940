package dev.nsbridge.warehouse;

import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a table's columns a superset of its stream's: a column the stream gains is added rather than failing the
 * run, and a column the stream dropped stays (new rows leave it null), so no stored data is ever lost. A column
 * whose type changed at the source keeps its stored type; values are cast on insert.
 */
public final class SchemaEvolution {
    private final WarehouseDialect dialect;

    public SchemaEvolution(WarehouseDialect dialect) {
        this.dialect = dialect;
    }

    /** The table's column names in lower case, in table order; empty when the table does not exist. */
    public Set<String> columnsOf(Connection connection, TableName table) throws SQLException {
        return new LinkedHashSet<>(Sql.columnTypes(connection, table).keySet());
    }

    /** Creates the table when it is missing, otherwise adds the columns (stream or meta) it lacks. */
    public void ensure(Connection connection, TableName table, List<Column> columns, List<String> notNull)
            throws SQLException {
        Set<String> existing = columnsOf(connection, table);
        if (existing.isEmpty()) {
            create(connection, table, columns, notNull);
            return;
        }
        for (Column column : withMeta(columns)) {
            if (!existing.contains(Identifiers.column(column.name()))) {
                Sql.execute(connection, "ALTER TABLE " + table.sql() + " ADD COLUMN "
                        + Identifiers.quotedColumn(column.name()) + " " + dialect.sqlType(column.type()));
            }
        }
    }

    /** Creates a table with the stream's columns and the meta columns; key columns refuse nulls. */
    public void create(Connection connection, TableName table, List<Column> columns, List<String> notNull)
            throws SQLException {
        createSchemaIfMissing(connection, table);
        List<String> definitions = new ArrayList<>();
        for (Column column : withMeta(columns)) {
            boolean required = notNull.stream().anyMatch(k -> k.equalsIgnoreCase(column.name()));
            definitions.add(Identifiers.quotedColumn(column.name()) + " " + dialect.sqlType(column.type())
                    + (required ? " NOT NULL" : ""));
        }
        Sql.execute(connection, "CREATE TABLE " + table.sql() + " (" + String.join(", ", definitions) + ")");
    }

    private void createSchemaIfMissing(Connection connection, TableName table) throws SQLException {
        if (table.schema().isEmpty()) {
            return;
        }
        // Checked first because PostgreSQL asks for the CREATE privilege even when the schema already exists.
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, table.schema().get());
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
        }
        Sql.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(table.schema().get()));
    }

    private static List<Column> withMeta(List<Column> columns) {
        List<Column> all = new ArrayList<>(columns);
        all.add(new Column(MetaColumns.EXTRACTED_AT, ColumnType.TIMESTAMP));
        all.add(new Column(MetaColumns.DELETED, ColumnType.BOOLEAN));
        return all;
    }
}
