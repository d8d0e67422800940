package dev.nsbridge.warehouse;

import dev.nsbridge.spi.stream.Column;
import java.sql.Connection;
import java.util.Map;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** The statements both engines speak alike, built from quoted identifiers only. */
public final class Sql {
    private Sql() {
    }

    /** The table's columns in order, each lower-case name with its type as the catalog spells it; empty if none. */
    public static Map<String, String> columnTypes(Connection connection, TableName table) throws SQLException {
        String sql = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND"
                + " table_schema = " + (table.schema().isPresent() ? "?" : "current_schema()")
                + " ORDER BY ordinal_position";
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.table());
            if (table.schema().isPresent()) {
                statement.setString(2, table.schema().get());
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.put(result.getString(1).toLowerCase(Locale.ROOT), result.getString(2));
                }
            }
        }
        return columns;
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static long update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The quoted column names, comma separated, each prefixed with {@code alias.} when an alias is given. */
    public static String columnList(List<Column> columns, String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return columns.stream().map(c -> prefix + Identifiers.quotedColumn(c.name())).collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO table (columns, meta) SELECT columns, extractedAt, false FROM source}. */
    public static String insertSelect(TableName table, List<Column> columns, String source, String extractedAt) {
        return "INSERT INTO " + table.sql() + " (" + columnList(columns, "") + ", " + meta() + ") SELECT "
                + columnList(columns, "") + ", " + extractedAt + ", FALSE FROM " + source;
    }

    /** The meta columns, quoted, in table order. */
    public static String meta() {
        return Identifiers.quote(MetaColumns.EXTRACTED_AT) + ", " + Identifiers.quote(MetaColumns.DELETED);
    }

    /** {@code t.k1 = s.k1 AND t.k2 = s.k2} for the key columns. */
    public static String keysMatch(List<String> key, String left, String right) {
        return key.stream().map(Identifiers::quotedColumn).map(k -> left + "." + k + " = " + right + "." + k)
                .collect(Collectors.joining(" AND "));
    }
}
