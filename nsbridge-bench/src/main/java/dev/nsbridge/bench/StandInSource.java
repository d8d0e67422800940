package dev.nsbridge.bench;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.catalog.NetSuiteTables;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Until NetSuiteSource lands: one keyset read of the whole table, so the harness can run end to end. It is a
 * single stream of pages (no parallel id ranges), so it measures the harness, not the product's source.
 */
final class StandInSource implements Source {
    private final NetSuiteClient client;

    StandInSource(NetSuiteClient client) {
        this.client = client;
    }

    @Override
    public List<StreamDescriptor> discover() {
        return NetSuiteTables.all();
    }

    @Override
    public BatchReader read(ReadRequest request) {
        StreamDescriptor stream = request.stream();
        RecordSchema schema = new RecordSchema(stream.columns());
        SuiteQlRows rows = client.suiteQl().readByKeyset(SuiteQlSelect.from(stream.name(), stream.columns()),
                stream.primaryKey(), SuiteQl.MAX_LIMIT);
        return new BatchReader() {
            @Override
            public Optional<Batch> next() {
                List<Object[]> batch = new ArrayList<>(SuiteQl.MAX_LIMIT);
                while (batch.size() < SuiteQl.MAX_LIMIT && rows.hasNext()) {
                    batch.add(rows.next().toArray(schema));
                }
                return batch.isEmpty() ? Optional.empty()
                        : Optional.of(Batch.of(schema, batch, State.EMPTY.with("rows", rows.rowsRead())));
            }

            @Override
            public Progress progress() {
                return new Progress(rows.rowsRead(), OptionalLong.empty());
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }
}
