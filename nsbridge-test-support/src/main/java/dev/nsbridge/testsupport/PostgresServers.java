package dev.nsbridge.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method or constructor a {@link PostgresServer} parameter: one server for the whole test run, started
 * when the first test asks for it and closed when the run ends, because starting a cluster takes seconds and each
 * test can take a database of its own ({@link PostgresServer#createDatabase()}) instead.
 */
public final class PostgresServers implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PostgresServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /**
     * The run's server, started now if no test asked for it before; for extensions that hand tests something
     * built on it. The root store closes it when the run ends.
     */
    public static PostgresServer shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PostgresServer.class, key -> start(),
                PostgresServer.class);
    }

    private static PostgresServer start() {
        try {
            return PostgresServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test PostgreSQL server", e);
        }
    }
}
