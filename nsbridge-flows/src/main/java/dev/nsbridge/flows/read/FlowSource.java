package dev.nsbridge.flows.read;

import dev.nsbridge.netsuite.source.DetailQuery;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.netsuite.source.SourceState;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's NetSuite read: its select (with the lines of each page, for a document) as a query stream of the
 * NetSuite source, read incrementally in (date, id) order from the saved position, each batch carrying the position
 * after its last record so a run killed midway resumes after the last batch written. The first run starts at
 * {@code history_start} when set.
 *
 * <p>The flow's filter goes inside the query, ANDed into its WHERE, where it can name the query's tables (e.g.
 * {@code c.category = 2}), not around it. A flow's position is saved under its own keys, {@value #CURSOR_STATE} (the
 * ISO instant of the record's date) and {@value #KEY_STATE} (its id), as flows kept it before they read through the
 * source, so an existing state store resumes where it was.
 */
public final class FlowSource implements Source {
    public static final String CURSOR_STATE = "cursor";
    public static final String KEY_STATE = "last_id";

    private final NetSuiteSource netSuite;
    private final FlowSelect select;
    private final List<DetailQuery> details;
    private final Optional<Instant> historyStart;
    private final StreamDescriptor stream;

    public FlowSource(NetSuiteSource netSuite, FlowSelect select, List<DetailQuery> details,
                      Optional<Instant> historyStart) {
        this.netSuite = netSuite;
        this.select = select;
        this.details = List.copyOf(details);
        this.historyStart = historyStart;
        this.stream = netSuite.describeDocument(select.definition(), this.details);
    }

    public StreamDescriptor stream() {
        return stream;
    }

    /** The records nested in each document (an order's lines), each with its columns. */
    public List<DetailQuery> details() {
        return details;
    }

    @Override
    public List<StreamDescriptor> discover() {
        return List.of(stream);
    }

    @Override
    public BatchReader read(ReadRequest request) {
        BatchReader reader = netSuite.readQuery(sourceRequest(request).withState(toSource(request.state())),
                historyStart);
        return new BatchReader() {
            @Override
            public Optional<Batch> next() throws InterruptedException {
                return reader.next().map(batch -> batch.withStateAfter(fromSource(batch.stateAfter())));
            }

            @Override
            public Progress progress() {
                return reader.progress();
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /** The records with these ids as they are now, for a retry; ids no longer matching are simply absent. */
    public List<Map<String, Object>> readKeys(List<String> ids, Optional<String> filter) {
        ReadRequest request = sourceRequest(new ReadRequest(stream, List.of(), ReadMode.INCREMENTAL, State.EMPTY,
                filter, Duration.ZERO, Optional.empty()));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<List<Object>> keys = ids.stream().map(id -> List.<Object>of(id)).toList();
        for (Batch batch : netSuite.readQueryKeys(request, keys)) {
            rows.addAll(batch.rowMaps());
        }
        return rows;
    }

    /**
     * The request as the source reads it: the filter moved into the query, which is described again with it, and
     * always incremental: a flow goes on from its position, and its first run from {@code history_start}.
     */
    private ReadRequest sourceRequest(ReadRequest request) {
        StreamDescriptor described = netSuite.describeDocument(select.filtered(request.filter()).definition(),
                details);
        return new ReadRequest(described, request.columns(), ReadMode.INCREMENTAL, request.state(), Optional.empty(),
                request.lookback(), request.window(), request.ordered());
    }

    /** The flow's saved position in the source's keys. */
    static State toSource(State flow) {
        Optional<String> cursor = flow.string(CURSOR_STATE);
        Optional<String> key = flow.string(KEY_STATE);
        State state = flow.with(CURSOR_STATE, null).with(KEY_STATE, null);
        if (cursor.isPresent()) {
            state = state.with(SourceState.POSITION_CURSOR, cursor.get());
            if (key.isPresent()) {
                state = state.with(SourceState.POSITION_KEY + 1, key.get());
            }
        }
        return state;
    }

    /** The source's position in the flow's keys, nothing else of the source's kept. */
    static State fromSource(State source) {
        State flow = SourceState.withoutPosition(source).with(SourceState.WATERMARK, null);
        Optional<String> cursor = source.string(SourceState.POSITION_CURSOR);
        Optional<String> key = source.string(SourceState.POSITION_KEY + 1);
        if (cursor.isPresent()) {
            flow = flow.with(CURSOR_STATE, cursor.get());
        }
        if (key.isPresent()) {
            flow = flow.with(KEY_STATE, key.get());
        }
        return flow;
    }
}
