package dev.nsbridge.engine.run;

import dev.nsbridge.engine.store.RunCounts;
import dev.nsbridge.engine.store.RunLocks;
import dev.nsbridge.engine.store.RunOutcome;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.errors.NsbridgeException;
import dev.nsbridge.spi.errors.TransientException;
import dev.nsbridge.spi.state.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs pipelines. A run starts from the state the destination committed (or the state store's, for a
 * destination that keeps none), writes the source's batches in order, advances the state only after each batch
 * is durable, stores refused records and goes on, and records the run in the history. A pipeline never runs
 * twice at once: a lock here covers this process, the store's lock covers other processes.
 *
 * <pre>{@code
 * PipelineRunner runner = new PipelineRunner(stores, Clock.systemUTC());
 * RunResult result = runner.run(pipeline, RunOptions.NORMAL, progressBar);
 * }</pre>
 */
public final class PipelineRunner {
    private final Stores stores;
    private final Clock clock;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    public PipelineRunner(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * Runs the pipeline on the calling thread; interrupting the thread cancels the run after the batch in hand.
     *
     * @throws TransientException {@code PIPELINE_RUNNING} when the pipeline is already running, here or elsewhere
     */
    public RunResult run(Pipeline pipeline, RunOptions options, RunListener listener) {
        String name = pipeline.name();
        if (!runningHere.add(name)) {
            throw new TransientException("PIPELINE_RUNNING", "pipeline '" + name + "' is already running in this"
                    + " process" + stores.history().running(name).map(run -> " (run " + run.id() + ")").orElse("")
                    + "; wait for it to finish, then start again");
        }
        try {
            RunLocks.Lease lease = stores.locks().acquire(name, clock.instant());
            try {
                return runLocked(pipeline, options, listener);
            } finally {
                lease.close();
            }
        } finally {
            runningHere.remove(name);
        }
    }

    private RunResult runLocked(Pipeline pipeline, RunOptions options, RunListener listener) {
        Instant started = clock.instant();
        long runId = stores.history().start(pipeline.name(), started, options.dryRun());
        listener.started(pipeline.name(), runId);
        RunExecution execution = new RunExecution(pipeline, options, runId, started, stores, clock, listener);
        RunStatus status;
        Optional<NsbridgeException> failure = Optional.empty();
        boolean interrupted = false;
        try {
            execution.execute();
            status = execution.counts().errors() > 0 ? RunStatus.SUCCEEDED_WITH_ERRORS : RunStatus.SUCCEEDED;
        } catch (InterruptedException e) {
            interrupted = true;
            status = RunStatus.CANCELLED;
        } catch (RuntimeException e) {
            interrupted = Failures.isInterruption(e);
            if (interrupted) {
                status = RunStatus.CANCELLED;
            } else {
                NsbridgeException classified = Failures.classify(e);
                failure = Optional.of(classified);
                status = Failures.statusOf(classified);
            }
        }
        Instant finished = clock.instant();
        RunCounts counts = execution.counts();
        Optional<String> message = status == RunStatus.CANCELLED
                ? Optional.of("cancelled; the next run continues from the last batch written")
                : failure.map(Failures::describe);
        stores.history().finish(runId, new RunOutcome(status, finished, Map.of(pipeline.streamName(), counts),
                message, failure.map(NsbridgeException::code)));
        RunResult result = new RunResult(runId, pipeline.name(), status, counts, Duration.between(started, finished),
                execution.state(), failure);
        listener.finished(result);
        if (interrupted) {
            Thread.currentThread().interrupt(); // the caller asked to stop; let it see that it did
        }
        return result;
    }

    /** Whether this runner is running the pipeline now. */
    public boolean isRunning(String pipeline) {
        return runningHere.contains(pipeline);
    }

    /** The state a run of this pipeline would start from when its destination keeps none. */
    public State storedState(String pipeline) {
        return stores.state().load(pipeline).orElse(State.EMPTY);
    }
}
