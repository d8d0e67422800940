package dev.nsbridge.flows;

import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.RetryableDestination;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One flow as the engine's pipeline pieces: the app wraps them as
 * {@code new Pipeline(name, pieces.source(), pieces.read(), pieces.destination(), pieces.write())}.
 *
 * @param name        the pipeline's name (the {@code flows:} entry)
 * @param source      NetSuite, or Klaviyo for suppressions
 * @param stream      what the source reads
 * @param filter      the {@code filter} setting, passed as the read's filter
 * @param destination Klaviyo, or NetSuite for suppressions; it can retry stored errors
 * @param target      what the destination writes, e.g. {@code klaviyo:profiles}, for logs and history
 */
public record FlowPieces(String name, Source source, StreamDescriptor stream, Optional<String> filter,
                         RetryableDestination destination, String target) {
    public FlowPieces {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(target, "target");
    }

    /** Incremental from the committed state; the engine replaces the state at each run. */
    public ReadRequest read() {
        return new ReadRequest(stream, List.of(), ReadMode.INCREMENTAL, State.EMPTY, filter, Duration.ZERO,
                Optional.empty());
    }

    /** Appends in the destination's terms: Klaviyo upserts profiles and deduplicates events by unique id. */
    public WriteRequest write() {
        return new WriteRequest(name, stream, target, LoadMethod.APPEND, stream.primaryKey(), Map.of());
    }
}
