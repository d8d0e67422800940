package dev.nsbridge.app.server;

import dev.nsbridge.engine.run.RunProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A run under way in this server: written by the run's thread, read by the API, so its fields are atomic. */
final class ActiveRun {
    private final String pipeline;
    private final boolean dryRun;
    private final Instant startedAt;
    private final AtomicLong runId = new AtomicLong(-1);
    private final AtomicReference<RunProgress> progress = new AtomicReference<>();

    ActiveRun(String pipeline, boolean dryRun, Instant startedAt) {
        this.pipeline = pipeline;
        this.dryRun = dryRun;
        this.startedAt = startedAt;
    }

    String pipeline() {
        return pipeline;
    }

    boolean dryRun() {
        return dryRun;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The run's id in the history, once the runner has recorded it. */
    OptionalLong runId() {
        long id = runId.get();
        return id < 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }

    void started(long id) {
        runId.set(id);
    }

    Optional<RunProgress> progress() {
        return Optional.ofNullable(progress.get());
    }

    void progressed(RunProgress latest) {
        progress.set(latest);
    }
}
