package dev.nsbridge.flows.suppressions;

import dev.nsbridge.flows.FlowKeys;
import dev.nsbridge.spi.config.ConfigDef;

/** The suppressions flow's {@code settings:}: only where the first run starts. */
public final class SuppressionFlowSettings {
    public static final ConfigDef DEF = ConfigDef.of(FlowKeys.HISTORY_START);

    private SuppressionFlowSettings() {
    }
}
