package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Incremental reads of the tables of a transaction's lines (transactionline, transactionaccountingline). A line
 * removed from a surviving transaction leaves no trace (deletedrecord lists whole records only), so instead of the
 * changed lines this reads every line of each changed transaction and sends them with a scope over those
 * transactions: the destination drops the stored lines they no longer have. A transaction counts as changed when
 * its own lastmodifieddate or one of its lines' cursor is at or after the watermark less the lookback.
 *
 * <p>transactionaccountingline has lastmodifieddate only since 2023.1. Its older rows are loaded by the first
 * (full) read, and later whenever their transaction changes, since a changed transaction is read whole; rows of a
 * transaction untouched since before 2023.1 do not change.
 */
final class TransactionScopedReads {
    static final String TRANSACTION = "transaction";
    private static final String LINES_LATEST = "linemax";

    private final SuiteQl suiteQl;
    private final TableReads tables;
    private final int workers;
    private final SourceTuning tuning;

    TransactionScopedReads(SuiteQl suiteQl, TableReads tables, int workers, SourceTuning tuning) {
        this.suiteQl = suiteQl;
        this.tables = tables;
        this.workers = workers;
        this.tuning = tuning;
    }

    static boolean applies(ReadShape shape) {
        return shape.keys().size() > 1 && shape.leadingKey().equalsIgnoreCase(TRANSACTION);
    }

    BatchReader incremental(ReadShape shape, ReadRequest request, String cursor, Instant watermark) {
        DateConventions dates = suiteQl.dates();
        Instant from = watermark.minus(request.lookback());
        String since = "TO_DATE(?, '" + DateConventions.TO_CHAR_FORMAT + "')";
        List<String> types = DeletedRecords.TRANSACTION_TYPES;
        // One probe: changed transactions, the latest line stamped past the watermark, the latest deletion.
        Probe.Result probe = new Probe(transactions().changedSince("lastmodifieddate", from, true, dates))
                .latest("lastmodifieddate", TableReads.LATEST)
                .newerThan("lastmodifieddate", watermark, dates, TableReads.NEWER)
                .scalar(LINES_LATEST, new Condition("SELECT TO_CHAR(MAX(" + cursor + "), '"
                        + DateConventions.TO_CHAR_FORMAT + "') FROM " + shape.table() + " WHERE " + cursor + " > "
                        + since, List.of(dates.toDateParameter(watermark))))
                .scalar(TableReads.DELETED_LATEST, DeletedRecords.latestAfter(types, watermark, dates))
                .run(suiteQl);
        State state = request.state();
        if (probe.count(TableReads.NEWER) == 0 && probe.latest(LINES_LATEST).isEmpty()
                && probe.latest(TableReads.DELETED_LATEST).isEmpty()) {
            return tables.nothingNew(shape, state);
        }
        State finalState = state;
        for (String latest : List.of(TableReads.LATEST, LINES_LATEST, TableReads.DELETED_LATEST)) {
            finalState = SourceState.advance(finalState, probe.settled(latest));
        }
        List<ReadTask> tasks = new ArrayList<>();
        for (List<Long> chunk : chunks(changedTransactions(shape, cursor, from, since))) {
            tasks.add(sink -> readWhole(shape, chunk, state, sink));
        }
        State last = finalState;
        Supplier<List<Batch>> closing = () -> tables.deletions(shape, types, from, state, last);
        return new ParallelBatchReader(shape.table(), tasks, workers, tuning.queuedBatches(), OptionalLong.empty(),
                closing);
    }

    /** The ids of changed transactions, in order; a run's changes are few enough to hold. */
    private List<Long> changedTransactions(ReadShape shape, String cursor, Instant from, String since) {
        String parameter = suiteQl.dates().toDateParameter(from);
        SuiteQlSelect select = transactions().where(new Condition("lastmodifieddate >= " + since
                + " OR id IN (SELECT transaction FROM " + shape.table() + " WHERE " + cursor + " >= " + since + ")",
                List.of(parameter, parameter)));
        TreeSet<Long> ids = new TreeSet<>();
        try (SuiteQlRows rows = suiteQl.readByKeyset(select, List.of("id"), tuning.pageRows())) {
            rows.forEachRemaining(row -> ids.add(row.integer("id")));
        }
        return List.copyOf(ids);
    }

    private static SuiteQlSelect transactions() {
        return SuiteQlSelect.from("transaction", List.of(new Column("id", ColumnType.INTEGER)));
    }

    /** Enough chunks to keep every worker busy, none over NetSuite's 1,000 items in an IN list. */
    private List<List<Long>> chunks(List<Long> ids) {
        int size = (int) Math.min(tuning.inListItems(), Math.max(1, (ids.size() + workers - 1) / workers));
        List<List<Long>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += size) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + size)));
        }
        return chunks;
    }

    /**
     * Every line of the chunk's transactions, in transaction order, in batches that hold whole transactions. Each
     * batch's scope covers its transactions and any transaction of the chunk before them that has no line left.
     */
    private void readWhole(ReadShape shape, List<Long> chunk, State state, ReadTask.Sink sink)
            throws InterruptedException {
        SuiteQlSelect select = shape.select().where(new Condition(TRANSACTION + " IN ("
                + DeletedRecords.placeholders(chunk.size()) + ")", chunk.stream().map(String::valueOf).toList()));
        int transactionColumn = shape.schema().indexOf(TRANSACTION);
        List<Object[]> batch = new ArrayList<>();
        int scoped = 0;
        Long current = null;
        try (SuiteQlRows rows = shape.keys().size() <= 2
                ? suiteQl.readByKeyset(select, shape.keys(), tuning.pageRows())
                : suiteQl.readByOffset(select.orderedBy(shape.keys()).toQuery(), tuning.pageRows())) {
            while (rows.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("read stopped");
                }
                Object[] row = rows.next().toArray(shape.schema());
                Long transaction = (Long) row[transactionColumn];
                if (current != null && !transaction.equals(current) && batch.size() >= tuning.batchRows()) {
                    int end = upTo(chunk, current);
                    sink.accept(scopedBatch(shape, batch, chunk.subList(scoped, end), state));
                    scoped = end;
                    batch = new ArrayList<>();
                }
                current = transaction;
                batch.add(row);
            }
        }
        sink.accept(scopedBatch(shape, batch, chunk.subList(scoped, chunk.size()), state));
    }

    /** The position just past {@code transaction} in the sorted chunk. */
    private static int upTo(List<Long> chunk, long transaction) {
        int position = java.util.Collections.binarySearch(chunk, transaction);
        return position >= 0 ? position + 1 : -position - 1;
    }

    private static Batch scopedBatch(ReadShape shape, List<Object[]> rows, List<Long> transactions, State state) {
        return new Batch(shape.schema(), rows, List.of(), Optional.of(new Batch.Scope(TRANSACTION,
                List.copyOf(transactions))), state);
    }
}
