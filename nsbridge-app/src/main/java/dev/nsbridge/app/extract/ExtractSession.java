package dev.nsbridge.app.extract;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.app.pipeline.PipelineSession;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.store.Stores;
import java.time.Clock;

/**
 * What one command needs to run extracts, opened once from the workspace: the stores, and a session of the pipeline
 * catalog that plans the extracts over one source per connection (so every extract of an account shares its
 * concurrency budget) and one destination per warehouse. Closing it closes them all.
 */
public final class ExtractSession implements AutoCloseable {
    private final Clock clock;
    private final Stores stores;
    private final PipelineSession pipelines;

    public ExtractSession(Workspace workspace) {
        this.clock = workspace.clock();
        this.stores = workspace.stores();
        this.pipelines = new PipelineCatalog(workspace, stores).open();
    }

    public Stores stores() {
        return stores;
    }

    public ExtractRunner runner() {
        return new ExtractRunner(pipelines.extracts(), new PipelineRunner(stores, clock), pipelines.ledgerTieOut());
    }

    public CommittedStates committedStates() {
        return pipelines.committedStates();
    }

    @Override
    public void close() {
        try {
            pipelines.close();
        } finally {
            stores.close();
        }
    }
}
