package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One stream's reads, one after another: a read from the stream's State (the first one is the snapshot, since an
 * empty State has no watermark), then a rest of the poll interval, then an incremental read from the State the
 * last batch left, and so on. The State moves only as batches are handed out, and each batch's records carry it
 * as their offset.
 */
final class StreamRead implements AutoCloseable {
    private final Source source;
    private final ReadRequest request;
    private final Duration interval;
    private final Clock clock;
    private State state;
    private BatchReader reader;
    private Instant nextReadAt;

    StreamRead(Source source, ReadRequest request, State start, Duration interval, Clock clock) {
        this.source = source;
        this.request = request;
        this.interval = interval;
        this.clock = clock;
        this.state = start;
        this.nextReadAt = clock.instant();
    }

    String stream() {
        return request.stream().name();
    }

    State state() {
        return state;
    }

    /** When the next read may start, if none is under way. */
    Instant nextReadAt() {
        return reader == null ? nextReadAt : clock.instant();
    }

    /**
     * The next batch of the read under way, or of a new read if the stream has rested long enough; empty when the
     * stream has nothing now (a read just ended, or it rests).
     */
    Optional<Batch> next() throws InterruptedException {
        if (reader == null) {
            if (clock.instant().isBefore(nextReadAt)) {
                return Optional.empty();
            }
            reader = source.read(request.withState(state));
        }
        Optional<Batch> batch = reader.next();
        if (batch.isEmpty()) {
            closeReader();
            nextReadAt = clock.instant().plus(interval);
            return Optional.empty();
        }
        state = batch.get().stateAfter();
        return batch;
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
    }
}
