package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.ComponentRegistry.Component;
import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.spi.connection.ConnectionRole;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code run} would refuse about a pipeline that one key alone cannot show: an extract's source and destination
 * table shapes, the kinds of the connections a pipeline names, and two extracts landing different data in one
 * table. Checked here so that {@code check} names the line before anything connects.
 */
final class PipelineChecks {
    /** The warehouse's rule: plain lower-case identifiers, short enough for a staging suffix in 63 bytes. */
    private static final Pattern TABLE_PART = Pattern.compile("[a-z_][a-z0-9_]{0,47}");
    /** As SuiteQL names a table: letters, digits and underscores; anything else would be pasted into a query. */
    private static final Pattern SOURCE_TABLE = Pattern.compile("[A-Za-z0-9_]{1,128}");
    private static final String RESERVED_PREFIX = "_nsbridge";
    private static final String STAGING_MARK = "__nsbridge";

    private final IssueCollector issues;
    private final ComponentRegistry registry;

    PipelineChecks(IssueCollector issues, ComponentRegistry registry) {
        this.issues = issues;
        this.registry = registry;
    }

    /** A table written and what is read into it, so two extracts of different sources cannot share it. */
    private record Landing(String extract, String source) {
    }

    void check(Map<String, Field> entries, Map<String, ExtractConfig> extracts,
               Map<String, ConnectionConfig> connections) {
        Map<String, Landing> landings = new HashMap<>();
        for (ExtractConfig extract : extracts.values()) {
            Field entry = entries.get(extract.name());
            MapNode node = entry.value() instanceof MapNode map ? map : MapNode.empty(entry.line());
            String path = "extracts." + extract.name();
            extract.table().filter(table -> !SOURCE_TABLE.matcher(table).matches()).ifPresent(table ->
                    issues.error(line(node, "table", entry), path + ".table", shown(table) + " is not a table name",
                            "write the table as the source names it, without quotes: letters, digits and"
                                    + " underscores, at most 128 characters, e.g. customer"));
            role(path, node, entry, "connection", extract.connection(), connections, ConnectionRole.EXTRACT_SOURCE,
                    "an extract reads from");
            role(path, node, entry, "destination", extract.destination(), connections, ConnectionRole.WAREHOUSE,
                    "an extract writes tables into");
            if (destinationTable(path, node, entry, extract)) {
                shared(path, node, entry, extract, landings);
            }
        }
    }

    /** A flow runs between a system of record and a marketing system, in either direction. */
    void checkFlows(Map<String, Field> entries, Map<String, FlowConfig> flows,
                    Map<String, ConnectionConfig> connections) {
        for (FlowConfig flow : flows.values()) {
            List<ConnectionConfig> ends = Stream.of(flow.source(), flow.destination())
                    .map(connections::get).toList();
            if (ends.contains(null)) {
                continue; // a missing connection is reported where the reference is checked
            }
            boolean fits = hasRole(ends.get(0), ConnectionRole.FLOW_RECORDS)
                    && hasRole(ends.get(1), ConnectionRole.FLOW_MARKETING)
                    || hasRole(ends.get(0), ConnectionRole.FLOW_MARKETING)
                    && hasRole(ends.get(1), ConnectionRole.FLOW_RECORDS);
            if (!fits) {
                Field entry = entries.get(flow.name());
                MapNode node = entry.value() instanceof MapNode map ? map : MapNode.empty(entry.line());
                issues.error(line(node, "destination", entry), "flows." + flow.name(), "connects "
                        + flow.source() + " (" + ends.get(0).type() + ") to " + flow.destination() + " ("
                        + ends.get(1).type() + "); a flow runs between a " + typesWith(ConnectionRole.FLOW_RECORDS)
                        + " and a " + typesWith(ConnectionRole.FLOW_MARKETING) + " connection",
                        "name one connection of each as source and destination");
            }
        }
    }

    private boolean hasRole(ConnectionConfig connection, ConnectionRole role) {
        return registry.connectionType(connection.type()).map(c -> c.roles().contains(role)).orElse(false);
    }

    private String typesWith(ConnectionRole role) {
        return String.join(" or ", registry.connectionTypes().values().stream()
                .filter(c -> c.roles().contains(role)).map(Component::type).toList());
    }

    private void role(String path, MapNode node, Field entry, String key, String name,
                      Map<String, ConnectionConfig> connections, ConnectionRole role, String what) {
        ConnectionConfig connection = connections.get(name);
        if (connection == null) {
            return; // a missing connection is reported where the reference is checked
        }
        Optional<Component> type = registry.connectionType(connection.type());
        if (type.isPresent() && !type.get().roles().contains(role)) {
            issues.error(line(node, key, entry), path + "." + key, "'" + name + "' is a " + connection.type()
                    + " connection, which is not what " + what, "name a connection of type " + typesWith(role));
        }
    }

    /** Whether the table written is one the warehouse accepts; reported at destination_table, or at the entry. */
    private boolean destinationTable(String path, MapNode node, Field entry, ExtractConfig extract) {
        boolean written = node.field("destination_table").isPresent();
        int line = line(node, "destination_table", entry);
        String table = extract.destinationTable().strip().toLowerCase(Locale.ROOT);
        String[] parts = table.split("\\.", -1);
        String example = extract.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        boolean shaped = parts.length <= 2;
        for (String part : parts) {
            shaped &= TABLE_PART.matcher(part).matches();
        }
        if (!shaped) {
            issues.error(line, path + ".destination_table", shown(extract.destinationTable())
                    + (written ? "" : " (the extract's name, the default)") + " is not a usable table name",
                    (written ? "write" : "add destination_table:") + " a table name, optionally schema.table: each"
                            + " part starts with a letter or '_', has only letters, digits and '_', and is at most"
                            + " 48 characters, e.g. " + example);
            return false;
        }
        for (String part : parts) {
            if (part.startsWith(RESERVED_PREFIX) || part.contains(STAGING_MARK)) {
                issues.error(line, path + ".destination_table", shown(extract.destinationTable())
                        + " is a name nsbridge keeps for its own tables (state and staging)",
                        "choose a name that neither starts with _nsbridge nor holds __nsbridge, e.g. " + example);
                return false;
            }
        }
        return true;
    }

    private void shared(String path, MapNode node, Field entry, ExtractConfig extract, Map<String, Landing> landings) {
        String table = extract.destinationTable().strip().toLowerCase(Locale.ROOT);
        String source = extract.connection() + ":" + extract.table().map(t -> t.toLowerCase(Locale.ROOT))
                .orElseGet(() -> "query " + extract.query().orElse("").strip());
        Landing earlier = landings.putIfAbsent(extract.destination() + ":" + table,
                new Landing(extract.name(), source));
        if (earlier != null && !earlier.source().equals(source)) {
            issues.error(line(node, "destination_table", entry), path + ".destination_table", "'" + table
                    + "' is also written by the extract " + earlier.extract() + ", from a different source; their"
                    + " rows would be merged into one table", "give this extract a table of its own, e.g."
                    + " destination_table: " + extract.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_"));
        }
    }

    private static int line(MapNode node, String key, Field entry) {
        return node.field(key).map(f -> f.value().line()).orElse(entry.line());
    }

    /** A value as the message quotes it: cut when long, so a mistake cannot flood the terminal. */
    private static String shown(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "… (" + value.length() + " characters)" : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
