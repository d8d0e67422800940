package dev.nsbridge.app.cli;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local NetSuite for a test class: started once before its tests at the small scale the command tests read,
 * closed after them. Register it as a static field with {@code @RegisterExtension}.
 */
final class LocalNetSuiteExtension implements BeforeAllCallback, AfterAllCallback {
    private static final double SCALE = 0.02;
    private NetSuiteSandbox sandbox;

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(SCALE));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    NetSuiteSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the local NetSuite starts before the test class's tests, not earlier");
        }
        return sandbox;
    }
}
