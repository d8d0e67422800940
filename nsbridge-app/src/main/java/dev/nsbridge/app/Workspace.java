package dev.nsbridge.app;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.app.connect.LoginGuardDirectory;
import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.engine.config.ConfigIssue;
import dev.nsbridge.engine.config.ConfigLoader;
import dev.nsbridge.engine.config.ConfigReport;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.engine.config.FlowConfig;
import dev.nsbridge.engine.config.LoadOptions;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.config.StateConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.store.OwnerOnly;
import dev.nsbridge.engine.store.SqlStores;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.FlowContext;
import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.connection.ConnectionContext;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.KeyedStates;
import dev.nsbridge.spi.state.Ledger;
import dev.nsbridge.warehouse.postgres.PostgresSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The composition root for one {@code nsbridge.yaml}: the loaded configuration and the clients, sources,
 * destinations and stores it names, built on demand by the connection types on the class path
 * ({@link ConnectionTypes}). Every command goes through it, so wiring lives in one place; it names no type.
 */
public final class Workspace {
    private final ConnectionTypes types;
    private final NsbridgeConfig config;
    private final List<ConfigIssue> warnings;
    private final Clock clock;
    private final HttpClient http;
    private final Path loginGuardDirectory;
    private Stores guardStores;

    private Workspace(ConnectionTypes types, ConfigReport report, Clock clock, HttpClient http,
                      Path loginGuardDirectory) {
        this.types = types;
        this.config = report.orThrow();
        this.warnings = report.warnings();
        this.clock = clock;
        this.http = http;
        this.loginGuardDirectory = loginGuardDirectory;
    }

    /** Checks a configuration file without opening anything: every error and warning at once. */
    public static ConfigReport check(Path file, Function<String, String> environment) {
        return check(file, environment, LoadOptions.STRICT);
    }

    /** As {@link #check(Path, Function)}, as strict about secrets as {@code options} say. */
    public static ConfigReport check(Path file, Function<String, String> environment, LoadOptions options) {
        return loader(ConnectionTypes.installed(), environment).check(file, options);
    }

    /** Loads a configuration file; a ConfigurationException lists every problem with its line and fix. */
    public static Workspace open(Path file, Function<String, String> environment, Clock clock) {
        return open(file, environment, LoadOptions.STRICT, clock);
    }

    /** As {@link #open(Path, Function, Clock)}, as strict about secrets as {@code options} say. */
    public static Workspace open(Path file, Function<String, String> environment, LoadOptions options, Clock clock) {
        return open(file, environment, options, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .build());
    }

    /** As {@link #open(Path, Function, Clock)}, with the HTTP client every connector shares (the server counts requests). */
    public static Workspace open(Path file, Function<String, String> environment, Clock clock, HttpClient http) {
        return open(file, environment, LoadOptions.STRICT, clock, http);
    }

    /** The one way a workspace is made: the others fill in what they were not given. */
    public static Workspace open(Path file, Function<String, String> environment, LoadOptions options, Clock clock,
                                 HttpClient http) {
        ConnectionTypes types = ConnectionTypes.installed();
        return new Workspace(types, loader(types, environment).check(file, options), clock, http,
                LoginGuardDirectory.of(environment));
    }

    private static ConfigLoader loader(ConnectionTypes types, Function<String, String> environment) {
        ComponentRegistry.Builder registry = types.registry();
        Flows.types().forEach(type -> registry.flow(type.wireName(), type.documentation(), type.settings()));
        return new ConfigLoader(registry.build(), environment);
    }

    public NsbridgeConfig config() {
        return config;
    }

    /** What the load accepted but a person should hear about, such as a secret allowed as plain text. */
    public List<ConfigIssue> warnings() {
        return warnings;
    }

    public Clock clock() {
        return clock;
    }

    /** Where nsbridge keeps per-account files (the catalog cache): {@code .nsbridge/} beside the config. */
    public Path stateDirectory() {
        return directory().resolve(".nsbridge");
    }

    public ConnectionConfig connection(String name) {
        ConnectionConfig connection = config.connections().get(name);
        if (connection == null) {
            throw new ConfigurationException("CONFIG_UNKNOWN_CONNECTION", "no connection named '" + name + "' in "
                    + config.file(), "use one of " + String.join(", ", config.connections().keySet()));
        }
        return connection;
    }

    /** The type of a loaded connection (the loader let only known types through). */
    public ConnectionType type(ConnectionConfig connection) {
        return types.named(connection.type());
    }

    /** What a connection's type is given to open it; a ConfigurationException when its variables are unset. */
    public ConnectionContext context(String name) {
        ConnectionConfig connection = connection(name).requireCredentials();
        Optional<Supplier<KeyedStates>> shared = config.state().shared()
                ? Optional.of(this::sharedStates) : Optional.empty();
        return new ConnectionContext(name, connection.values(), http, clock, directory(), loginGuardDirectory,
                shared);
    }

    /** Whether the connection's type opens clients of {@code kind}, e.g. a {@link NetSuiteClient}. */
    public boolean offers(String name, Class<?> kind) {
        return type(connection(name)).clients().contains(kind);
    }

