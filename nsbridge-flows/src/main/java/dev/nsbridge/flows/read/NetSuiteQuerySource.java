package dev.nsbridge.flows.read;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.spi.config.SqlCondition;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A flow's NetSuite read as an SPI source: one batch per SuiteQL page, each carrying the position after its last
 * record ({@code cursor}, the ISO instant of its modification date, and {@code last_id}), so a run killed midway
 * resumes after the last batch written. The watermark is on (date, id), never on the date alone, so records
 * sharing a second are neither skipped nor read twice.
 */
public final class NetSuiteQuerySource implements Source {
    public static final String CURSOR_STATE = "cursor";
    public static final String KEY_STATE = "last_id";

    private final NetSuiteClient netSuite;
    private final FlowQuery query;
    private final PageDetails details;
    private final int pageSize;
    private final Optional<Instant> historyStart;

    public NetSuiteQuerySource(NetSuiteClient netSuite, FlowQuery query, PageDetails details, int pageSize,
                               Optional<Instant> historyStart) {
        this.netSuite = netSuite;
        this.query = query;
        this.details = details;
        this.pageSize = pageSize;
        this.historyStart = historyStart;
    }

    public StreamDescriptor stream() {
        return query.descriptor(details.columns());
    }

    @Override
    public List<StreamDescriptor> discover() {
        return List.of(stream());
    }

    @Override
    public BatchReader read(ReadRequest request) {
        FlowQuery filtered = filtered(request.filter());
        return new Reader(filtered, request.state());
    }

    /**
     * The flow's query with the user's filter ANDed in, in parentheses. The settings were checked when the config
     * loaded; parsed again here because the query is only safe if the filter is exactly one condition.
     */
    private FlowQuery filtered(Optional<String> filter) {
        return filter.filter(f -> !f.isBlank()).map(f -> {
            SqlCondition.problem(f).ifPresent(problem -> {
                throw new ConfigurationException("FLOW_FILTER_REFUSED", "the filter " + problem.message(),
                        problem.fix());
            });
            return query.and(FlowQuery.Condition.of(f));
        }).orElse(query);
    }

    /** The records with these ids as they are now, for a retry; ids no longer matching are simply absent. */
    public List<Map<String, Object>> readKeys(List<String> keys, Optional<String> filter) {
        FlowQuery filtered = filtered(filter);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 1000));
            rows.addAll(fetch(filtered.byKeys(slice), 1000));
        }
        return rows;
    }

    private List<Map<String, Object>> fetch(SuiteQlQuery suiteQlQuery, int limit) {
        SuiteQl suiteQl = netSuite.suiteQl();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SuiteQlRow row : suiteQl.page(suiteQlQuery, 0, limit).rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (FlowQuery.Projection projection : query.projections()) {
                values.put(projection.alias(), row.value(projection.alias(), projection.type()));
            }
            rows.add(values);
        }
        details.add(suiteQl, rows);
        return rows;
    }

    /** Reads page after page until a short one; each {@link #next()} is one SuiteQL request. */
    private final class Reader implements BatchReader {
        private final FlowQuery filtered;
        private final RecordSchema schema = new RecordSchema(stream().columns());
        private Optional<Instant> lastCursor;
        private Optional<String> lastKey;
        private State state;
        private boolean done;
        private volatile boolean closed;
        private long rowsRead;

        Reader(FlowQuery filtered, State state) {
            this.filtered = filtered;
            this.state = state;
            this.lastCursor = state.string(CURSOR_STATE).map(Instant::parse);
            this.lastKey = state.string(KEY_STATE);
        }

        @Override
        public Optional<Batch> next() throws InterruptedException {
            if (done || closed) {
                return Optional.empty();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("read of " + query.stream() + " interrupted");
            }
            List<Map<String, Object>> rows = fetch(filtered.after(lastCursor, lastKey, historyStart,
                    netSuite.suiteQl().dates()), pageSize);
            done = rows.size() < pageSize;
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> last = rows.get(rows.size() - 1);
            lastCursor = Optional.of((Instant) last.get(query.cursor()));
            lastKey = Optional.of(String.valueOf(last.get(query.key())));
            state = state.with(CURSOR_STATE, lastCursor.get().toString()).with(KEY_STATE, lastKey.get());
            rowsRead += rows.size();
            List<Object[]> cells = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                Object[] cell = new Object[schema.size()];
                for (int i = 0; i < cell.length; i++) {
                    cell[i] = row.get(schema.column(i).name());
                }
                cells.add(cell);
            }
            return Optional.of(Batch.of(schema, cells, state));
        }

        @Override
        public Progress progress() {
            return new Progress(rowsRead, OptionalLong.empty());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A batch's rows as maps from column name to value, the shape every flow's mapping takes. */
    public static List<Map<String, Object>> rows(Batch batch) {
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Object[] cells : batch.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < batch.schema().size(); i++) {
                Column column = batch.schema().column(i);
                if (cells[i] != null) {
                    row.put(column.name().toLowerCase(java.util.Locale.ROOT), cells[i]);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
