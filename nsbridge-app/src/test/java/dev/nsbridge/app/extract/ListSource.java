package dev.nsbridge.app.extract;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import dev.nsbridge.testsupport.FixedBatches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written source over a list of customers (id, email, lastmodifieddate): full reads give all, incremental
 * reads those after the watermark, windowed reads those inside the window; the state is the greatest
 * lastmodifieddate delivered, as epoch milliseconds.
 */
final class ListSource implements Source {
    static final StreamDescriptor CUSTOMER = new StreamDescriptor("customer", List.of(
            new Column("id", ColumnType.INTEGER), new Column("email", ColumnType.STRING),
            new Column("lastmodifieddate", ColumnType.TIMESTAMP)), List.of("id"), Optional.of("lastmodifieddate"));
    static final String WATERMARK = "watermark";

    final List<Object[]> rows = new ArrayList<>();
    final List<ReadRequest> reads = new ArrayList<>();
    RuntimeException failure;

    void add(long id, String email, Instant changed) {
        rows.add(new Object[] {id, email, changed});
    }

    @Override
    public List<StreamDescriptor> discover() {
        return List.of(CUSTOMER);
    }

    @Override
    public BatchReader read(ReadRequest request) {
        reads.add(request);
        if (failure != null) {
            throw failure;
        }
        long after = request.mode() == ReadMode.FULL ? Long.MIN_VALUE
                : request.state().number(WATERMARK).orElse(Long.MIN_VALUE);
        List<Object[]> selected = rows.stream().filter(row -> {
            Instant changed = (Instant) row[2];
            return request.window().map(w -> !changed.isBefore(w.from()) && changed.isBefore(w.to()))
                    .orElse(changed.toEpochMilli() > after);
        }).toList();
        long newest = selected.stream().mapToLong(row -> ((Instant) row[2]).toEpochMilli()).max().orElse(after);
        State state = newest == Long.MIN_VALUE ? request.state() : request.state().with(WATERMARK, newest);
        List<Batch> batches = selected.isEmpty() ? List.of()
                : List.of(Batch.of(new RecordSchema(CUSTOMER.columns()), selected, state));
        return new FixedBatches(batches);
    }
}
