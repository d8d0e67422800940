package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlPage;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An ordered read for a destination that only appends: rows strictly past the saved (cursor, id) position, in
 * that order, one page at a time on one thread, each batch's state the position of its last row. A crash resumes
 * right after the last batch written, so no row is appended twice and none is skipped; there is no lookback, for
 * the same reason. Rows whose cursor is empty have no place in that order and are not read.
 *
 * <p>Cursor values are whole seconds (NetSuite keeps no fractions), so the position compares exactly; rows of
 * the second NetSuite's clock is in are left for the next page or run, since more may yet be stamped with it.
 */
final class AppendReader implements BatchReader {
    private final SuiteQl suiteQl;
    private final ReadShape shape;
    private final SuiteQlSelect select;
    private final String cursor;
    private final String id;
    private final int pageRows;
    private State state;
    private Optional<Instant> positionCursor;
    private OptionalLong positionId;
    private boolean done;
    private boolean any;
    private long rowsRead;
    private OptionalLong expected = OptionalLong.empty();

    AppendReader(SuiteQl suiteQl, ReadShape shape, String cursor, State state, int pageRows) {
        if (shape.keys().size() != 1) {
            throw new ConfigurationException("NETSUITE_APPEND_NEEDS_ONE_KEY", shape.table() + " is keyed by "
                    + shape.keys() + "; an append read orders rows by the cursor and one id column",
                    "load " + shape.table() + " with load_method merge");
        }
        this.suiteQl = suiteQl;
        this.shape = shape;
        this.cursor = cursor;
        this.id = shape.leadingKey();
        // Not the current second: a row stamped later in it could sort before the position and be passed over.
        this.select = shape.select().where(new Condition(cursor + " < SYSDATE", List.of()))
                .orderedBy(List.of(cursor, id));
        this.pageRows = pageRows;
        this.state = state;
        this.positionCursor = SourceState.positionCursor(state);
        this.positionId = SourceState.positionId(state);
        if (positionCursor.isEmpty()) {
            // A pipeline that was merged or fully loaded before: continue strictly past its watermark.
            positionCursor = SourceState.watermark(state);
            positionId = OptionalLong.empty();
        }
    }

    @Override
    public Optional<Batch> next() {
        if (done) {
            return Optional.empty();
        }
        SuiteQlPage page = suiteQl.page(pageSelect().toQuery(), 0, pageRows);
        if (expected.isEmpty()) {
            expected = OptionalLong.of(page.totalResults());
        }
        List<Object[]> rows = new ArrayList<>(page.rows().size());
        for (SuiteQlRow row : page.rows()) {
            rows.add(row.toArray(shape.schema()));
        }
        done = page.rows().size() < pageRows || !page.hasMore();
        if (rows.isEmpty()) {
            // Nothing past the position: one empty batch carrying the state unchanged, as every read ends.
            return any ? Optional.empty() : emitted(Batch.of(shape.schema(), List.of(), state));
        }
        SuiteQlRow last = page.rows().get(page.rows().size() - 1);
        Instant lastCursor = last.timestamp(cursor);
        Long lastId = last.integer(id);
        if (lastCursor == null || lastId == null) {
            throw new InternalException("NETSUITE_APPEND_NO_POSITION", "a row of " + shape.table() + " came back"
                    + " without " + cursor + " or " + id, null);
        }
        positionCursor = Optional.of(lastCursor);
        positionId = OptionalLong.of(lastId);
        state = SourceState.position(state, lastCursor, lastId);
        rowsRead += rows.size();
        return emitted(Batch.of(shape.schema(), rows, state));
    }

    private Optional<Batch> emitted(Batch batch) {
        any = true;
        return Optional.of(batch);
    }

    private SuiteQlSelect pageSelect() {
        String since = "TO_DATE(?, '" + DateConventions.TO_CHAR_FORMAT + "')";
        if (positionCursor.isEmpty()) {
            return select.where(new Condition(cursor + " IS NOT NULL", List.of()));
        }
        String at = suiteQl.dates().toDateParameter(positionCursor.get());
        if (positionId.isEmpty()) {
            return select.where(new Condition(cursor + " > " + since, List.of(at)));
        }
        return select.where(new Condition(cursor + " > " + since + " OR (" + cursor + " = " + since + " AND " + id
                + " > ?)", List.of(at, at, Long.toString(positionId.getAsLong()))));
    }

    @Override
    public Progress progress() {
        return new Progress(rowsRead, expected);
    }

    @Override
    public void close() {
        done = true;
    }
}
