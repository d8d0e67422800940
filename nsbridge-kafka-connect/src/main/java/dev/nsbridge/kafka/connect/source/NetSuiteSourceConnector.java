package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.kafka.connect.Versions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import dev.nsbridge.kafka.connect.config.ConnectionKeys;
import dev.nsbridge.netsuite.config.NetSuiteConnectionConfig;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.errors.NsbridgeException;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * One NetSuite account's tables as topics, read by nsbridge's NetSuite source: the same reads, watermarks and
 * governance as the command line's extracts. The tables are dealt out to the tasks.
 */
public final class NetSuiteSourceConnector extends SourceConnector {
    private final ToIntFunction<NetSuiteSourceConfig> budgetReader;
    private Map<String, String> properties;
    private NetSuiteSourceConfig config;
    private int budget;

    /** What Connect instantiates: the budget is read from the account. */
    public NetSuiteSourceConnector() {
        this(config -> NetSuiteSources.client(config, config.originalsStrings().getOrDefault("name", "netsuite"))
                .concurrencyPermits());
    }

    /** With the account's budget read by {@code budgetReader}, for tests without an account. */
    NetSuiteSourceConnector(ToIntFunction<NetSuiteSourceConfig> budgetReader) {
        this.budgetReader = budgetReader;
    }

    @Override
    public String version() {
        return Versions.plugin();
    }

    @Override
    public void start(Map<String, String> props) {
        this.properties = Map.copyOf(props);
        this.config = new NetSuiteSourceConfig(props);
        try {
            // Read once, here: the tasks split it, so together they never send more than the account allows.
            this.budget = budgetReader.applyAsInt(config);
        } catch (NsbridgeException failed) {
            throw ConnectErrors.of(failed);
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NetSuiteSourceTask.class;
    }

    /**
     * The tables and queries dealt round-robin to at most {@code maxTasks} tasks, none idle and no more than the
     * account's concurrency budget; each task gets its share of the budget's permits (the first ones one more when
     * it does not divide evenly). Connect runs each task once across all workers, so the shares hold on any number.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> tables = new ArrayList<>(config.tables());
        config.queries().forEach(query -> tables.add(query.name()));
        int tasks = Math.max(1, Math.min(Math.min(maxTasks, tables.size()), budget));
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            shares.get(i % tasks).add(tables.get(i));
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Map<String, String> task = new HashMap<>(properties);
            task.put(NetSuiteSourceTask.TASK_STREAMS, String.join(",", shares.get(i)));
            task.put(NetSuiteSourceTask.TASK_PERMITS, Integer.toString(budget / tasks + (i < budget % tasks ? 1 : 0)));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing is held: the tasks open and close their own sources.
    }

    /**
     * Connect's check of each key, then the NetSuite connection's keys together as the connection type checks
     * them (the credentials its auth method needs), each problem on the key to fix and saying how.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config checked = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = new HashMap<>();
        checked.configValues().forEach(value -> byName.put(value.name(), value));
        Map<String, Object> parsed = new HashMap<>();
        byName.forEach((name, value) -> {
            if (value.errorMessages().isEmpty() && value.value() != null) {
                parsed.put(name, value.value());
            }
        });
        ConnectionKeys keys = NetSuiteSourceConfig.CONNECTION;
        ConfigDef.Result connection = keys.parse(parsed);
        List<ConfigProblem> problems = new ArrayList<>(connection.problems());
        if (connection.isValid()) {
            problems.addAll(NetSuiteConnectionConfig.problems(connection.values()));
        }
        for (ConfigProblem problem : problems) {
            ConfigValue value = byName.get(keys.connectKey(problem.key()));
            if (problem.kind() == ConfigProblem.Kind.MISSING && connectorConfigs.containsKey(value.name())) {
                continue; // given, and refused by its own check above: that message stands
            }
            if (problem.kind() == ConfigProblem.Kind.MISSING) {
                // Connect's own "missing" message names no fix; this one does.
                value.errorMessages().clear();
            }
            if (value.errorMessages().isEmpty()) {
                value.addErrorMessage(keys.describe(problem));
            }
        }
        ConfigValue tables = byName.get(NetSuiteSourceConfig.TABLES);
        ConfigValue queries = byName.get(NetSuiteSourceConfig.QUERIES);
        if (tables.errorMessages().isEmpty() && queries.errorMessages().isEmpty()) {
            List<String> tableNames = names(tables);
            if (tableNames.isEmpty() && names(queries).isEmpty()) {
                tables.addErrorMessage(NetSuiteSourceConfig.NO_TABLES);
            }
            try {
                QueryStream.all(names(queries), connectorConfigs, tableNames);
            } catch (ConfigException refused) {
                queries.addErrorMessage(refused.getMessage());
            }
        }
        return checked;
    }

    private static List<String> names(ConfigValue list) {
        return list.value() instanceof List<?> names ? names.stream().map(String::valueOf).map(String::strip)
                .filter(name -> !name.isEmpty()).toList() : List.of();
    }

    @Override
    public org.apache.kafka.common.config.ConfigDef config() {
        return NetSuiteSourceConfig.DEFINITION;
    }

    /** Every record carries its batch's State as offset and each poll is one batch, so a poll is a safe boundary. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Transactions follow polls (one batch each); the connector draws no boundaries of its own. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }
}
