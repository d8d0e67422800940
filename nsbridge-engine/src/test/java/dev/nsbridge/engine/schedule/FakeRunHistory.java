package dev.nsbridge.engine.schedule;

import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunHistory;
import dev.nsbridge.engine.store.RunOutcome;
import dev.nsbridge.engine.store.RunRecord;
import dev.nsbridge.engine.store.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run history in memory; only what the scheduler reads is filled in. */
final class FakeRunHistory implements RunHistory {
    private final List<RunRecord> runs = new ArrayList<>();

    synchronized FakeRunHistory ran(String pipeline, Instant startedAt, boolean dryRun) {
        start(pipeline, startedAt, dryRun);
        return this;
    }

    @Override
    public synchronized long start(String pipeline, Instant startedAt, boolean dryRun) {
        long id = runs.size() + 1;
        runs.add(new RunRecord(id, pipeline, RunStatus.SUCCEEDED, dryRun, startedAt, Optional.of(startedAt),
                Duration.ZERO, RunCounts.ZERO, Map.of(), Optional.empty(), Optional.empty()));
        return id;
    }

    @Override
    public void finish(long runId, RunOutcome outcome) {
    }

    @Override
    public void failAfterwards(long runId, String message, String errorCode) {
    }

    @Override
    public synchronized Optional<RunRecord> get(long runId) {
        return runs.stream().filter(run -> run.id() == runId).findFirst();
    }

    @Override
    public synchronized List<RunRecord> recent(Optional<String> pipeline, int limit) {
        return runs.stream().filter(run -> pipeline.map(run.pipeline()::equals).orElse(true))
                .sorted(Comparator.comparing(RunRecord::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<RunRecord> running(String pipeline) {
        return Optional.empty();
    }
}
