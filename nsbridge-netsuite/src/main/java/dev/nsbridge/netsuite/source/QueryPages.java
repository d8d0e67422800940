package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlPage;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.KeyColumn;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One query's pages in keyset order, one SuiteQL request and one batch per page, on the caller's thread. Each page
 * is a fresh query at offset 0 for the rows after the last one delivered. What state a batch carries is decided by
 * the read (see {@link QueryReads}): the position of its last row when it has a cursor to keep, else the state the
 * read started from, with a closing end-of-snapshot batch for a full read.
 */
final class QueryPages implements BatchReader {
    private static final Pattern TO_CHAR_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private final SuiteQl suiteQl;
    private final ReadShape shape;
    private final SuiteQlSelect select;
    private final List<KeyColumn> order;
    private final Optional<KeyColumn> position;
    private final int pageRows;
    private final OptionalLong expected;
    private Optional<State> closing;
    private State state;
    private List<String> last;
    private boolean done;
    private boolean any;
    private volatile boolean closed;
    private long rowsRead;

    /**
     * @param order    the keyset's columns, in sort order
     * @param position where present, the cursor whose value (with the unique key) every batch's state records
     * @param closing  where present, the state of a closing end-of-snapshot batch
     */
    QueryPages(SuiteQl suiteQl, ReadShape shape, SuiteQlSelect select, List<KeyColumn> order,
               Optional<KeyColumn> position, int pageRows, State state, OptionalLong expected,
               Optional<State> closing) {
        this.suiteQl = suiteQl;
        this.shape = shape;
        this.order = List.copyOf(order);
        this.select = select.orderedBy(order.stream().map(KeyColumn::column).toList());
        this.position = position;
        this.pageRows = pageRows;
        this.state = state;
        this.expected = expected;
        this.closing = closing;
    }

    @Override
    public Optional<Batch> next() throws InterruptedException {
        if (closed) {
            return Optional.empty();
        }
        if (done) {
            Optional<Batch> end = closing.map(after -> Batch.endOfSnapshot(shape.schema(), after));
            closing = Optional.empty();
            return end;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("read of " + shape.table() + " interrupted");
        }
        SuiteQlSelect page = last == null ? select : select.afterKeys(order, last);
        SuiteQlPage answer = suiteQl.page(page.toQuery(), 0, pageRows);
        List<SuiteQlRow> rows = answer.rows();
        done = rows.size() < pageRows || !answer.hasMore();
        if (rows.isEmpty()) {
            if (closing.isPresent()) {
                return next();
            }
            // Nothing to read: one empty batch carrying the state unchanged, as every read ends.
            return any ? Optional.empty() : emitted(Batch.of(shape.schema(), List.of(), state));
        }
        SuiteQlRow lastRow = rows.get(rows.size() - 1);
        last = keyOf(lastRow);
        if (position.isPresent()) {
            state = SourceState.queryPosition(state, lastRow.timestamp(position.get().column()),
                    last.subList(1, last.size()));
        }
        rowsRead += rows.size();
        List<Object[]> cells = new ArrayList<>(rows.size());
        for (SuiteQlRow row : rows) {
            cells.add(row.toArray(shape.schema()));
        }
        return emitted(Batch.of(shape.schema(), cells, state));
    }

    private Optional<Batch> emitted(Batch batch) {
        any = true;
        return Optional.of(batch);
    }

    private List<String> keyOf(SuiteQlRow row) {
        List<String> values = new ArrayList<>(order.size());
        for (KeyColumn key : order) {
            String value = row.string(key.column());
            if (value == null) {
                throw new InternalException("NETSUITE_QUERY_NULL_KEY", "a row of " + shape.table() + " has no "
                        + key.column() + ", so it cannot be read by key", "make sure the unique key's columns never"
                        + " are empty (e.g. project NVL(col, 0)), or choose other columns");
            }
            if (key.toCharTimestamp() && !TO_CHAR_TEXT.matcher(value.strip()).matches()) {
                throw QueryStreams.cursorNotADate(shape.table(), key.column());
            }
            values.add(value.strip());
        }
        return values;
    }

    @Override
    public Progress progress() {
        return new Progress(rowsRead, expected);
    }

    @Override
    public void close() {
        closed = true;
    }
}
