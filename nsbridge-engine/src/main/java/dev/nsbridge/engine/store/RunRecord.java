package dev.nsbridge.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the history keeps it.
 *
 * @param id         increasing across all pipelines
 * @param pipeline   the pipeline's name
 * @param status     how it stands or ended
 * @param dryRun     whether it was a dry run, which changes nothing
 * @param startedAt  when it started
 * @param finishedAt when it ended; empty while running
 * @param duration   how long it took; zero while running
 * @param counts     the totals
 * @param streams    the counts per stream, by stream name
 * @param message    for a failed run, what went wrong and what to do
 * @param errorCode  for a failed run, the stable code of the failure
 */
public record RunRecord(long id, String pipeline, RunStatus status, boolean dryRun, Instant startedAt,
                        Optional<Instant> finishedAt, Duration duration, RunCounts counts,
                        Map<String, RunCounts> streams, Optional<String> message, Optional<String> errorCode) {
    public RunRecord {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(counts, "counts");
        streams = Map.copyOf(streams);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorCode, "errorCode");
    }
}
