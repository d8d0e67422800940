package dev.nsbridge.app.flow;

import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.PipelineSession;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.run.RunListener;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.run.RunResult;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import java.util.List;
import java.util.Objects;

/**
 * Runs one flow by name, as {@code nsbridge run FLOW} does: built by the catalog (with its go-live instant, so a
 * flow still in test sends everything as history) and with a recorder that keeps what a dry run would have sent.
 *
 * <pre>{@code
 * try (Stores stores = workspace.stores()) {
 *     FlowRun run = new FlowRunner(new PipelineCatalog(workspace, stores)).run("customers",
 *             PipelineCatalog.runOptions(true, OptionalLong.empty()), RunListener.NONE);
 * }
 * }</pre>
 */
public final class FlowRunner {
    private final PipelineCatalog catalog;
    private final PipelineRunner runner;

    public FlowRunner(PipelineCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.runner = new PipelineRunner(catalog.stores(), catalog.clock());
    }

    /** Whether {@code name} is a flow in the configuration, for a run command that also runs extracts. */
    public boolean isFlow(String name) {
        return catalog.isFlow(name);
    }

    public FlowRun run(String name, RunOptions options, RunListener listener) {
        DryRunRecorder.Collecting recorder = DryRunRecorder.collecting();
        RunResult result;
        try (PipelineSession session = catalog.open()) {
            result = runner.run(session.flow(name, recorder), options, listener);
        }
        return new FlowRun(result, options.dryRun(), options.dryRun() ? recorder.payloads() : List.of());
    }
}
