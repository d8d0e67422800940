package dev.nsbridge.app.extract;

import dev.nsbridge.app.ledger.LedgerTieOut;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the extracts a request names, one after another: each already reads its table in parallel within the
 * account's concurrency budget, so running tables side by side would only share that budget, and one at a time
 * keeps each table's progress on one line of the terminal.
 */
public final class ExtractRunner {
    private final ExtractPlanner planner;
    private final PipelineRunner runner;
    private final LedgerTieOut tieOut;

    public ExtractRunner(ExtractPlanner planner, PipelineRunner runner, LedgerTieOut tieOut) {
        this.planner = planner;
        this.runner = runner;
        this.tieOut = tieOut;
    }

    /**
     * Plans every extract first, so a configuration mistake in the last one stops the command before the first
     * one moves a row; then runs them, going on past a failed one; then ties out each ledger whose accounting lines
     * ran, once its transactions and lines ran too, so the check sees the three tables as this request left them.
     */
    public List<ExtractOutcome> run(ExtractRequest request, RunListener listener) {
        List<ExtractConfig> extracts = planner.select(request);
        List<Pipeline> pipelines = new ArrayList<>();
        for (ExtractConfig extract : extracts) {
            pipelines.add(planner.plan(extract, request));
        }
        List<ExtractOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            Pipeline pipeline = pipelines.get(i);
            RunResult result = runner.run(pipeline, RunOptions.NORMAL, listener);
            outcomes.add(new ExtractOutcome(extracts.get(i).name(), pipeline.streamName(), pipeline.write().target(),
                    pipeline.write().loadMethod(), result, Optional.empty()));
            if (Thread.currentThread().isInterrupted()) {
                return outcomes;
            }
        }
        List<ExtractOutcome> tiedOut = new ArrayList<>();
        for (ExtractOutcome outcome : outcomes) {
            tiedOut.add(outcome.tiedOut(tieOut.afterRun(outcome.extract(), outcome.result())));
        }
        return tiedOut;
    }
}
