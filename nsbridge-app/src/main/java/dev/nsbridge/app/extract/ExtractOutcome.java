package dev.nsbridge.app.extract;

import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.state.State;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One extract's run, as the command line reports it.
 *
 * @param extract    the extract's name
 * @param table      the source table (stream) read
 * @param target     the destination table written
 * @param loadMethod how it was written this time (a full refresh or a backfill may differ from the file)
 * @param result     what the runner answered
 */
public record ExtractOutcome(String extract, String table, String target, LoadMethod loadMethod, RunResult result) {
    public ExtractOutcome {
        Objects.requireNonNull(extract, "extract");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(loadMethod, "loadMethod");
        Objects.requireNonNull(result, "result");
    }

    public boolean succeeded() {
        return result.failure().isEmpty() && result.status().finished()
                && result.status() != dev.nsbridge.engine.store.RunStatus.CANCELLED;
    }

    /** The committed position in one line, e.g. {@code watermark=2024-05-01T10:00:00Z}; "none" before any. */
    public static String describe(State state) {
        if (state.isEmpty()) {
            return "none";
        }
        return state.values().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
