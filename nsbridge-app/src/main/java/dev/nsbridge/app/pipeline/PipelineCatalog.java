package dev.nsbridge.app.pipeline;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractPlanner;
import dev.nsbridge.app.flow.FlowGoLive;
import dev.nsbridge.app.flow.GoLiveStatus;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.run.RunOptions;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.Source;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Every pipeline one {@code nsbridge.yaml} declares (its extracts, then its flows, in file order) and the one place
 * they are built: each command, the demo and the server ask here, so a pipeline runs the same whoever starts it.
 * A flow is built with what its run needs from the stores (its go-live instant, so a flow still in test sends
 * everything as history, and its ledger); an extract as {@code nsbridge run} plans it.
 *
 * <p>Building opens connections, so it happens in a {@link PipelineSession}, which closes them; asking what the
 * configuration declares opens nothing, so the commands that read only local state work without credentials.
 *
 * <pre>{@code
 * try (Stores stores = workspace.stores();
 *      PipelineSession session = new PipelineCatalog(workspace, stores).open()) {
 *     Pipeline customers = session.pipeline("customers", DryRunRecorder.DISCARD);
 * }
 * }</pre>
 */
public final class PipelineCatalog {
    /** A dry run shows this many records unless told otherwise: enough to check the mapping, few enough to read. */
    public static final long DRY_RUN_RECORDS = 5;

    private final Workspace workspace;
    private final Stores stores;
    private final FlowGoLive goLive;

    /** @param stores the state, history and error stores; the caller closes them */
    public PipelineCatalog(Workspace workspace, Stores stores) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.goLive = new FlowGoLive(stores.state());
    }

    public Stores stores() {
        return stores;
    }

    public Clock clock() {
        return workspace.clock();
    }

    public NsbridgeConfig config() {
        return workspace.config();
    }

    /** Every pipeline by name: the extracts, then the flows, in file order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(workspace.config().extracts().keySet());
        names.addAll(workspace.config().flows().keySet());
        return List.copyOf(names);
    }

    public boolean isExtract(String name) {
        return workspace.config().extracts().containsKey(name);
    }

    public boolean isFlow(String name) {
        return workspace.config().flows().containsKey(name);
    }

    public Optional<ExtractConfig> extract(String name) {
        return Optional.ofNullable(workspace.config().extracts().get(name));
    }

    /** The flow by name. @throws ConfigurationException {@code CONFIG_UNKNOWN_FLOW} naming the flows there are */
    public FlowConfig flow(String name) {
        return workspace.flow(name);
    }

    /** Whether its schedule may run it: an extract always, a flow once it went live. */
    public boolean isLive(String name) {
        return isExtract(name) || goLive.isLive(name);
    }

    /** A flow's phase: live since when, or still in test. */
    public GoLiveStatus phase(String flow) {
        return goLive.status(requireFlow(flow));
    }

    /**
     * Puts a flow live from {@code since}: its schedule runs it, and what happens after {@code since} is sent as
     * live events. {@code nsbridge golive} and the server's go-live button both come here.
     */
    public GoLiveStatus goLive(String flow, Instant since, Instant now) {
        return goLive.goLive(requireFlow(flow), since, now);
    }

    /** Takes a flow back into test: its schedule stops running it. */
    public GoLiveStatus pause(String flow, Instant now) {
        return goLive.pause(requireFlow(flow), now);
    }

    private String requireFlow(String name) {
        if (isExtract(name)) {
            throw new ConfigurationException("GOLIVE_NOT_A_FLOW", "'" + name + "' is not a flow; extracts are live"
                    + " from the start", "go live with one of " + String.join(", ",
                    workspace.config().flows().keySet()));
        }
        return workspace.flow(name).name();
    }

    /**
     * How a run goes: a dry run sends nothing and, without a limit, stops after {@link #DRY_RUN_RECORDS}; a limit
     * stops a run after that many records and leaves the watermark where it was.
     */
    public static RunOptions runOptions(boolean dryRun, OptionalLong limit) {
        if (dryRun) {
            return new RunOptions(true, limit.isPresent() ? limit : OptionalLong.of(DRY_RUN_RECORDS));
        }
        return new RunOptions(false, limit);
    }

    /** A session to build pipelines in; closing it closes every connection they opened. */
    public PipelineSession open() {
        return new PipelineSession(this);
    }

    Source source(String connection) {
        return workspace.source(connection);
    }

    Destination warehouse(String connection) {
        return workspace.warehouse(connection);
    }

    boolean hasCredentials(String connection) {
        return workspace.connection(connection).hasCredentials();
    }

    /** The flow with its go-live instant and ledger; its ends are new, for the session to close. */
    Pipeline buildFlow(String name, DryRunRecorder recorder) {
        FlowConfig flow = workspace.flow(name);
        return workspace.flowPipeline(flow, goLive.liveSince(name, workspace.clock().instant()), recorder,
                stores.ledger(name));
    }

    ExtractPlanner planner(Function<String, Source> sources, Function<String, Destination> destinations) {
        return new ExtractPlanner(workspace.config(), sources, destinations);
    }

    ConfigurationException unknown(String name) {
        return new ConfigurationException("CONFIG_UNKNOWN_PIPELINE", "no extract or flow named '" + name + "'",
                "use one of " + String.join(", ", names()));
    }
}
