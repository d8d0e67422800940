package dev.nsbridge.bench;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.spi.source.Source;

/** The source the extracts are measured through: the product's own, named in this one place. */
final class ExtractSource {
    private ExtractSource() {
    }

    static Source open(NetSuiteClient client) {
        return new NetSuiteSource(client);
    }
}
