package dev.nsbridge.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every run: when, how it ended, what it moved. What {@code nsbridge status} and the web UI show. */
public interface RunHistory {

    /** Records a run as started and gives its id. */
    long start(String pipeline, Instant startedAt, boolean dryRun);

    /** Records how the run ended, with its counts and duration. */
    void finish(long runId, RunOutcome outcome);

    /**
     * Marks a finished run failed after the fact, keeping its counts: a check that runs once the rows are in (the
     * ledger's tie-out) found them wrong, and the run's history must say so where people look.
     */
    void failAfterwards(long runId, String message, String errorCode);

    Optional<RunRecord> get(long runId);

    /** The latest runs, newest first; of one pipeline, or of all when {@code pipeline} is empty. */
    List<RunRecord> recent(Optional<String> pipeline, int limit);

    /** The pipeline's run under way, if any. */
    Optional<RunRecord> running(String pipeline);
}
