package dev.nsbridge.app.cli;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.config.StateConfig;
import dev.nsbridge.netsuite.config.NetSuiteConnectionType;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.warehouse.duckdb.DuckDbConnectionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commented {@code nsbridge.yaml} that {@code nsbridge init} writes. Every comment comes from the ConfigDefs
 * the loader checks against, so the file documents exactly the keys that load. The starter reads a NetSuite account
 * into a DuckDB file; every other connection type on the class path follows as a commented-out example.
 */
public final class ConfigTemplate {
    private static final int WIDTH = 110;
    private static final String DEFAULT_WAREHOUSE = "nsbridge.duckdb";

    /** The starter extracts: one per load method, so the first run shows how each behaves, and the general ledger. */
    public static final Map<String, Map<String, String>> STARTER_EXTRACTS = starterExtracts();

    private final ComponentRegistry registry;
    private final StringBuilder text = new StringBuilder();

    private ConfigTemplate(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param netsuite the values written for the netsuite connection (everything else shows its default, commented
     *                 out); secrets must already be {@code ${ENV}} references or {@code enc:} values
     * @param intro    lines said at the top, e.g. where the sandbox's credentials came from
     */
    public static String render(Map<String, String> netsuite, List<String> intro) {
        return render(netsuite, intro, DEFAULT_WAREHOUSE);
    }

    /** @param warehouse the DuckDB file, relative to the configuration's folder or absolute */
    public static String render(Map<String, String> netsuite, List<String> intro, String warehouse) {
        ConfigTemplate template = new ConfigTemplate(ConnectionTypes.installed().registry().build());
        template.write(netsuite, intro, warehouse);
        return template.text.toString();
    }

    private void write(Map<String, String> netsuite, List<String> intro, String warehouse) {
        comment("", "nsbridge.yaml: the connections nsbridge reaches and the extracts it keeps current. Written by"
                + " nsbridge init; `nsbridge check` tests it, `nsbridge run` runs it. Every key is listed with what it"
                + " does; a commented-out key shows its default. Secrets are never written in plain text: write"
                + " ${ENV_NAME} (read from the environment at start) or an enc: value (encrypted with the key in"
                + " ~/.config/nsbridge/secret.key).");
        intro.forEach(line -> comment("", line));
        text.append('\n');
        section("connections");
        text.append("connections:\n");
        connection("netsuite", NetSuiteConnectionType.NAME, netsuite, false);
        connection("warehouse", DuckDbConnectionType.NAME, Map.of(DuckDbConnectionType.PATH.name(), "\"" + warehouse
                + "\""), false);
        for (String type : registry.connectionTypes().keySet()) {
            if (!type.equals(NetSuiteConnectionType.NAME) && !type.equals(DuckDbConnectionType.NAME)) {
                connection(type, type, Map.of(), true);
            }
        }
        text.append('\n');
        section("extracts");
        text.append("extracts:\n");
        boolean first = true;
        for (Map.Entry<String, Map<String, String>> extract : STARTER_EXTRACTS.entrySet()) {
            extract(extract.getKey(), extract.getValue(), first);
            first = false;
        }
        text.append('\n');
        flows();
        text.append('\n');
        section("state");
        text.append("# state:\n");
        keys("  ", StateConfig.DEF, Map.of(), true);
    }

    /** One example per flow type, commented out: a flow needs a Klaviyo connection the starter file does not have. */
    private void flows() {
        section("flows");
        text.append("# flows:\n");
        for (FlowType type : Flows.types()) {
            text.append('\n');
            comment("  ", "An example " + type.wireName() + " flow: uncomment to use it. " + type.documentation());
            text.append("  # ").append(type.wireName()).append(":\n");
            text.append("  #   type: ").append(type.wireName()).append('\n');
            text.append("  #   source: netsuite\n");
            text.append("  #   destination: klaviyo\n");
            text.append("  #   settings:\n");
            keys("      ", type.settings(), Map.of(), true);
        }
    }

    private void connection(String name, String type, Map<String, String> values, boolean example) {
        ComponentRegistry.Component component = registry.connectionType(type).orElseThrow();
        String prefix = example ? "  # " : "  ";
        text.append('\n');
        if (example) {
            comment("  ", "An example " + type + " connection: uncomment to use it.");
        }
        comment("  ", component.documentation());
        text.append(prefix).append(name).append(":\n");
        comment("    ", ConnectionConfig.TYPE.documentation());
        text.append(prefix).append("  type: ").append(type).append('\n');
        keys("    ", component.definition(), values, example);
    }

    private void extract(String name, Map<String, String> values, boolean documented) {
        text.append('\n');
        text.append("  ").append(name).append(":\n");
        if (documented) {
            keys("    ", ExtractConfig.DEF, values, false);
            return;
        }
        values.forEach((key, value) -> text.append("    ").append(key).append(": ").append(value).append('\n'));
    }

    /**
     * Each key with its documentation: a given value written, a default shown commented out; in an example block
     * every line is commented out and a required key shows a placeholder.
     */
    private void keys(String indent, ConfigDef definition, Map<String, String> values, boolean example) {
        for (ConfigKey<?> key : definition.keys()) {
            comment(indent, key.name() + " (" + kind(key) + "): " + key.documentation());
            String value = values.get(key.name());
            if (value != null && !example) {
                text.append(indent).append(key.name()).append(": ").append(value).append('\n');
            } else if (value != null || key.defaultText().isPresent() || key.isRequired()) {
                String shown = value != null ? value : key.defaultText().map(ConfigTemplate::yaml)
                        .orElse(key.isSecret() ? "${" + key.name().toUpperCase(java.util.Locale.ROOT) + "}" : "<"
                                + key.type().description() + ">");
                text.append(indent).append("# ").append(key.name()).append(": ").append(shown).append('\n');
            }
        }
    }

    static String kind(ConfigKey<?> key) {
        String type = key.allowedValues().isEmpty() ? key.type().description()
                : String.join(" | ", key.allowedValues());
        return type + (key.isRequired() ? ", required" : key.defaultText().map(d -> ", default " + d).orElse(""));
    }

    private static String yaml(String value) {
        return value.contains(", ") ? "[" + value + "]" : value;
    }

    private void section(String name) {
        comment("", name + ": " + NsbridgeConfig.SECTIONS.get(name));
    }

    private void comment(String indent, String sentence) {
        for (String line : wrap(sentence, WIDTH - indent.length() - 2)) {
            text.append(indent).append("# ").append(line).append('\n');
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Map<String, Map<String, String>> starterExtracts() {
        Map<String, Map<String, String>> extracts = new LinkedHashMap<>();
        extracts.put("customer", extract("customer", "incremental", "merge"));
        extracts.put("transaction", extract("transaction", "full", "truncate_load"));
        extracts.put("transactionline", extract("transactionline", "incremental", "merge"));
        // The general ledger: with transaction and transactionline, each run is tied out against NetSuite.
        extracts.put("transactionaccountingline", extract("transactionaccountingline", "incremental", "merge"));
        extracts.put("account", extract("account", "incremental", "merge"));
        extracts.put("accountingperiod", extract("accountingperiod", "incremental", "merge"));
        extracts.put("item", extract("item", "full", "drop_create_load"));
        extracts.put("deletedrecord", extract("deletedrecord", "incremental", "merge"));
        extracts.put("systemnote", extract("systemnote", "incremental", "append"));
        return java.util.Collections.unmodifiableMap(extracts);
    }

    private static Map<String, String> extract(String table, String mode, String loadMethod) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ExtractConfig.CONNECTION.name(), "netsuite");
        values.put(ExtractConfig.TABLE.name(), table);
        values.put(ExtractConfig.MODE.name(), mode);
        values.put(ExtractConfig.DESTINATION.name(), "warehouse");
        values.put(ExtractConfig.LOAD_METHOD.name(), loadMethod);
        return java.util.Collections.unmodifiableMap(values);
    }
}
