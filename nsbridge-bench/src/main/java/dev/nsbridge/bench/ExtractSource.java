package dev.nsbridge.bench;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.source.Source;

/** The source the extracts are measured through: the one place that names it. */
final class ExtractSource {
    private ExtractSource() {
    }

    static Source open(NetSuiteClient client) {
        return new StandInSource(client);
    }
}
