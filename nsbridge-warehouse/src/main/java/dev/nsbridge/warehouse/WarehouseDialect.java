package dev.nsbridge.warehouse;

import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between warehouse engines: native types, the bulk path, the upsert statement, how a table is
 * emptied and how their errors read. Everything else lives once in {@link WarehouseWriter}.
 */
public interface WarehouseDialect {

    /** The engine's name for messages, e.g. {@code DuckDB}. */
    String engine();

    /** The native type that stores a column type. */
    String sqlType(ColumnType type);

    /** A SQL literal for a UTC instant in the type {@link #sqlType} gives {@link ColumnType#TIMESTAMP}. */
    String timestampLiteral(Instant instant);

    /**
     * Creates a temporary table {@code name} with exactly {@code columns} and bulk-loads {@code rows} into it,
     * inside the connection's open transaction, streaming rather than building the whole load in memory.
     */
    void loadTemporaryTable(Connection connection, String name, List<Column> columns, List<Object[]> rows)
            throws SQLException;

    /**
     * Inserts rows into a table that has at least these columns and the meta columns, stamping each row with
     * {@code extractedAt} and not deleted. The default goes through a temporary table; an engine may go direct.
     */
    default void insertRows(Connection connection, TableName table, List<Column> columns, List<Object[]> rows,
                            Instant extractedAt) throws SQLException {
        String temporary = "_nsbridge_batch_insert";
        loadTemporaryTable(connection, temporary, columns, rows);
        Sql.execute(connection, Sql.insertSelect(table, columns, Identifiers.quote(temporary),
                timestampLiteral(extractedAt)));
        Sql.execute(connection, "DROP TABLE " + Identifiers.quote(temporary));
    }

    /** Makes the table ready for {@link #merge}, e.g. a unique index on the key; called in the open transaction. */
    void prepareMerge(Connection connection, TableName table, List<String> key) throws SQLException;

    /**
     * Upserts the rows of temporary table {@code source} (one row per key) into {@code table}: a row whose key is
     * stored replaces it, any other row is added.
     */
    void merge(Connection connection, TableName table, String source, List<Column> columns, List<String> key,
               Instant extractedAt) throws SQLException;

    /** Removes every row of a table inside the open transaction, keeping the table itself. */
    void emptyTable(Connection connection, TableName table) throws SQLException;

    /** The one place an engine's failures become nsbridge's errors; {@code doing} says what was under way. */
    NsbridgeException translate(SQLException failure, String doing);
}
