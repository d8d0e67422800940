package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one key range (or the whole select) by keyset, so no offset grows past NetSuite's 100,000-row cap, and
 * hands its rows on in batches that all carry {@code state}. A key of three columns (transactionaccountingline)
 * cannot be read by keyset here, so its range is read by offset in key order: ranges are planned small enough.
 */
final class RangeTask implements ReadTask {
    private final SuiteQl suiteQl;
    private final SuiteQlSelect select;
    private final List<String> keys;
    private final RecordSchema schema;
    private final SourceTuning tuning;
    private final State state;

    RangeTask(SuiteQl suiteQl, SuiteQlSelect select, List<String> keys, RecordSchema schema, SourceTuning tuning,
              State state) {
        this.suiteQl = suiteQl;
        this.select = select;
        this.keys = List.copyOf(keys);
        this.schema = schema;
        this.tuning = tuning;
        this.state = state;
    }

    /** One task per range, or one for the whole select when the table cannot be split. */
    static List<ReadTask> over(SuiteQl suiteQl, SuiteQlSelect select, ReadShape shape, Optional<List<KeyRanges.Range>>
            ranges, SourceTuning tuning, State state) {
        List<ReadTask> tasks = new ArrayList<>();
        if (ranges.isEmpty()) {
            tasks.add(new RangeTask(suiteQl, select, shape.keys(), shape.schema(), tuning, state));
            return tasks;
        }
        for (KeyRanges.Range range : ranges.get()) {
            tasks.add(new RangeTask(suiteQl, select.range(shape.leadingKey(), range.from(), range.to()), shape.keys(),
                    shape.schema(), tuning, state));
        }
        return tasks;
    }

    @Override
    public void run(Sink sink) throws InterruptedException {
        try (SuiteQlRows rows = keys.size() <= 2 ? suiteQl.readByKeyset(select, keys, tuning.pageRows())
                : suiteQl.readByOffset(select.orderedBy(keys).toQuery(), tuning.pageRows())) {
            drain(rows, schema, tuning.batchRows(), state, sink);
        }
    }

    /** Every row, converted to its columns' Java types, in batches of {@code batchRows}. */
    static void drain(SuiteQlRows rows, RecordSchema schema, int batchRows, State state, Sink sink)
            throws InterruptedException {
        List<Object[]> batch = new ArrayList<>(batchRows);
        while (rows.hasNext()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("read stopped");
            }
            SuiteQlRow row = rows.next();
            batch.add(row.toArray(schema));
            if (batch.size() == batchRows) {
                sink.accept(Batch.of(schema, batch, state));
                batch = new ArrayList<>(batchRows);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(Batch.of(schema, batch, state));
        }
    }
}
