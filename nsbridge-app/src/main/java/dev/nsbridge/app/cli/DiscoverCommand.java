package dev.nsbridge.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.catalog.NetSuiteCatalog;
import dev.nsbridge.netsuite.catalog.NetSuiteTables;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nsbridge discover}: the tables a NetSuite connection offers, with their keys; one table's columns. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Lists a NetSuite connection's tables with their keys, or one table's columns and types.")
public final class DiscoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    PlaintextSecretsOption secrets;

    @Option(names = "--connection", description = "The NetSuite connection (default: the only one).")
    String connection;

    @Option(names = "--table", description = "Show this table's columns, types and suggested keys.")
    String table;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--refresh", description = "Read custom fields from NetSuite even when the cached catalog is fresh.")
    boolean refresh;

    @Override
    public Integer call() {
        Workspace workspace = Workspaces.open(spec, config, secrets.loadOptions());
        String name = connection != null ? connection : onlyNetSuiteConnection(workspace);
        PrintWriter out = spec.commandLine().getOut();
        if (table == null) {
            // The keys are the same in every account; custom fields are read per table (--table), since reading
            // every record type's schema is slow on a large account and some types are not enabled in every one.
            // Custom record types are the account's own: the metadata catalog lists them (cached like the fields).
            List<StreamDescriptor> streams = new ArrayList<>(NetSuiteTables.all());
            workspace.client(name, NetSuiteClient.class).catalog().customRecordTypes(refresh)
                    .forEach(type -> streams.add(NetSuiteTables.customRecord(type, List.of())));
            if (json) {
                ObjectNode root = new ObjectMapper().createObjectNode().put("connection", name);
                ArrayNode tables = root.putArray("tables");
                streams.forEach(stream -> keys(tables.addObject().put("table", stream.name()), stream)
                        .put("standard_columns", stream.columns().size()));
                out.println(root);
            } else {
                out.printf(Locale.ROOT, "%-28s %-38s %-22s %s%n", "table", "primary key", "incremental key",
                        "standard columns");
                streams.forEach(stream -> out.printf(Locale.ROOT, "%-28s %-38s %-22s %d%n", stream.name(),
                        String.join(", ", stream.primaryKey()), stream.cursor().orElse("(none: full reload)"),
                        stream.columns().size()));
                out.println();
                out.println("A joined query (a saved search's equivalent) is extracted with query: instead of table:,"
                        + " with unique_key: and incremental_key: (a date projected with TO_CHAR(col,"
                        + " 'YYYY-MM-DD HH24:MI:SS')); see the README's Query extracts.");
            }
        } else {
            if (NetSuiteTables.named(table).isEmpty() && !NetSuiteTables.isCustomRecord(table)) {
                throw unknownTable();
            }
            NetSuiteCatalog catalog = workspace.client(name, NetSuiteClient.class).catalog();
            StreamDescriptor stream = catalog.stream(table, refresh).orElseThrow(this::unknownTable);
            if (json) {
                ObjectNode root = keys(new ObjectMapper().createObjectNode().put("connection", name)
                        .put("table", stream.name()), stream);
                ArrayNode columns = root.putArray("columns");
                stream.columns().forEach(column -> columns.addObject().put("name", column.name())
                        .put("type", column.type().wireName()).put("custom", isCustom(column)));
                out.println(root);
            } else {
                describe(out, stream);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode keys(ObjectNode node, StreamDescriptor stream) {
        ArrayNode primary = node.putArray("primary_key");
        stream.primaryKey().forEach(primary::add);
        node.put("incremental_key", stream.cursor().orElse(null));
        ArrayNode unique = node.putArray("suggested_unique_key");
        stream.primaryKey().forEach(unique::add);
        node.put("suggested_load_method", stream.incremental() ? "merge" : "truncate_load");
        return node;
    }

    private static void describe(PrintWriter out, StreamDescriptor stream) {
        out.println("table " + stream.name());
        out.println("  suggested unique_key:      [" + String.join(", ", stream.primaryKey()) + "]");
        out.println("  suggested incremental_key: " + stream.cursor().orElse("(none: the table is reloaded in full)"));
        out.println("  suggested load_method:     " + (stream.incremental() ? "merge" : "truncate_load"));
        out.println();
        out.printf(Locale.ROOT, "  %-36s %-10s %s%n", "column", "type", "");
        for (Column column : stream.columns()) {
            String note = stream.primaryKey().stream().anyMatch(column.name()::equalsIgnoreCase) ? "primary key"
                    : stream.cursor().filter(column.name()::equalsIgnoreCase).isPresent() ? "incremental key"
                    : isCustom(column) ? "custom field" : "";
            out.printf(Locale.ROOT, "  %-36s %-10s %s%n", column.name(), column.type().wireName(), note);
        }
    }

    /** NetSuite names every custom field with its kind's prefix: custentity, custbody, custcol, custitem... */
    private static boolean isCustom(Column column) {
        return column.name().toLowerCase(Locale.ROOT).startsWith("cust");
    }

    private ConfigurationException unknownTable() {
        List<String> names = NetSuiteTables.all().stream().map(StreamDescriptor::name).toList();
        return new ConfigurationException("CONFIG_UNKNOWN_TABLE", "'" + table + "' is not a table nsbridge knows",
                Suggestions.closest(table, names).map(near -> "did you mean " + near + "?")
                        .orElse("run nsbridge discover to list them"));
    }

    private static String onlyNetSuiteConnection(Workspace workspace) {
        List<String> names = workspace.connections().values().stream()
                .map(ConnectionConfig::name).filter(c -> workspace.offers(c, NetSuiteClient.class)).toList();
        if (names.size() != 1) {
            throw new ConfigurationException("CONFIG_WHICH_CONNECTION", names.isEmpty()
                    ? "no netsuite connection in the configuration" : "several netsuite connections: "
                    + String.join(", ", names), names.isEmpty() ? "add one under connections: (nsbridge init writes one)"
                    : "name one with --connection");
        }
        return names.get(0);
    }
}
