package dev.nsbridge.warehouse;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link TestWarehouse.Factory}; the PostgreSQL server behind it starts on first use, once per
 * test run, and stops when the run ends.
 */
public final class Warehouses implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Warehouses.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestWarehouse.Factory.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Supplier<PostgresServer> server = () -> context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, key -> start(), PostgresServer.class);
        return parameter.getParameter().getType() == PostgresServer.class ? server.get()
                : new TestWarehouse.Factory(server);
    }

    private static PostgresServer start() {
        try {
            return PostgresServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test PostgreSQL server", e);
        }
    }
}
