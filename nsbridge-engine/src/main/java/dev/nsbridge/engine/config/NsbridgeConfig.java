package dev.nsbridge.engine.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded and checked {@code nsbridge.yaml}. Its {@code toString()} is safe to log: secrets show as
 * {@code [hidden]}.
 *
 * @param file        the file it came from
 * @param connections by name
 * @param extracts    by name (each a pipeline)
 * @param flows       by name (each a pipeline)
 * @param state       where state, history and record errors live
 */
public record NsbridgeConfig(Path file, Map<String, ConnectionConfig> connections,
                             Map<String, ExtractConfig> extracts, Map<String, FlowConfig> flows, StateConfig state) {

    /** The top-level sections and what each holds; any other top-level key is an error. */
    public static final Map<String, String> SECTIONS = sections();

    public NsbridgeConfig {
        Objects.requireNonNull(file, "file");
        connections = ordered(connections);
        extracts = ordered(extracts);
        flows = ordered(flows);
        Objects.requireNonNull(state, "state");
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("connections", "Systems and their credentials, by a name you choose. Each has a type (a"
                + " registered connection type) and that type's keys; write secrets as ${ENV_NAME}.");
        sections.put("extracts", "Tables or queries kept current in a destination table, by a name you choose,"
                + " which is also the pipeline's name.");
        sections.put("flows", "Integration flows between two connections, by a name you choose: a type, a source,"
                + " a destination, a schedule and the flow's own settings.");
        sections.put("state", "Where state, run history and record errors are kept; by default nsbridge.db beside"
                + " this file.");
        return Collections.unmodifiableMap(sections);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
