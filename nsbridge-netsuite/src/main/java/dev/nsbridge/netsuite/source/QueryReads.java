package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.KeyColumn;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads of a user's SuiteQL query, wrapped as an inline view ({@code SELECT cols FROM (query) q WHERE keyset ORDER
 * BY keys}) and paged by keyset, so NetSuite's 100,000-row offset cap never applies however large the query:
 * <ul>
 *   <li>full (or a query without a cursor): by the unique key; every batch carries the state the read started
 *       from, the closing one ends the snapshot with the latest cursor value the probe saw as the watermark;</li>
 *   <li>a window (backfill): the rows whose cursor lies in it, by the unique key; the state never moves;</li>
 *   <li>incremental: by (cursor, unique key), rows with a cursor only; each batch carries the position of its last
 *       row, so a killed run resumes after the last batch written. A run continues strictly after the saved
 *       position when the read is ordered (append) or has no lookback; otherwise (merges) it starts again the
 *       lookback before it, for rows NetSuite committed late with an earlier stamp. Without a position it starts
 *       after the watermark a full read left, else at the request's start instant, else at the beginning.</li>
 * </ul>
 * The cursor must be a date the query projects with {@code TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')}: the outer
 * select compares it through {@code TO_DATE} with that format (see {@link KeyColumn}).
 */
final class QueryReads {
    static final String ALIAS = "q";

    private final SuiteQl suiteQl;
    private final int pageRows;

    QueryReads(SuiteQl suiteQl, int pageRows) {
        this.suiteQl = suiteQl;
        this.pageRows = pageRows;
    }

    BatchReader read(String query, ReadRequest request, Optional<Instant> start) {
        ReadShape shape = ReadShape.of(request);
        SuiteQlSelect select = select(query, shape);
        List<KeyColumn> keys = shape.keys().stream().map(KeyColumn::plain).toList();
        State state = request.state();
        Optional<KeyColumn> cursor = shape.cursor().map(c -> cursorColumn(shape, c));
        if (request.window().isPresent()) {
            KeyColumn on = cursor.orElseThrow(() -> new ConfigurationException("NETSUITE_BACKFILL_NEEDS_CURSOR",
                    shape.table() + " has no incremental key, so it cannot be read by window",
                    "run a full read of " + shape.table()));
            ReadRequest.Window window = request.window().get();
            SuiteQlSelect inWindow = select.compared(on, ">=", suiteQl.dates().toDateParameter(window.from()))
                    .compared(on, "<", suiteQl.dates().toDateParameter(window.to()));
            return new QueryPages(suiteQl, shape, inWindow, keys, Optional.empty(), pageRows, state,
                    OptionalLong.empty(), Optional.empty());
        }
        if (request.mode() == ReadMode.FULL || cursor.isEmpty()) {
            Probe probe = new Probe(select);
            cursor.ifPresent(c -> probe.latestText(c.column(), TableReads.LATEST));
            Probe.Result result = probe.run(suiteQl);
            State finalState = SourceState.advance(SourceState.withoutPosition(state),
                    result.settled(TableReads.LATEST));
            return new QueryPages(suiteQl, shape, select, keys, Optional.empty(), pageRows, state,
                    OptionalLong.of(result.count()), Optional.of(finalState));
        }
        KeyColumn on = cursor.get();
        List<KeyColumn> order = new ArrayList<>();
        order.add(on);
        order.addAll(keys);
        SuiteQlSelect incremental = select.whereNotNull(on.column());
        if (request.ordered()) {
            // Not the current second: a row stamped later in it could sort before the position and be passed over.
            incremental = incremental.where(new Condition("TO_DATE(" + on.column() + ", '"
                    + DateConventions.TO_CHAR_FORMAT + "') < SYSDATE", List.of()));
        }
        boolean exact = request.ordered() || request.lookback().isZero();
        Optional<Instant> positionCursor = SourceState.positionCursor(state);
        List<String> positionKeys = SourceState.positionKeys(state, keys.size());
        Optional<Instant> watermark = SourceState.watermark(state);
        if (positionCursor.isPresent() && exact && positionKeys.size() == keys.size()) {
            List<String> last = new ArrayList<>();
            last.add(suiteQl.dates().toDateParameter(positionCursor.get()));
            last.addAll(positionKeys);
            incremental = incremental.afterKeys(order, last);
        } else if (positionCursor.isPresent() || watermark.isPresent()) {
            Instant from = positionCursor.orElseGet(watermark::get);
            incremental = exact ? incremental.compared(on, ">", suiteQl.dates().toDateParameter(from))
                    : incremental.compared(on, ">=", suiteQl.dates().toDateParameter(from.minus(request.lookback())));
        } else if (start.isPresent()) {
            incremental = incremental.compared(on, ">=", suiteQl.dates().toDateParameter(start.get()));
        }
        return new QueryPages(suiteQl, shape, incremental, order, Optional.of(on), pageRows, state,
                OptionalLong.empty(), Optional.empty());
    }

    /** The rows with these unique-key values as they are now, at most 1,000 keys per query; the state is kept. */
    List<Batch> readKeys(String query, ReadRequest request, List<List<Object>> keys) {
        ReadShape shape = ReadShape.of(request);
        SuiteQlSelect select = select(query, shape).orderedBy(shape.keys());
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += SuiteQl.MAX_LIMIT) {
            List<List<String>> slice = keys.subList(from, Math.min(keys.size(), from + SuiteQl.MAX_LIMIT)).stream()
                    .map(key -> key.stream().map(String::valueOf).toList()).toList();
            List<SuiteQlRow> rows = suiteQl.page(select.whereKeysIn(shape.keys(), slice).toQuery(), 0,
                    SuiteQl.MAX_LIMIT).rows();
            batches.add(Batch.of(shape.schema(), rows.stream().map(row -> row.toArray(shape.schema())).toList(),
                    request.state()));
        }
        return batches;
    }

    private static SuiteQlSelect select(String query, ReadShape shape) {
        SuiteQlSelect select = SuiteQlSelect.fromQuery(new SuiteQlQuery(query, List.of()), ALIAS,
                shape.schema().columns());
        return shape.filter().map(select::where).orElse(select);
    }

    private static KeyColumn cursorColumn(ReadShape shape, String cursor) {
        ColumnType type = shape.schema().column(shape.schema().indexOf(cursor)).type();
        if (type != ColumnType.TIMESTAMP && type != ColumnType.DATE) {
            throw QueryStreams.cursorNotADate(shape.table(), cursor);
        }
        return new KeyColumn(cursor, true);
    }
}
