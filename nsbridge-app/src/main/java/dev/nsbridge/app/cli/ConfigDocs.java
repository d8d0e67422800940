package dev.nsbridge.app.cli;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.StateConfig;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;

/**
 * The README's list of {@code nsbridge.yaml} keys, made from the same ConfigDefs the loader checks; a test keeps
 * the README equal to it, so the documentation cannot drift from the code.
 */
final class ConfigDocs {
    private ConfigDocs() {
    }

    /** @param types the connection types documented, in order: those nsbridge ships */
    static String markdown(ConnectionTypes types) {
        StringBuilder text = new StringBuilder();
        ComponentRegistry registry = types.registry().build();
        for (ComponentRegistry.Component type : registry.connectionTypes().values()) {
            text.append("#### connections: `type: ").append(type.type()).append("`\n\n")
                    .append(type.documentation()).append("\n\n");
            table(text, type.definition());
        }
        text.append("#### extracts\n\n");
        table(text, ExtractConfig.DEF);
        text.append("#### state\n\n");
        table(text, StateConfig.DEF);
        return text.toString();
    }

    /** One ConfigDef as a Markdown table; {@link FlowDocs} draws its tables with it too. */
    static void table(StringBuilder text, ConfigDef definition) {
        text.append("| key | type | default | what it does |\n|---|---|---|---|\n");
        for (ConfigKey<?> key : definition.keys()) {
            String type = key.allowedValues().isEmpty() ? key.type().description()
                    : String.join(" \\| ", key.allowedValues());
            String fallback = key.isRequired() ? "required" : key.defaultText().map(d -> "`" + d + "`").orElse("");
            text.append("| `").append(key.name()).append("` | ").append(type).append(" | ").append(fallback)
                    .append(" | ").append(key.documentation().replace("|", "\\|")).append(" |\n");
        }
        text.append('\n');
    }
}
