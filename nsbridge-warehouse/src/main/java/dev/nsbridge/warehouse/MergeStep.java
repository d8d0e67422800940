package dev.nsbridge.warehouse;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of a merge: vanished rows of a replaced scope go, the batch's rows are upserted on the unique key,
 * deleted keys are flagged or removed, and the end of a full read flags (or removes) every row it did not return. Redoing the same batch leaves the table as it was, so a crash between
 * the write and the engine's bookkeeping doubles nothing.
 */
final class MergeStep {
    private static final String ROWS = "_nsbridge_batch_rows";
    private static final String SCOPE = "_nsbridge_batch_scope";
    private static final String DELETED = "_nsbridge_batch_deleted";

    private final WarehouseDialect dialect;
    private final TableName target;
    private final List<String> key;
    private final boolean removeDeletes;
    private final List<String> deletionAssignments;
    private final Instant extractedAt;

    /** @param deletionAssignments what flagging a row sets besides nsbridge's own flag and stamp (load metadata) */
    MergeStep(WarehouseDialect dialect, TableName target, List<String> key, boolean removeDeletes,
              List<String> deletionAssignments, Instant extractedAt) {
        this.dialect = dialect;
        this.target = target;
        this.key = List.copyOf(key);
        this.removeDeletes = removeDeletes;
        this.deletionAssignments = List.copyOf(deletionAssignments);
        this.extractedAt = extractedAt;
    }

    WriteResult apply(Connection connection, Batch batch) throws SQLException {
        List<Column> columns = batch.schema().columns();
        int[] keyPositions = keyPositions(batch);
        long deleted = 0;
        List<Object[]> rows = latestPerKey(batch.rows(), keyPositions);
        if (!rows.isEmpty() || batch.replaces().isPresent()) {
            dialect.loadTemporaryTable(connection, ROWS, columns, rows);
            if (batch.replaces().isPresent()) {
                deleted += removeVanished(connection, batch);
            }
            if (!rows.isEmpty()) {
                dialect.merge(connection, target, ROWS, columns, key, extractedAt);
            }
            Sql.execute(connection, "DROP TABLE " + Identifiers.quote(ROWS));
        }
        if (!batch.deletedKeys().isEmpty()) {
            deleted += applyDeletes(connection, batch, keyPositions);
        }
        if (batch.endsSnapshot()) {
            deleted += sweep(connection);
        }
        return new WriteResult(rows.size(), deleted, List.of());
    }

    /**
     * The end of a full read: every live row it returned was upserted by this run and carries this run's stamp, so
     * a row with an older stamp is one the source no longer has. A row upserted by this run is never touched.
     */
    private long sweep(Connection connection) throws SQLException {
        String extracted = Identifiers.quote(MetaColumns.EXTRACTED_AT);
        String deletedFlag = Identifiers.quote(MetaColumns.DELETED);
        String stamp = dialect.timestampLiteral(extractedAt);
        String older = " WHERE (" + extracted + " IS NULL OR " + extracted + " < " + stamp + ")";
        return removeDeletes
                ? Sql.update(connection, "DELETE FROM " + target.sql() + older)
                : Sql.update(connection, "UPDATE " + target.sql() + " SET " + flagged() + older + " AND NOT coalesce("
                        + deletedFlag + ", FALSE)");
    }

    private long removeVanished(Connection connection, Batch batch) throws SQLException {
        Batch.Scope scope = batch.replaces().orElseThrow();
        int position = batch.schema().indexOf(scope.column());
        if (position < 0) {
            throw new ConfigurationException("WAREHOUSE_SCOPE_COLUMN", "The batch replaces rows by column '"
                    + scope.column() + "', which it does not carry.", "Include that column in the extract.");
        }
        Column column = batch.schema().column(position);
        List<Object[]> values = scope.values().stream().map(v -> new Object[] {v}).toList();
        dialect.loadTemporaryTable(connection, SCOPE, List.of(column), values);
        String quoted = Identifiers.quotedColumn(column.name());
        long removed = Sql.update(connection, "DELETE FROM " + target.sql() + " WHERE " + target.sql() + "." + quoted
                + " IN (SELECT " + quoted + " FROM " + Identifiers.quote(SCOPE) + ") AND NOT EXISTS (SELECT 1 FROM "
                + Identifiers.quote(ROWS) + " WHERE " + Sql.keysMatch(key, target.sql(), Identifiers.quote(ROWS)) + ")");
        Sql.execute(connection, "DROP TABLE " + Identifiers.quote(SCOPE));
        return removed;
    }

    private long applyDeletes(Connection connection, Batch batch, int[] keyPositions) throws SQLException {
        List<Column> keyColumns = new ArrayList<>();
        for (int position : keyPositions) {
            keyColumns.add(batch.schema().column(position));
        }
        List<Object[]> keys = batch.deletedKeys().stream().map(List::toArray).toList();
        dialect.loadTemporaryTable(connection, DELETED, keyColumns, keys);
        String matches = " WHERE EXISTS (SELECT 1 FROM " + Identifiers.quote(DELETED) + " WHERE "
                + Sql.keysMatch(key, target.sql(), Identifiers.quote(DELETED)) + ")";
        long affected = removeDeletes
                ? Sql.update(connection, "DELETE FROM " + target.sql() + matches)
                : Sql.update(connection, "UPDATE " + target.sql() + " SET " + flagged() + matches);
        Sql.execute(connection, "DROP TABLE " + Identifiers.quote(DELETED));
        return affected;
    }

    /** The assignments that mark a row deleted by this run. */
    private String flagged() {
        List<String> assignments = new ArrayList<>();
        assignments.add(Identifiers.quote(MetaColumns.DELETED) + " = TRUE");
        assignments.add(Identifiers.quote(MetaColumns.EXTRACTED_AT) + " = " + dialect.timestampLiteral(extractedAt));
        assignments.addAll(deletionAssignments);
        return String.join(", ", assignments);
    }

    private int[] keyPositions(Batch batch) {
        int[] positions = new int[key.size()];
        for (int i = 0; i < key.size(); i++) {
            positions[i] = batch.schema().indexOf(key.get(i));
            if (positions[i] < 0) {
                throw new ConfigurationException("CONFIG_INVALID_VALUE", "The unique key column '" + key.get(i)
                        + "' is not among the batch's columns.", "Include every unique key column in the extract.");
            }
        }
        return positions;
    }

    /** One statement cannot upsert a key twice in either engine, so the last version in the batch wins. */
    private static List<Object[]> latestPerKey(List<Object[]> rows, int[] keyPositions) {
        Map<List<Object>, Object[]> latest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<Object> rowKey = new ArrayList<>(keyPositions.length);
            for (int position : keyPositions) {
                rowKey.add(row[position]);
            }
            latest.remove(rowKey);
            latest.put(rowKey, row);
        }
        return new ArrayList<>(latest.values());
    }
}
