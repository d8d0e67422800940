package dev.nsbridge.app;

import dev.nsbridge.app.connect.ConnectionTypes;
import dev.nsbridge.app.connect.LoginGuardDirectory;
import dev.nsbridge.app.connect.StoredLoginRecords;
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
import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.engine.store.Stores;
import dev.nsbridge.flows.FlowContext;
import dev.nsbridge.flows.FlowPieces;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.KlaviyoSettings;
import dev.nsbridge.klaviyo.http.Timing;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.NetSuiteConnection;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.netsuite.governance.FileLoginRecords;
import dev.nsbridge.netsuite.governance.LoginIdentity;
import dev.nsbridge.netsuite.governance.LoginRecords;
import dev.nsbridge.netsuite.governance.PairedLoginRecords;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.secret.Secret;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.Ledger;
import dev.nsbridge.warehouse.duckdb.DuckDbDestination;
import dev.nsbridge.warehouse.duckdb.DuckDbSettings;
import dev.nsbridge.warehouse.postgres.PostgresDestination;
import dev.nsbridge.warehouse.postgres.PostgresSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The composition root for one {@code nsbridge.yaml}: the loaded configuration and the clients, destinations and
 * stores it names, built on demand. Every command goes through it, so wiring lives in one place.
 */
public final class Workspace {
    private final NsbridgeConfig config;
    private final List<ConfigIssue> warnings;
    private final Clock clock;
    private final HttpClient http;
    private final Path loginGuardDirectory;
    private Stores guardStores;

    private Workspace(ConfigReport report, Clock clock, HttpClient http, Path loginGuardDirectory) {
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
        return loader(environment).check(file, options);
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
        return new Workspace(check(file, environment, options), clock, http, LoginGuardDirectory.of(environment));
    }

    private static ConfigLoader loader(Function<String, String> environment) {
        ComponentRegistry.Builder registry = ConnectionTypes.registry();
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

    public NetSuiteClient netsuite(String name) {
        NetSuiteConnectionConfig settings = NetSuiteConnectionConfig.from(name, expect(name, ConnectionTypes.NETSUITE)
                .values());
        NetSuiteConnection connection = NetSuiteConnection.of(settings.accountId(), settings.authenticator(http, clock),
                        stateDirectory())
                .withBaseUrl(settings.baseUrl())
                .withConcurrency(settings.concurrency(), settings.reserve())
                .withDates(settings.dateFormat(), settings.timeZone());
        // The login guard counts per login for the whole host, whatever folder this configuration is in, and
        // with the other servers too when the state store is shared.
        LoginIdentity login = LoginIdentity.of(settings.accountId(), connection.auth());
        LoginRecords records = new FileLoginRecords(login, loginGuardDirectory, clock);
        if (config.state().shared()) {
            records = new PairedLoginRecords(records, new StoredLoginRecords(sharedStates(), login));
        }
        connection = connection.withLoginRecords(records);
        return new NetSuiteClient(connection, http, clock);
    }

    public KlaviyoClient klaviyo(String name) {
        ConnectionConfig connection = expect(name, ConnectionTypes.KLAVIYO);
        KlaviyoSettings settings = KlaviyoSettings.of(connection.values().get(ConnectionTypes.KLAVIYO_API_KEY))
                .withBaseUri(URI.create(connection.values().get(ConnectionTypes.KLAVIYO_BASE_URL)));
        return new KlaviyoClient(http, settings, Timing.system());
    }

    /** The source a pipeline reads from: a NetSuite connection's tables and queries. */
    public Source source(String name) {
        return new NetSuiteSource(netsuite(name));
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
        ConnectionConfig database = expect(state.connection().get(), ConnectionTypes.POSTGRES);
        return SqlStores.openPostgres(database.values().get(ConnectionTypes.POSTGRES_URL),
                database.values().get(ConnectionTypes.POSTGRES_USER),
                database.values().find(ConnectionTypes.POSTGRES_PASSWORD).orElse(Secret.of("")), state.schema(),
                clock);
    }

    /**
     * The shared store the NetSuite login guards count in, so that several servers stop after two failed logins
     * together. Opened once and kept for the life of the process: a guard reads it before each login until one
     * has worked.
     */
    private synchronized StateStore sharedStates() {
        if (guardStores == null) {
            guardStores = stores();
        }
        return guardStores.state();
    }

    /** A warehouse destination: DuckDB or PostgreSQL. */
    public Destination warehouse(String name) {
        ConnectionConfig connection = connection(name).requireCredentials();
        return switch (connection.type()) {
            case ConnectionTypes.DUCKDB -> new DuckDbDestination(new DuckDbSettings(
                    resolve(connection.values().get(ConnectionTypes.DUCKDB_PATH))), clock);
            case ConnectionTypes.POSTGRES -> new PostgresDestination(new PostgresSettings(
                    connection.values().get(ConnectionTypes.POSTGRES_URL),
                    connection.values().get(ConnectionTypes.POSTGRES_USER),
                    connection.values().find(ConnectionTypes.POSTGRES_PASSWORD)
                            .orElse(Secret.of(""))), clock);
            default -> throw new ConfigurationException("CONFIG_NOT_A_WAREHOUSE", "connection '" + name + "' is "
                    + connection.type() + ", not a warehouse", "point the destination at a duckdb or postgres connection");
        };
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
     * destination has that type, since the suppressions flow reads Klaviyo and writes NetSuite.
     *
     * @param liveSince when the flow went live: what happened before is sent as history
     * @param recorder  receives the payloads a dry run builds
     * @param ledger    the flow's durable record of what it sent, from the state store
     */
    public Pipeline flowPipeline(FlowConfig flow, Instant liveSince, DryRunRecorder recorder, Ledger ledger) {
        String netSuite = endOfType(flow, ConnectionTypes.NETSUITE);
        String klaviyo = endOfType(flow, ConnectionTypes.KLAVIYO);
        FlowPieces pieces = Flows.build(flow.type(), flow.name(), new FlowContext(netsuite(netSuite),
                klaviyo(klaviyo), flow.settings(), liveSince, clock, recorder, ledger));
        return new Pipeline(pieces.name(), pieces.source(), pieces.read(), pieces.destination(), pieces.write());
    }

    private String endOfType(FlowConfig flow, String type) {
        for (String end : List.of(flow.source(), flow.destination())) {
            if (connection(end).type().equals(type)) {
                return end;
            }
        }
        throw new ConfigurationException("CONFIG_FLOW_CONNECTIONS", "flow '" + flow.name() + "' connects "
                + flow.source() + " to " + flow.destination() + " but neither is a " + type + " connection",
                "a " + flow.type() + " flow runs between a netsuite and a klaviyo connection");
    }

    /** Connections by name, in file order. */
    public Map<String, ConnectionConfig> connections() {
        return config.connections();
    }

    /** A connection about to be opened: of the type the caller needs, with every variable it refers to set. */
    private ConnectionConfig expect(String name, String type) {
        ConnectionConfig connection = connection(name);
        if (!connection.type().equals(type)) {
            throw new ConfigurationException("CONFIG_WRONG_CONNECTION_TYPE", "connection '" + name + "' is "
                    + connection.type() + ", not " + type, "name a " + type + " connection here");
        }
        return connection.requireCredentials();
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
