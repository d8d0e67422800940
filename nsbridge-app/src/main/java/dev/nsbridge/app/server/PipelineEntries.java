package dev.nsbridge.app.server;

import dev.nsbridge.app.Workspace;
import dev.nsbridge.app.extract.ExtractPlanner;
import dev.nsbridge.app.extract.ExtractRequest;
import dev.nsbridge.app.flow.FlowGoLive;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipelines of one {@code nsbridge.yaml}: its extracts and its flows. Each is planned, built and put live by
 * the same code the commands use, so the server runs a pipeline exactly as {@code nsbridge run} does and going
 * live from the UI is {@code nsbridge golive}.
 */
final class WorkspacePipelines implements PipelineCatalog {
    private final Workspace workspace;
    private final FlowGoLive goLive;
    private final Stores stores;
    private final List<PipelineEntry> entries;

    WorkspacePipelines(Workspace workspace, Stores stores) {
        this.workspace = workspace;
        this.goLive = new FlowGoLive(stores.state());
        this.stores = stores;
        List<PipelineEntry> all = new ArrayList<>();
        workspace.config().extracts().values().forEach(extract -> all.add(entry(extract)));
        workspace.config().flows().values().forEach(flow -> all.add(entry(flow)));
        this.entries = List.copyOf(all);
    }

    @Override
    public List<PipelineEntry> entries() {
        return entries;
    }

    @Override
    public boolean isLive(String name) {
        return workspace.config().extracts().containsKey(name) || goLive.isLive(name);
    }

    @Override
    public Instant goLive(String name, Instant now) {
        if (!workspace.config().flows().containsKey(name)) {
            throw new ConfigurationException("GOLIVE_NOT_A_FLOW", "'" + name + "' is not a flow; extracts are live"
                    + " from the start", "go live with one of " + String.join(", ",
                    workspace.config().flows().keySet()));
        }
        return goLive.goLive(name, now, now).liveSince().orElseThrow();
    }

    @Override
    public Pipeline build(String name, DryRunRecorder recorder) {
        FlowConfig flow = workspace.config().flows().get(name);
        if (flow != null) {
            return workspace.flowPipeline(flow, goLive.liveSince(name, workspace.clock().instant()), recorder,
                    stores.ledger(name));
        }
        ExtractConfig extract = workspace.config().extracts().get(name);
        if (extract != null) {
            // Planned as `nsbridge run` plans it, so a scheduled extract reads and writes exactly as one run by hand.
            return new ExtractPlanner(workspace.config(), workspace::source, workspace::warehouse)
                    .plan(extract, ExtractRequest.of(List.of(name)));
        }
        throw new ConfigurationException("CONFIG_UNKNOWN_PIPELINE", "no extract or flow named '" + name + "'",
                "use one of " + String.join(", ", entries.stream().map(PipelineEntry::name).toList()));
    }

    private static PipelineEntry entry(ExtractConfig extract) {
        Map<String, Object> settings = new LinkedHashMap<>();
        extract.table().ifPresent(table -> settings.put("table", table));
        extract.query().ifPresent(query -> settings.put("query", query));
        settings.put("mode", extract.mode().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("load_method", extract.loadMethod().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("destination_table", extract.destinationTable());
        settings.put("columns", extract.columns());
        settings.put("unique_key", extract.uniqueKey());
        extract.incrementalKey().ifPresent(key -> settings.put("incremental_key", key));
        settings.put("lookback", extract.lookback().toString());
        settings.put("deletes", extract.deletes().wireName());
        extract.filter().ifPresent(filter -> settings.put("filter", filter));
        return new PipelineEntry(extract.name(), PipelineEntry.Kind.EXTRACT,
                extract.table().orElse("query"), extract.connection(), extract.destination(), extract.schedule(),
                extract.enabled(), settings);
    }

    private static PipelineEntry entry(FlowConfig flow) {
        return new PipelineEntry(flow.name(), PipelineEntry.Kind.FLOW, flow.type(), flow.source(),
                flow.destination(), flow.schedule(), flow.enabled(), SafeSettings.of(flow.settings()));
    }
}
