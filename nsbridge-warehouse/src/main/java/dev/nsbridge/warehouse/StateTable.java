package dev.nsbridge.warehouse;

import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.state.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each pipeline's committed state, one row per state entry, beside the pipeline's table so it commits in the
 * same transaction as the rows it covers. Flat rows (name, kind, value) rather than JSON keep it readable in
 * plain SQL and need no JSON library; the kind keeps longs, doubles and booleans exact on the way back.
 */
public final class StateTable {
    private final TableName table;
    private final WarehouseDialect dialect;

    /** The state table in the schema of {@code target}. */
    public StateTable(TableName target, WarehouseDialect dialect) {
        this.table = target.sibling(MetaColumns.STATE_TABLE);
        this.dialect = dialect;
    }

    public TableName table() {
        return table;
    }

    /** No key constraint: DuckDB refuses to delete and re-insert a key in one transaction when one is declared. */
    public void createIfMissing(Connection connection) throws SQLException {
        String text = "VARCHAR";
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS " + table.sql() + " (pipeline " + text + " NOT NULL,"
                + " name " + text + " NOT NULL, kind " + text + " NOT NULL, value " + text + " NOT NULL,"
                + " committed_at " + dialect.sqlType(dev.nsbridge.spi.stream.ColumnType.TIMESTAMP) + " NOT NULL)");
    }

    public State read(Connection connection, String pipeline) throws SQLException {
        Map<String, Object> values = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, kind, value FROM " + table.sql() + " WHERE pipeline = ?")) {
            statement.setString(1, pipeline);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.put(result.getString(1), decode(result.getString(2), result.getString(3)));
                }
            }
        }
        return new State(values);
    }

    /** Replaces the pipeline's state inside the connection's open transaction. */
    public void save(Connection connection, String pipeline, State state, Instant committedAt) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table.sql() + " WHERE pipeline = ?")) {
            delete.setString(1, pipeline);
            delete.executeUpdate();
        }
        if (state.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.sql()
                + " (pipeline, name, kind, value, committed_at) VALUES (?, ?, ?, ?, "
                + dialect.timestampLiteral(committedAt) + ")")) {
            for (Map.Entry<String, Object> entry : state.values().entrySet()) {
                insert.setString(1, pipeline);
                insert.setString(2, entry.getKey());
                insert.setString(3, kind(entry.getValue()));
                insert.setString(4, entry.getValue().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String kind(Object value) {
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof Double) {
            return "double";
        }
        return value instanceof Boolean ? "boolean" : "string";
    }

    private Object decode(String kind, String value) {
        return switch (kind) {
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            case "boolean" -> Boolean.valueOf(value);
            case "string" -> value;
            default -> throw new InternalException("WAREHOUSE_STATE_UNREADABLE",
                    "The state table " + table + " holds a value of unknown kind '" + kind + "'.",
                    "Delete the rows of that pipeline from " + table + " and run it in full.");
        };
    }
}
