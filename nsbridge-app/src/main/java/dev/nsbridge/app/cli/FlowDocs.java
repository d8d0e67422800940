package dev.nsbridge.app.cli;

import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;

/**
 * The README's list of {@code flows:} keys, made from the ConfigDefs the loader checks each flow with; a test keeps
 * the README equal to it.
 */
final class FlowDocs {
    private FlowDocs() {
    }

    static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("#### flows: every entry\n\n");
        table(text, FlowConfig.DEF);
        for (FlowType type : Flows.types()) {
            text.append("#### flows: `type: ").append(type.wireName()).append("`, its `settings:`\n\n")
                    .append(type.documentation()).append("\n\n");
            table(text, type.settings());
        }
        return text.toString();
    }

    private static void table(StringBuilder text, ConfigDef definition) {
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
