package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.ComponentRegistry.Component;
import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.engine.config.YamlNode.ScalarNode;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.source.ReadMode;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the pipeline sections, {@code extracts:} and {@code flows:}: each entry's keys, then what one key
 * cannot check alone (table or query, references to connections, what a query needs).
 */
final class PipelineSections {
    private final IssueCollector issues;
    private final SectionBinder binder;
    private final ComponentRegistry registry;
    private final Set<String> connectionNames;

    PipelineSections(IssueCollector issues, SectionBinder binder, ComponentRegistry registry,
                     Set<String> connectionNames) {
        this.issues = issues;
        this.binder = binder;
        this.registry = registry;
        this.connectionNames = connectionNames;
    }

    Optional<ExtractConfig> extract(Field entry) {
        String path = "extracts." + entry.key();
        Optional<MapNode> found = binder.asMap(path, entry);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MapNode node = found.get();
        int before = issues.errorCount();
        ConfigValues values = binder.bind(path, entry.line(), node, ExtractConfig.DEF, Set.of());
        boolean table = values.find(ExtractConfig.TABLE).isPresent();
        boolean query = values.find(ExtractConfig.QUERY).isPresent();
        if (table == query && node.field("table").isEmpty() == node.field("query").isEmpty()) {
            issues.error(entry.line(), path, table ? "gives both table and query" : "gives neither table nor query",
                    table ? "keep one of them" : "add table: <name> or query: <query>");
        }
        reference(path, node, ExtractConfig.CONNECTION, values);
        reference(path, node, ExtractConfig.DESTINATION, values);
        if (query) {
            checkQueryNeeds(path, entry, values);
        }
        return issues.errorCount() == before ? Optional.of(ExtractConfig.from(entry.key(), values)) : Optional.empty();
    }

    /** A query has no catalog entry, so what a table's catalog would give must be written out. */
    private void checkQueryNeeds(String path, Field entry, ConfigValues values) {
        ReadMode mode = values.find(ExtractConfig.MODE).orElse(ReadMode.INCREMENTAL);
        if (mode == ReadMode.INCREMENTAL && values.find(ExtractConfig.INCREMENTAL_KEY).isEmpty()) {
            issues.error(entry.line(), path + ".incremental_key", "is required for a query read incrementally",
                    "add incremental_key: <the column that says when a row changed>, or mode: full");
        }
        // Every load needs it: a query is read page by page in the order of its unique key, and merged on it.
        if (values.find(ExtractConfig.UNIQUE_KEY).map(k -> k.isEmpty()).orElse(true)) {
            issues.error(entry.line(), path + ".unique_key", "is required for a query",
                    "add unique_key: [<the columns that identify a row>]; nsbridge reads the query in its order");
        }
    }

    Optional<FlowConfig> flow(Field entry) {
        String path = "flows." + entry.key();
        Optional<MapNode> found = binder.asMap(path, entry);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MapNode node = found.get();
        int before = issues.errorCount();
        ConfigValues values = binder.bind(path, entry.line(), node, FlowConfig.DEF, Set.of(FlowConfig.SETTINGS));
        reference(path, node, FlowConfig.SOURCE, values);
        reference(path, node, FlowConfig.DESTINATION, values);
        Optional<Component> type = values.find(FlowConfig.TYPE).flatMap(name -> flowType(path, node, name));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String settingsPath = path + "." + FlowConfig.SETTINGS;
        Optional<Field> settingsField = node.field(FlowConfig.SETTINGS);
        Optional<MapNode> settingsNode = settingsField.isPresent()
                ? binder.asMap(settingsPath, settingsField.get()) : Optional.of(MapNode.empty(entry.line()));
        if (settingsNode.isEmpty()) {
            return Optional.empty();
        }
        int settingsLine = settingsField.map(Field::line).orElse(entry.line());
        ConfigValues settings = binder.bind(settingsPath, settingsLine, settingsNode.get(),
                type.get().definition(), Set.of());
        return issues.errorCount() == before
                ? Optional.of(FlowConfig.from(entry.key(), values, settings)) : Optional.empty();
    }

    private Optional<Component> flowType(String path, MapNode node, String name) {
        Optional<Component> type = registry.flowType(name);
        if (type.isEmpty()) {
            Set<String> known = registry.flowTypes().keySet();
            int line = node.field(FlowConfig.TYPE.name()).map(f -> f.value().line()).orElse(node.line());
            issues.error(line, path + ".type", "'" + name + "' is not a flow type",
                    Suggestions.closest(name, known).map(near -> "did you mean " + near + "?")
                            .orElse(known.isEmpty() ? "no flow types are registered"
                                    : "write one of " + String.join(", ", known)));
        }
        return type;
    }

    /** A key whose value names a connection must name one that exists. */
    private void reference(String path, MapNode node, ConfigKey<String> key, ConfigValues values) {
        values.find(key).filter(name -> !connectionNames.contains(name)).ifPresent(name -> {
            int line = node.field(key.name()).map(f -> f.value().line()).orElse(node.line());
            String shown = node.field(key.name()).map(Field::value).filter(ScalarNode.class::isInstance)
                    .map(v -> ((ScalarNode) v).sourceText()).orElse(name);
            issues.error(line, path + "." + key.name(), "'" + shown + "' is not a connection",
                    Suggestions.closest(name, connectionNames).map(near -> "did you mean " + near + "?")
                            .orElse(connectionNames.isEmpty() ? "add it under connections:"
                                    : "write one of " + String.join(", ", connectionNames)
                                    + ", or add it under connections:"));
        });
    }
}
