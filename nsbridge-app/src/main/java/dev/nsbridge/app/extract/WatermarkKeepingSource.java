package dev.nsbridge.app.extract;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * A backfill's source: every batch carries the state the read started from, so the runner commits the rows but
 * the watermark stays where the regular runs left it, whatever the wrapped source would have advanced it to.
 */
final class WatermarkKeepingSource implements Source {
    private final Source source;

    WatermarkKeepingSource(Source source) {
        this.source = source;
    }

    @Override
    public List<StreamDescriptor> discover() {
        return source.discover();
    }

    @Override
    public BatchReader read(ReadRequest request) {
        BatchReader reader = source.read(request);
        State start = request.state();
        return new BatchReader() {
            @Override
            public Optional<Batch> next() throws InterruptedException {
                return reader.next().map(batch -> batch.withStateAfter(start));
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
}
