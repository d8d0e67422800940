package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Full, incremental (merge) and backfill reads of one table: a probe, then id ranges read in parallel.
 *
 * <p>The watermark a read commits is the highest cursor value the probe saw, before any range was read: a row
 * changed while the ranges are read has a later cursor, so the next run reads it again (harmless, merges are
 * idempotent), whereas the highest value seen during the read could pass over a row changed in a range already
 * read. Every batch but the last carries the state the read started from; the last carries the new one.
 *
 * <p>An incremental read reads again the lookback before the watermark, for rows NetSuite committed late with an
 * earlier stamp. It does so only when something is new past the watermark (a row or a deletion): otherwise the
 * rows of the lookback would match every run and a quiet table would never cost just its one probe. A late row
 * is then read by the next run that finds anything new, since the watermark has not moved in between.
 */
final class TableReads {
    static final String LATEST = "maxcursor";
    static final String NEWER = "fresh";
    static final String DELETED_LATEST = "deletedmax";

    private final SuiteQl suiteQl;
    private final int workers;
    private final SourceTuning tuning;

    TableReads(SuiteQl suiteQl, int workers, SourceTuning tuning) {
        this.suiteQl = suiteQl;
        this.workers = workers;
        this.tuning = tuning;
    }

    /**
     * Every row; the new watermark is the table's latest cursor value at the start. The closing batch ends the
     * snapshot, so a merge flags what the read did not return: rows a killed earlier run landed, or rows deleted
     * while nothing read deletedrecord for them.
     */
    BatchReader full(ReadShape shape, ReadRequest request) {
        Probe.Result result = probe(shape, shape.select()).run(suiteQl);
        State finalState = SourceState.advance(request.state(), result.settled(LATEST));
        return ranged(shape, shape.select(), result, request.state(),
                () -> List.of(Batch.endOfSnapshot(shape.schema(), finalState)));
    }

    /** Rows whose cursor lies in the window; the state never moves. */
    BatchReader backfill(ReadShape shape, ReadRequest request, String cursor) {
        ReadRequest.Window window = request.window().orElseThrow();
        SuiteQlSelect select = shape.select().changedSince(cursor, window.from(), true, suiteQl.dates())
                .changedBefore(cursor, window.to(), suiteQl.dates());
        Probe.Result result = probe(shape, select).run(suiteQl);
        return ranged(shape, select, result, request.state(), () -> finalBatch(shape, request.state()));
    }

    /** Rows changed since the watermark less the lookback, and the records deleted since then as deleted keys. */
    BatchReader incremental(ReadShape shape, ReadRequest request, String cursor, Instant watermark) {
        Instant from = watermark.minus(request.lookback());
        SuiteQlSelect select = shape.select().changedSince(cursor, from, true, suiteQl.dates());
        List<String> types = DeletedRecords.typesOf(shape.table());
        Probe probe = probe(shape, select).newerThan(cursor, watermark, suiteQl.dates(), NEWER);
        if (!types.isEmpty()) {
            probe.scalar(DELETED_LATEST, DeletedRecords.latestAfter(types, watermark, suiteQl.dates()));
        }
        Probe.Result result = probe.run(suiteQl);
        State state = request.state();
        if (result.count(NEWER) == 0 && result.latest(DELETED_LATEST).isEmpty()) {
            return nothingNew(shape, state);
        }
        State finalState = SourceState.advance(SourceState.advance(state, result.settled(LATEST)),
                result.settled(DELETED_LATEST));
        return ranged(shape, select, result, state, () -> types.isEmpty() ? finalBatch(shape, finalState)
                : deletions(shape, types, from, state, finalState));
    }

    /** The read of a quiet table: one empty batch that leaves the state as it was. */
    BatchReader nothingNew(ReadShape shape, State state) {
        return new ParallelBatchReader(shape.table(), List.of(), 1, 1, OptionalLong.of(0),
                () -> finalBatch(shape, state));
    }

    private Probe probe(ReadShape shape, SuiteQlSelect select) {
        Probe probe = new Probe(select);
        if (shape.rangeable()) {
            probe.keyRange(shape.leadingKey());
        }
        shape.cursor().ifPresent(cursor -> probe.latest(cursor, LATEST));
        return probe;
    }

    private BatchReader ranged(ReadShape shape, SuiteQlSelect select, Probe.Result result, State state,
                               Supplier<List<Batch>> closing) {
        List<ReadTask> tasks = new ArrayList<>();
        if (result.count() > 0) {
            Optional<List<KeyRanges.Range>> ranges = result.low().isPresent() && result.high().isPresent()
                    ? Optional.of(KeyRanges.split(result.low().getAsLong(), result.high().getAsLong(), result.count(),
                    workers, tuning.rangeRows(), tuning.pageRows())) : Optional.empty();
            tasks = RangeTask.over(suiteQl, select, shape, ranges, tuning, state);
        }
        return new ParallelBatchReader(shape.table(), tasks, workers, tuning.queuedBatches(),
                OptionalLong.of(result.count()), closing);
    }

    static List<Batch> finalBatch(ReadShape shape, State state) {
        return List.of(Batch.of(shape.schema(), List.of(), state));
    }

    /**
     * The deleted records, in batches; the last one carries the new state. A table keyed by one column gets deleted
     * keys; a table of lines (keyed by transaction and more) gets a scope over the deleted transactions.
     */
    List<Batch> deletions(ReadShape shape, List<String> types, Instant from, State state, State finalState) {
        // A read of part of the table sends the deletions of its part only: each part has a reader of its own.
        List<Long> ids = DeletedRecords.idsSince(suiteQl, types, from, tuning.pageRows()).stream()
                .filter(shape::covers).toList();
        boolean scoped = shape.keys().size() > 1;
        int size = scoped ? tuning.inListItems() : tuning.batchRows();
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += size) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + size));
            State after = start + size >= ids.size() ? finalState : state;
            batches.add(scoped ? scopeOnly(shape, chunk, after)
                    : new Batch(shape.schema(), List.of(), chunk.stream().map(id -> List.<Object>of(id)).toList(),
                    Optional.empty(), after));
        }
        return batches.isEmpty() ? finalBatch(shape, finalState) : batches;
    }

    /**
     * A batch with no rows whose scope is the given records of the leading key: a deleted transaction removes all
     * its lines, which deletedrecord never lists one by one.
     */
    static Batch scopeOnly(ReadShape shape, List<Long> leadingKeys, State after) {
        return new Batch(shape.schema(), List.of(), List.of(), Optional.of(new Batch.Scope(shape.leadingKey(),
                List.copyOf(leadingKeys))), after);
    }
}
