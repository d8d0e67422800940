package dev.nsbridge.app.extract;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.run.PipelineRunner;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.source.Source;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one command needs to run extracts, opened once from the workspace: one source per connection (so every
 * extract of an account shares its concurrency budget), one destination per warehouse, and the stores. Closing
 * it closes them all.
 */
public final class ExtractSession implements AutoCloseable {
    private final Workspace workspace;
    private final Stores stores;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Destination> destinations = new LinkedHashMap<>();

    public ExtractSession(Workspace workspace) {
        this.workspace = workspace;
        this.stores = workspace.stores();
    }

    public Stores stores() {
        return stores;
    }

    public Source source(String connection) {
        return sources.computeIfAbsent(connection, workspace::source);
    }

    public Destination destination(String connection) {
        return destinations.computeIfAbsent(connection, workspace::warehouse);
    }

    public ExtractRunner runner() {
        return new ExtractRunner(new ExtractPlanner(workspace.config(), this::source, this::destination),
                new PipelineRunner(stores, workspace.clock()));
    }

    public CommittedStates committedStates() {
        // A warehouse whose credentials are not set cannot be read (status reads local state only then): its
        // extracts show the position the state store last had.
        return new CommittedStates(connection -> workspace.connection(connection).hasCredentials()
                ? destination(connection) : null, stores.state());
    }

    @Override
    public void close() {
        sources.values().forEach(Source::close);
        destinations.values().forEach(Destination::close);
        stores.close();
    }
}
