package dev.nsbridge.app.server;

import dev.nsbridge.app.pipeline.PipelineCatalog;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.FlowConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's pipelines as the server lists and schedules them: name, kind, ends, schedule and settings with
 * secrets hidden. Building and going live stay with the catalog, so the server runs a pipeline exactly as
 * {@code nsbridge run} does and going live from the UI is {@code nsbridge golive}.
 */
final class PipelineEntries {
    private final List<PipelineEntry> entries;

    PipelineEntries(PipelineCatalog catalog) {
        List<PipelineEntry> all = new ArrayList<>();
        catalog.config().extracts().values().forEach(extract -> all.add(entry(extract)));
        catalog.config().flows().values().forEach(flow -> all.add(entry(flow)));
        this.entries = List.copyOf(all);
    }

    /** Every extract, then every flow, in file order. */
    List<PipelineEntry> all() {
        return entries;
    }

    Optional<PipelineEntry> entry(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    private static PipelineEntry entry(ExtractConfig extract) {
        Map<String, Object> settings = new LinkedHashMap<>();
        extract.table().ifPresent(table -> settings.put("table", table));
        extract.query().ifPresent(query -> settings.put("query", query));
        settings.put("mode", extract.mode().name().toLowerCase(Locale.ROOT));
        settings.put("load_method", extract.loadMethod().name().toLowerCase(Locale.ROOT));
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
