package dev.nsbridge.engine.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended, as the runner hands it to the history.
 *
 * @param status     any finished status
 * @param finishedAt when it ended
 * @param streams    counts per stream; the totals are their sum
 * @param message    what went wrong and what to do, for a failed run
 * @param errorCode  the failure's stable code
 */
public record RunOutcome(RunStatus status, Instant finishedAt, Map<String, RunCounts> streams,
                         Optional<String> message, Optional<String> errorCode) {
    public RunOutcome {
        if (!status.finished()) {
            throw new IllegalArgumentException("a run's outcome must be a finished status, not " + status);
        }
        Objects.requireNonNull(finishedAt, "finishedAt");
        streams = Map.copyOf(streams);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorCode, "errorCode");
    }

    public RunCounts totals() {
        return streams.values().stream().reduce(RunCounts.ZERO, RunCounts::plus);
    }
}
