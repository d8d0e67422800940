package dev.nsbridge.app.server;

import dev.nsbridge.app.ledger.TieOut;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.PipelineSession;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.run.RunProgress;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.engine.store.RunStatus;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.errors.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every run this server starts, by a person or by the scheduler, goes through here: one run of a pipeline at a
 * time (a second is refused at once, so the API can answer 409 rather than queue), live progress for the UI, and
 * the counts for the metrics. The runner's store lock still guards against runs in other processes.
 */
final class RunCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);

    private final PipelineCatalog catalog;
    private final PipelineRunner runner;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "nsbridge-api-run");
        thread.setDaemon(true);
        return thread;
    });

    RunCoordinator(PipelineCatalog catalog, PipelineRunner runner, ServerMetrics metrics, Clock clock) {
        this.catalog = catalog;
        this.runner = runner;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Starts a run in the background and answers at once.
     *
     * @throws TransientException {@code PIPELINE_RUNNING} when the pipeline is running already
     */
    void start(String name) {
        Prepared prepared = prepare(name, false, DryRunRecorder.DISCARD);
        runs.execute(() -> execute(prepared, RunOptions.NORMAL));
    }

    /** Runs on the calling thread: the scheduler's way, which gives each run a thread of its own already. */
    RunResult runNow(String name) {
        Prepared prepared = prepare(name, false, DryRunRecorder.DISCARD);
        return execute(prepared, RunOptions.NORMAL);
    }

    /** A dry run of a few records; answers the payloads that would have been sent. */
    DryRun dryRun(String name) {
        DryRunRecorder.Collecting recorder = DryRunRecorder.collecting();
        Prepared prepared = prepare(name, true, recorder);
        RunResult result = execute(prepared, PipelineCatalog.runOptions(true, OptionalLong.empty()));
        return new DryRun(result, recorder.payloads());
    }

    /** A claimed run and its pipeline, built in a session of its own that the run closes when it ends. */
    private record Prepared(ActiveRun run, PipelineSession session, Pipeline pipeline) {
    }

    /** Claims the pipeline first, so a refused second run never opens clients it would have to close. */
    private Prepared prepare(String name, boolean dryRun, DryRunRecorder recorder) {
        ActiveRun run = claim(name, dryRun);
        PipelineSession session = catalog.open();
        try {
            return new Prepared(run, session, session.pipeline(name, recorder));
        } catch (RuntimeException e) {
            closeQuietly(name, session);
            active.remove(name, run);
            metrics.runAbandoned(name);
            throw e;
        }
    }

    /** What a dry run did and would have sent. */
    record DryRun(RunResult result, List<DryRunPayload> payloads) {
        DryRun {
            payloads = List.copyOf(payloads);
        }
    }

    boolean isRunning(String name) {
        return active.containsKey(name);
    }

    List<ActiveRun> active() {
        return List.copyOf(active.values());
    }

    private ActiveRun claim(String name, boolean dryRun) {
        ActiveRun run = new ActiveRun(name, dryRun, clock.instant());
        if (active.putIfAbsent(name, run) != null) {
            throw new TransientException("PIPELINE_RUNNING", "pipeline '" + name + "' is already running; wait for"
                    + " the run under way to finish, then start again");
        }
        metrics.runStarted(name);
        return run;
    }

    private RunResult execute(Prepared prepared, RunOptions options) {
        Pipeline pipeline = prepared.pipeline();
        ActiveRun run = prepared.run();
        boolean finished = false;
        try {
            RunResult result = runner.run(pipeline, options, new RunListener() {
                @Override
                public void started(String name, long runId) {
                    run.started(runId);
                }

                @Override
                public void progressed(RunProgress progress) {
                    run.progressed(progress);
                }
            });
            result = tiedOut(prepared, options, result);
            metrics.runFinished(result);
            finished = true;
            LOG.info("run {} of {} ended {}: {} read, {} written, {} refused", result.runId(), result.pipeline(),
                    result.status().wireName(), result.counts().read(), result.counts().written(),
                    result.counts().errors());
            return result;
        } catch (RuntimeException e) {
            LOG.warn("run of {} did not start: {}", pipeline.name(), e.getMessage());
            throw e;
        } finally {
            if (!finished) {
                metrics.runAbandoned(pipeline.name());
            }
            active.remove(pipeline.name(), run);
            closeQuietly(pipeline.name(), prepared.session());
        }
    }

    /**
     * A run of a ledger's accounting lines is tied out against NetSuite before it counts as finished, so the metrics
     * and the answer see the run as the history has it: failed when out of balance.
     */
    private RunResult tiedOut(Prepared prepared, RunOptions options, RunResult result) {
        if (options.dryRun()) {
            return result;
        }
        Optional<TieOut> tieOut = prepared.session().ledgerTieOut().afterRun(result.pipeline(), result);
        tieOut.ifPresent(metrics::tiedOut);
        if (tieOut.isEmpty() || tieOut.get().balanced()) {
            return result;
        }
        return new RunResult(result.runId(), result.pipeline(), RunStatus.FAILED, result.counts(), result.duration(),
                result.state(), result.failure());
    }

    private static void closeQuietly(String name, PipelineSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the connections of {} failed: {}", name, e.toString());
        }
    }

    /** Lets runs under way finish their batch, then stops them; the next run resumes from the last commit. */
    @Override
    public void close() {
        runs.shutdownNow();
        try {
            runs.awaitTermination(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
