package dev.nsbridge.warehouse.postgres;

import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.warehouse.Identifiers;
import dev.nsbridge.warehouse.MetaColumns;
import dev.nsbridge.warehouse.Sql;
import dev.nsbridge.warehouse.TableName;
import dev.nsbridge.warehouse.WarehouseDialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's side of a warehouse load: {@code COPY ... FROM STDIN} for every row, {@code INSERT ... ON CONFLICT}
 * on a unique index over the key for merge, {@code TRUNCATE} (transactional here) for truncate loads.
 * Timestamps are {@code timestamptz}; decimals are unconstrained {@code numeric}, so no digit is lost.
 */
final class PostgresDialect implements WarehouseDialect {
    /** Rows are sent in pieces of about this many characters, so memory stays flat however big a batch is. */
    private static final int CHUNK = 1 << 16;
    private final PostgresErrors errors;

    PostgresDialect(PostgresErrors errors) {
        this.errors = errors;
    }

    @Override
    public String engine() {
        return "PostgreSQL";
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
            case RECORDS -> throw new IllegalArgumentException("nested records have no warehouse column type");
        };
    }

    @Override
    public String timestampLiteral(Instant instant) {
        return "TIMESTAMPTZ '" + instant + "'";
    }

    @Override
    public void loadTemporaryTable(Connection connection, String name, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        String definitions = columns.stream().map(c -> Identifiers.quotedColumn(c.name()) + " " + sqlType(c.type()))
                .collect(Collectors.joining(", "));
        Sql.execute(connection, "CREATE TEMPORARY TABLE " + Identifiers.quote(name) + " (" + definitions + ")");
        copy(connection, Identifiers.quote(name) + " (" + Sql.columnList(columns, "") + ")",
                new CopyEncoder(columns, List.of()), rows);
    }

    /** Straight into the table, meta columns included: no temporary table, no second pass over the rows. */
    @Override
    public void insertRows(Connection connection, TableName table, List<Column> columns, List<Object[]> rows,
                           Instant extractedAt) throws SQLException {
        copy(connection, table.sql() + " (" + Sql.columnList(columns, "") + ", " + Sql.meta() + ")",
                new CopyEncoder(columns, List.of(extractedAt.toString(), "f")), rows);
    }

    private static void copy(Connection connection, String into, CopyEncoder encoder, List<Object[]> rows)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + into + " FROM STDIN (FORMAT text)");
        try {
            StringBuilder buffer = new StringBuilder(CHUNK + 1024);
            for (Object[] row : rows) {
                encoder.encode(row, buffer);
                if (buffer.length() >= CHUNK) {
                    send(copy, buffer);
                }
            }
            send(copy, buffer);
            copy.endCopy();
        } catch (SQLException | RuntimeException failure) {
            // A copy left open would hold the connection in COPY mode; the transaction is rolled back anyway.
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancelFailure) {
                    failure.addSuppressed(cancelFailure);
                }
            }
            throw failure;
        }
    }

    private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Named after the table and key, so a changed unique key gets its own index rather than a stale one. */
    @Override
    public void prepareMerge(Connection connection, TableName table, List<String> key) throws SQLException {
        String keyColumns = key.stream().map(Identifiers::column).collect(Collectors.joining(","));
        String index = table.table() + "__uk_" + String.format("%08x", keyColumns.hashCode());
        Sql.execute(connection, "CREATE UNIQUE INDEX IF NOT EXISTS " + Identifiers.quote(index) + " ON " + table.sql()
                + " (" + key.stream().map(Identifiers::quotedColumn).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public void merge(Connection connection, TableName table, String source, List<Column> columns, List<String> key,
                      Instant extractedAt) throws SQLException {
        String updates = columns.stream().filter(c -> key.stream().noneMatch(k -> k.equalsIgnoreCase(c.name())))
                .map(c -> Identifiers.quotedColumn(c.name()) + " = EXCLUDED." + Identifiers.quotedColumn(c.name()))
                .collect(Collectors.joining(", "));
        String meta = Identifiers.quote(MetaColumns.EXTRACTED_AT) + " = EXCLUDED."
                + Identifiers.quote(MetaColumns.EXTRACTED_AT) + ", " + Identifiers.quote(MetaColumns.DELETED) + " = FALSE";
        Sql.execute(connection, Sql.insertSelect(table, columns, Identifiers.quote(source),
                timestampLiteral(extractedAt)) + " ON CONFLICT (" + key.stream().map(Identifiers::quotedColumn)
                .collect(Collectors.joining(", ")) + ") DO UPDATE SET "
                + (updates.isEmpty() ? "" : updates + ", ") + meta);
    }

    @Override
    public void emptyTable(Connection connection, TableName table) throws SQLException {
        Sql.execute(connection, "TRUNCATE TABLE " + table.sql());
    }

    @Override
    public NsbridgeException translate(SQLException failure, String doing) {
        return errors.translate(failure, doing);
    }
}
