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

    /**
     * Option the engine sets to {@code true} on a dry run: the destination shows what it would send (the exact
     * payloads, in its writer's results or log) and changes nothing.
     */
    public static final String DRY_RUN_OPTION = "nsbridge.dry_run";

    /**
     * Option the engine sets, to a whole number, when a run is limited to a few records (a rehearsal against a
     * sandbox account). The engine already stops after that many rows and never advances the state of such a
     * run; a destination may read it to, for instance, skip swapping in a rebuilt table.
     */
    public static final String LIMIT_OPTION = "nsbridge.limit";

    public WriteRequest {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(loadMethod, "loadMethod");
        uniqueKey = List.copyOf(uniqueKey);
        options = Map.copyOf(options);
    }
}
