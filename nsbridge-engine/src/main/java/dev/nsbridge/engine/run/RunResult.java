package dev.nsbridge.engine.run;

import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.state.State;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended. A failed run returns rather than throws, so a scheduler can go on; the CLI maps
 * {@link #failure()}'s category to an exit code.
 *
 * @param runId    the run's id in the history
 * @param pipeline the pipeline
 * @param status   how it ended
 * @param counts   rows read, written, deleted, and records refused
 * @param duration how long it took
 * @param state    the state the destination or the state store holds now
 * @param failure  what stopped it, for a failed or cancelled run
 */
public record RunResult(long runId, String pipeline, RunStatus status, RunCounts counts, Duration duration,
                        State state, Optional<NsbridgeException> failure) {
    public RunResult {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failure, "failure");
    }
}
