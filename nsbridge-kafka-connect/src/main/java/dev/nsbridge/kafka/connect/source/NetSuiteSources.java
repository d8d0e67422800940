package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.config.NetSuiteConnectionType;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.QuerySource;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the NetSuite source the way the command line's extracts do: the NetSuite connection type is given the
 * connection's parsed keys in a {@link ConnectionContext} and builds the client (auth, concurrency budget, login
 * guard) and the source itself.
 */
final class NetSuiteSources {
    private NetSuiteSources() {
    }

    /**
     * The NetSuite connection type, found as the command line finds it: through {@link ServiceLoader}, here in the
     * plugin's own class loader (a worker's thread may carry another).
     */
    static ConnectionType netSuite() {
        return ServiceLoader.load(ConnectionType.class, NetSuiteSources.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(type -> type.name().equals(NetSuiteConnectionType.NAME))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + NetSuiteConnectionType.NAME
                        + " connection type in META-INF/services: the plugin's lib/ lacks nsbridge-netsuite"));
    }

    /**
     * The account's client as the NetSuite connection type opens it (auth, budget, login guard counting in the
     * host's {@code state.dir}, with the command line).
     */
    static NetSuiteClient client(NetSuiteSourceConfig config, String connectorName) {
        Path folder = config.stateDirectory().resolve("kafka-connect").resolve(safe(connectorName));
        ConnectionContext context = new ConnectionContext(connectorName, config.connection(),
                HttpClient.newHttpClient(), Clock.systemUTC(), folder, config.stateDirectory(), Optional.empty());
        return netSuite().client(context, NetSuiteClient.class).orElseThrow(() -> new IllegalStateException(
                "the NetSuite connection type opens no NetSuiteClient"));
    }

    /** The NetSuite source over a client held to {@code permits}, this task's share of the account's budget. */
    static Source open(NetSuiteSourceConfig config, String connectorName, int permits) {
        return new NetSuiteSource(client(config, connectorName).shareOfBudget(permits));
    }

    /** A table the catalog lists, by name in any case, or the fix naming the closest one. */
    static StreamDescriptor table(List<StreamDescriptor> catalog, String name) {
        return catalog.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException("CONFIG_UNKNOWN_TABLE", NetSuiteSourceConfig.TABLES
                        + ": '" + name + "' is not a table of this NetSuite account",
                        Suggestions.closest(name, catalog.stream().map(StreamDescriptor::name).toList())
                                .map(near -> "did you mean " + near + "?")
                                .orElse("list the tables with nsbridge discover")));
    }

    /**
     * A query as a stream, described by the source (which runs it once, so a query NetSuite refuses fails here
     * with NetSuite's words), as an extract's {@code query:} is.
     */
    static StreamDescriptor describe(Source source, QueryStream query) {
        if (!(source instanceof QuerySource queries)) {
            throw new IllegalStateException("the NetSuite source reads no queries");
        }
        return queries.describeQuery(query.name(), query.sql(), query.uniqueKey(), query.incrementalKey());
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
