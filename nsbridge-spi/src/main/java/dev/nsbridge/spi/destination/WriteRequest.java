package dev.nsbridge.spi.destination;

import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how one pipeline writes.
 *
 * @param pipeline   the pipeline's name, under which the destination may keep the state it commits
 * @param stream     the stream being written, with the columns chosen for it
 * @param target     where in the destination: a table name, a Klaviyo object
 * @param loadMethod how existing data is treated
 * @param uniqueKey  the columns a merge matches on (usually the stream's primary key)
 * @param options    destination-specific settings, already validated
 */
public record WriteRequest(String pipeline, StreamDescriptor stream, String target, LoadMethod loadMethod,
                           List<String> uniqueKey, Map<String, String> options) {
    public WriteRequest {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(loadMethod, "loadMethod");
        uniqueKey = List.copyOf(uniqueKey);
        options = Map.copyOf(options);
    }
}
