package dev.nsbridge.warehouse;

import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link TestWarehouse.Factory} or the {@link PostgresServer} itself; the server starts on first use,
 * once per test run, and stops when the run ends.
 */
public final class Warehouses implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestWarehouse.Factory.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class ? PostgresServers.shared(context)
                : new TestWarehouse.Factory(() -> PostgresServers.shared(context));
    }
}
