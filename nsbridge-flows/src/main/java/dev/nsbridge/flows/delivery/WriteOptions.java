package dev.nsbridge.flows.delivery;

import dev.nsbridge.spi.destination.WriteRequest;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The engine's run options as a flow destination reads them from {@link WriteRequest#options()}.
 *
 * @param pipeline the pipeline's name, for dry-run payloads
 * @param dryRun   build every request, send none
 * @param limit    the engine already stops after this many records; kept so a destination can say so
 */
public record WriteOptions(String pipeline, boolean dryRun, OptionalLong limit) {

    public static WriteOptions of(WriteRequest request) {
        Map<String, String> options = request.options();
        boolean dryRun = Boolean.parseBoolean(options.getOrDefault(WriteRequest.DRY_RUN_OPTION, "false"));
        String limit = options.get(WriteRequest.LIMIT_OPTION);
        return new WriteOptions(request.pipeline(), dryRun,
                limit == null || limit.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(limit.strip())));
    }
}
