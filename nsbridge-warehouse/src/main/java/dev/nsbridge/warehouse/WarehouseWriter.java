package dev.nsbridge.warehouse;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.destination.DestinationWriter;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run's writes into one warehouse table. Every {@link #write} is one transaction holding the batch's rows,
 * deletes and state, so a crash redoes at most the last batch.
 *
 * <p>{@code drop_create_load} and {@code truncate_load} fill a staging table beside the target and swap it in
 * at {@link #complete} in one transaction together with the state: until then the previous table stays whole and
 * readers never see a half-loaded one. {@code drop_create_load} drops the target and renames the staging table
 * into place, so the table takes the stream's shape anew; {@code truncate_load} empties the target and copies the
 * staging rows in, so the table itself (grants, views, indexes, extra columns) stays.
 */
public final class WarehouseWriter implements DestinationWriter {
    private final Connection connection;
    private final WarehouseDialect dialect;
    private final WriteRequest request;
    private final WriterSettings settings;
    private final Instant extractedAt;
    private final SchemaEvolution schema;
    private final StateTable stateTable;
    private final List<Column> loadColumns;
    private Set<String> tableColumns;
    private State committed;
    private boolean completed;

    private WarehouseWriter(Connection connection, WarehouseDialect dialect, WriteRequest request,
                            WriterSettings settings, Instant extractedAt) {
        this.connection = connection;
        this.dialect = dialect;
        this.request = request;
        this.settings = settings;
        this.extractedAt = extractedAt.truncatedTo(ChronoUnit.MICROS);
        this.schema = new SchemaEvolution(dialect);
        this.stateTable = new StateTable(settings.target(), dialect);
        this.loadColumns = new ArrayList<>(settings.layout().columns(request.stream().columns()));
    }

    /**
     * Prepares the target for a run: validates the request before connecting, creates or evolves the table (or
     * a fresh staging table) and reads the committed state. The writer owns the connection and closes it.
     */
    public static WarehouseWriter open(Supplier<Connection> connections, WarehouseDialect dialect,
                                       WriteRequest request, Instant extractedAt) {
        return open(connections, dialect, request, extractedAt, LoadMetadata.NSBRIDGE);
    }

    /** As {@link #open(Supplier, WarehouseDialect, WriteRequest, Instant)}, landing the destination's metadata. */
    public static WarehouseWriter open(Supplier<Connection> connections, WarehouseDialect dialect,
                                       WriteRequest request, Instant extractedAt, LoadMetadata metadata) {
        WriterSettings settings = WriterSettings.of(request, metadata);
        Connection connection = connections.get();
        try {
            WarehouseWriter writer = new WarehouseWriter(connection, dialect, request, settings, extractedAt);
            connection.setAutoCommit(false);
            writer.inTransaction("preparing table " + writer.settings.target(), writer::prepare);
            return writer;
        } catch (SQLException | RuntimeException failure) {
            closeQuietly(connection, failure);
            throw failure instanceof SQLException sql ? dialect.translate(sql, "preparing the destination table")
                    : (RuntimeException) failure;
        }
    }

    private Void prepare() throws SQLException {
        TableName table = writtenTable();
        // A rebuild killed before its swap leaves its staging table behind, whatever load method the next run of
        // this extract uses (a full refresh is a rebuild, the runs after it merge): every run drops it, so it never
        // outlives one. Only this target's own staging table is touched.
        Sql.execute(connection, "DROP TABLE IF EXISTS " + settings.staging().sql());
        if (settings.rebuilds()) {
            schema.create(connection, table, loadColumns, List.of());
        } else {
            List<String> notNull = request.loadMethod() == LoadMethod.MERGE ? request.uniqueKey() : List.of();
            schema.ensure(connection, table, loadColumns, notNull);
            if (request.loadMethod() == LoadMethod.MERGE) {
                dialect.prepareMerge(connection, table, request.uniqueKey());
            }
        }
        stateTable.createIfMissing(connection);
        tableColumns = schema.columnsOf(connection, table);
        committed = stateTable.read(connection, request.pipeline());
        return null;
    }

    @Override
    public Optional<State> committedState() {
        return Optional.of(committed);
    }

    @Override
    public WriteResult write(Batch batch) {
        ensureOpen();
        WriteResult result = inTransaction("writing a batch to " + settings.target(), () -> {
            Batch landed = settings.layout().land(batch, extractedAt);
            evolve(batch.schema().columns(), landed.schema().columns());
            WriteResult written;
            if (request.loadMethod() == LoadMethod.MERGE) {
                written = settings.merge(dialect, extractedAt).apply(connection, landed);
            } else {
                if (!landed.rows().isEmpty()) {
                    dialect.insertRows(connection, writtenTable(), landed.schema().columns(), landed.rows(),
                            extractedAt);
                }
                written = WriteResult.of(batch.size());
            }
            if (!settings.rebuilds()) {
                stateTable.save(connection, request.pipeline(), batch.stateAfter(), extractedAt);
            }
            return written;
        });
        if (!settings.rebuilds()) {
            committed = batch.stateAfter();
        }
        return result;
    }

    @Override
    public void complete(State finalState) {
        ensureOpen();
        inTransaction("completing the load of " + settings.target(), () -> {
            switch (request.loadMethod()) {
                case DROP_CREATE_LOAD -> {
                    Sql.execute(connection, "DROP TABLE IF EXISTS " + settings.target().sql());
                    Sql.execute(connection, "ALTER TABLE " + settings.staging().sql() + " RENAME TO "
                            + Identifiers.quote(settings.target().table()));
                }
                case TRUNCATE_LOAD -> {
                    schema.ensure(connection, settings.target(), loadColumns, List.of());
                    dialect.emptyTable(connection, settings.target());
                    String columns = Sql.columnList(loadColumns, "") + ", " + Sql.meta();
                    Sql.execute(connection, "INSERT INTO " + settings.target().sql() + " (" + columns + ") SELECT "
                            + columns + " FROM " + settings.staging().sql());
                    Sql.execute(connection, "DROP TABLE " + settings.staging().sql());
                }
                case APPEND, MERGE -> {
                }
            }
            stateTable.save(connection, request.pipeline(), finalState, extractedAt);
            return null;
        });
        committed = finalState;
        completed = true;
    }

    /** A rebuild that never completed leaves its staging table; it is dropped here or by the next run's open. */
    @Override
    public void close() {
        try {
            if (settings.rebuilds() && !completed && !connection.isClosed()) {
                Sql.execute(connection, "DROP TABLE IF EXISTS " + settings.staging().sql());
                connection.commit();
            }
        } catch (SQLException ignored) {
            // The staging table is dropped again when the next run opens; the previous table is whole either way.
        } finally {
            closeQuietly(connection, null);
        }
    }

    private TableName writtenTable() {
        return settings.rebuilds() ? settings.staging() : settings.target();
    }

    /**
     * Adds the batch's columns the table lacks, inside the batch's transaction.
     *
     * @param source the columns as the source sent them, checked against the names load metadata keeps
     * @param columns the same columns as they land
     */
    private void evolve(List<Column> source, List<Column> columns) throws SQLException {
        List<Column> missing = columns.stream()
                .filter(c -> !tableColumns.contains(Identifiers.column(c.name()))).toList();
        if (missing.isEmpty()) {
            return;
        }
        settings.layout().refuseReservedColumns(source.stream()
                .filter(c -> !tableColumns.contains(Identifiers.column(c.name()))).toList());
        schema.ensure(connection, writtenTable(), missing, List.of());
        for (Column column : missing) {
            if (loadColumns.stream().noneMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
                loadColumns.add(column);
            }
        }
        tableColumns = schema.columnsOf(connection, writtenTable());
    }

    private void ensureOpen() {
        if (completed) {
            throw new InternalException("WAREHOUSE_WRITER_COMPLETED", "The load of " + settings.target()
                    + " was already completed.", "Open a new writer for the next run.");
        }
    }

    private <T> T inTransaction(String doing, SqlWork<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException failure) {
            rollbackQuietly(failure);
            throw dialect.translate(failure, doing);
        } catch (NsbridgeException failure) {
            rollbackQuietly(failure);
            throw failure;
        } catch (RuntimeException failure) {
            rollbackQuietly(failure);
            throw new InternalException("WAREHOUSE_UNEXPECTED", "Unexpected failure while " + doing + ": "
                    + failure.getClass().getSimpleName(), "Report this with the log.", failure);
        }
    }

    private void rollbackQuietly(Exception failure) {
        try {
            connection.rollback();
            tableColumns = schema.columnsOf(connection, writtenTable());
            connection.commit();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            if (failure != null) {
                failure.addSuppressed(closeFailure);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
