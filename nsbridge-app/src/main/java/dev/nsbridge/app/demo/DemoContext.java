package dev.nsbridge.app.demo;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractOutcome;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the demo's steps share: the sandbox, where files go, where to print, and what earlier steps left (the
 * workspace, each run's outcomes, the simulated activity) for later steps to show.
 */
public final class DemoContext {
    private final NetSuiteSandbox sandbox;
    private final Path folder;
    private final Path warehouse;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<List<ExtractOutcome>> runs = new ArrayList<>();
    private Workspace workspace;
    private Map<String, Integer> activity = Map.of();

    /**
     * @param folder    where the demo's nsbridge.yaml and state go
     * @param warehouse the DuckDB file the extracts fill
     */
    public DemoContext(NetSuiteSandbox sandbox, Path folder, Path warehouse, PrintWriter out, PrintWriter err) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.folder = folder;
        this.warehouse = warehouse;
        this.out = out;
        this.err = err;
    }

    public NetSuiteSandbox sandbox() {
        return sandbox;
    }

    public Path folder() {
        return folder;
    }

    public Path warehouse() {
        return warehouse;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Sets a variable the demo's configuration refers to; secrets stay in memory, never in a file. */
    public void putEnvironment(String name, String value) {
        environment.put(name, value);
    }

    /** The demo's variables first, then the process's. */
    public Function<String, String> environment() {
        return name -> environment.containsKey(name) ? environment.get(name) : System.getenv(name);
    }

    public Workspace workspace() {
        if (workspace == null) {
            throw new IllegalStateException("the configuration step must run before this one");
        }
        return workspace;
    }

    public void workspace(Workspace opened) {
        this.workspace = opened;
    }

    public void addRun(List<ExtractOutcome> outcomes) {
        runs.add(List.copyOf(outcomes));
    }

    /** Each run's outcomes, in order. */
    public List<List<ExtractOutcome>> runs() {
        return List.copyOf(runs);
    }

    public Optional<List<ExtractOutcome>> lastRun() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** What the simulated activity changed, by a description such as "customer inserted". */
    public Map<String, Integer> activity() {
        return activity;
    }

    public void activity(Map<String, Integer> changes) {
        this.activity = Map.copyOf(changes);
    }
}