    /**
     * A new client of {@code kind} for the connection, opened by its type: how flows and commands reach a system
     * itself without naming its type.
     */
    public <T> T client(String name, Class<T> kind) {
        ConnectionConfig connection = connection(name);
        ConnectionType type = type(connection);
        if (!type.clients().contains(kind)) {
            String expected = types.offering(kind);
            throw new ConfigurationException("CONFIG_WRONG_CONNECTION_TYPE", "connection '" + name + "' is "
                    + connection.type() + ", not " + expected, "name a " + expected + " connection here");
        }
        return type.client(context(name), kind).orElseThrow(() -> new IllegalStateException("connection type "
                + type.name() + " lists " + kind.getSimpleName() + " among its clients but opens none"));
    }

    /** The source an extract reads from, opened by the connection's type. */
    public Source source(String name) {
        ConnectionConfig connection = connection(name);
        ConnectionType type = type(connection);
        if (!type.roles().contains(ConnectionRole.EXTRACT_SOURCE)) {
            throw new ConfigurationException("CONFIG_NOT_A_SOURCE", "connection '" + name + "' is "
                    + connection.type() + ", which extracts do not read", "point the extract at a "
                    + types.withRole(ConnectionRole.EXTRACT_SOURCE) + " connection");
        }
        return type.source(context(name));
    }

    /**
     * The state, run-history and record-error stores of this configuration: the embedded file, or the shared
     * PostgreSQL database that {@code state.connection} names. The caller closes them.
     */
    public Stores stores() {
        // Made owner-only before anything writes there, and closed up again if a umask or older version left it open.
        OwnerOnly.folder(stateDirectory());
        StateConfig state = config.state();
        if (state.connection().isEmpty()) {
            return SqlStores.open(state.path(), clock);
        }
        PostgresSettings database = client(state.connection().get(), PostgresSettings.class);
        return SqlStores.openPostgres(database.url(), database.user(), database.password(), state.schema(), clock);
    }

    /**
     * The shared store the NetSuite login guards count in, so that several servers stop after two failed logins
     * together. Opened once and kept for the life of the process: a guard reads it before each login until one
     * has worked.
     */
    private synchronized KeyedStates sharedStates() {
        if (guardStores == null) {
            guardStores = stores();
        }
        return guardStores.state();
    }

    /** The warehouse an extract writes into, opened by the connection's type. */
    public Destination warehouse(String name) {
        ConnectionConfig connection = connection(name).requireCredentials();
        ConnectionType type = type(connection);
        if (!type.roles().contains(ConnectionRole.WAREHOUSE)) {
            throw new ConfigurationException("CONFIG_NOT_A_WAREHOUSE", "connection '" + name + "' is "
                    + connection.type() + ", not a warehouse", "point the destination at a "
                    + types.withRole(ConnectionRole.WAREHOUSE) + " connection");
        }
        return type.destination(context(name));
    }

    public FlowConfig flow(String name) {
        FlowConfig flow = config.flows().get(name);
        if (flow == null) {
            throw new ConfigurationException("CONFIG_UNKNOWN_FLOW", "no flow named '" + name + "' in " + config.file(),
                    config.flows().isEmpty() ? "add it under flows:"
                            : "use one of " + String.join(", ", config.flows().keySet()));
        }
        return flow;
    }

    /**
     * A flow as the engine's pipeline. The NetSuite and Klaviyo clients come from whichever of its source and
     * destination opens that client, since the suppressions flow reads Klaviyo and writes NetSuite.
     *
     * @param liveSince when the flow went live: what happened before is sent as history
     * @param recorder  receives the payloads a dry run builds
     * @param ledger    the flow's durable record of what it sent, from the state store
     */
    public Pipeline flowPipeline(FlowConfig flow, Instant liveSince, DryRunRecorder recorder, Ledger ledger) {
        String netSuite = endOffering(flow, NetSuiteClient.class);
        String klaviyo = endOffering(flow, KlaviyoClient.class);
        FlowPieces pieces = Flows.build(flow.type(), flow.name(), new FlowContext(
                client(netSuite, NetSuiteClient.class), client(klaviyo, KlaviyoClient.class), flow.settings(),
                liveSince, clock, recorder, ledger));
        return new Pipeline(pieces.name(), pieces.source(), pieces.read(), pieces.destination(), pieces.write());
    }

    private String endOffering(FlowConfig flow, Class<?> client) {
        for (String end : List.of(flow.source(), flow.destination())) {
            if (offers(end, client)) {
                return end;
            }
        }
        throw new ConfigurationException("CONFIG_FLOW_CONNECTIONS", "flow '" + flow.name() + "' connects "
                + flow.source() + " to " + flow.destination() + " but neither is a " + types.offering(client)
                + " connection",
                "a " + flow.type() + " flow runs between a netsuite and a klaviyo connection");
    }

    /** Connections by name, in file order. */
    public Map<String, ConnectionConfig> connections() {
        return config.connections();
    }

    private Path directory() {
        Path parent = config.file().toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** A path from the config, relative to the config file's folder. */
    public Path resolve(String path) {
        Path file = Path.of(path);
        return file.isAbsolute() ? file : directory().resolve(file);
    }
}
