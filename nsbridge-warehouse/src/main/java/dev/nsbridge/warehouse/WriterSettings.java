package dev.nsbridge.warehouse;

import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A write request checked once and read into typed fields: the target, its staging table, the load method and
 * what happens to deleted rows.
 *
 * @param target        the table the pipeline keeps current
 * @param staging       where drop and truncate loads build the new contents before the swap
 * @param loadMethod    how the table takes the run's rows
 * @param uniqueKey     the columns a merge matches on
 * @param removeDeletes whether a merge removes deleted rows ({@code deletes: remove}) instead of flagging them
 * @param layout        how the stream's columns and the load metadata land in the table
 */
public record WriterSettings(TableName target, TableName staging, LoadMethod loadMethod, List<String> uniqueKey,
                             boolean removeDeletes, TableLayout layout) {
    /** The write option that says what a merge does with deleted rows: {@code flag} (default) or {@code remove}. */
    public static final String DELETES_OPTION = "deletes";
    private static final String STAGING_SUFFIX = "__nsbridge_load";

    public WriterSettings {
        uniqueKey = List.copyOf(uniqueKey);
    }

    public static WriterSettings of(WriteRequest request) {
        return of(request, LoadMetadata.NSBRIDGE);
    }

    public static WriterSettings of(WriteRequest request, LoadMetadata metadata) {
        TableName target = TableName.parse(request.target());
        String deletes = request.options().getOrDefault(DELETES_OPTION, "flag").toLowerCase(Locale.ROOT);
        if (!deletes.equals("flag") && !deletes.equals("remove")) {
            throw new ConfigurationException("CONFIG_INVALID_VALUE", "The setting " + DELETES_OPTION + " is '"
                    + deletes + "'.", "Set " + DELETES_OPTION + " to flag (keep deleted rows, marked "
                    + MetaColumns.DELETED + " = true) or remove.");
        }
        if (request.loadMethod() == LoadMethod.MERGE) {
            checkUniqueKey(request);
        }
        List<String> rowKey = request.uniqueKey().isEmpty() ? request.stream().primaryKey() : request.uniqueKey();
        TableLayout layout = new TableLayout(metadata, rowKey);
        layout.refuseReservedColumns(request.stream().columns());
        return new WriterSettings(target, target.sibling(target.table() + STAGING_SUFFIX), request.loadMethod(),
                request.uniqueKey(), deletes.equals("remove"), layout);
    }

    /** Whether the load builds a new table and swaps it in at the end of the run. */
    public boolean rebuilds() {
        return loadMethod == LoadMethod.DROP_CREATE_LOAD || loadMethod == LoadMethod.TRUNCATE_LOAD;
    }

    MergeStep merge(WarehouseDialect dialect, Instant extractedAt) {
        return new MergeStep(dialect, target, uniqueKey, removeDeletes || layout.removesDeletedParts(),
                layout.deletionAssignments(dialect.timestampLiteral(extractedAt)), extractedAt);
    }

    private static void checkUniqueKey(WriteRequest request) {
        if (request.uniqueKey().isEmpty()) {
            throw new ConfigurationException("CONFIG_MISSING_VALUE", "The merge into " + request.target()
                    + " has no unique key.", "Set the unique key to the columns that identify a row (usually the"
                    + " stream's primary key: " + request.stream().primaryKey() + "), or choose another load method.");
        }
        for (String column : request.uniqueKey()) {
            if (request.stream().column(column).isEmpty()) {
                throw new ConfigurationException("CONFIG_INVALID_VALUE", "The unique key column '" + column
                        + "' is not a column of stream " + request.stream().name() + ".",
                        "Set the unique key to columns of the stream, e.g. " + request.stream().primaryKey() + ".");
            }
        }
    }
}
