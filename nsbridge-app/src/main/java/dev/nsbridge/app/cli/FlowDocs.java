package dev.nsbridge.app.cli;

import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;

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
        ConfigDocs.table(text, FlowConfig.DEF);
        for (FlowType type : Flows.types()) {
            text.append("#### flows: `type: ").append(type.wireName()).append("`, its `settings:`\n\n")
                    .append(type.documentation()).append("\n\n");
            ConfigDocs.table(text, type.settings());
        }
        return text.toString();
    }
}
