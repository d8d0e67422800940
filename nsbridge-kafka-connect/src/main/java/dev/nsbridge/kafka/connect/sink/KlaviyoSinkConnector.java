package dev.nsbridge.kafka.connect.sink;

import dev.nsbridge.flows.FlowType;
import dev.nsbridge.flows.Flows;
import dev.nsbridge.kafka.connect.Versions;
import dev.nsbridge.spi.config.ConfigProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Delivers one flow's documents (customers with their consent, orders with their lines, items with their variants)
 * from Kafka to Klaviyo, as the NetSuite source connector's {@code flow:} streams write them. Each task keeps to an
 * equal share of Klaviyo's per-endpoint rate limits, so together they stay within the account's, on any number of
 * workers and without talking to each other.
 */
public final class KlaviyoSinkConnector extends SinkConnector {
    private Map<String, String> props = Map.of();

    @Override
    public String version() {
        return Versions.plugin();
    }

    @Override
    public void start(Map<String, String> props) {
        KlaviyoSinkConfig.parse(props); // a wrong setting fails the connector now, not each task later
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KlaviyoSinkTask.class;
    }

    /** {@code maxTasks} tasks, each told how many share the rate limits. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(KlaviyoSinkConfig.RATE_SHARES, Integer.toString(maxTasks));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return KlaviyoSinkConfig.DEF;
    }

    /**
     * Connect's checks of the declared keys, then the flow's settings checked by the flow type's own declaration,
     * each problem attached to its {@code flow.<setting>} key with its fix.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Optional<FlowType> flow = Optional.ofNullable(connectorConfigs.get(KlaviyoSinkConfig.FLOW))
                .flatMap(FlowType::fromWireName).filter(Flows.fromNetSuite()::contains);
        if (flow.isEmpty()) {
            return config;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        KlaviyoSinkConfig.flowSettings(flow.get(), connectorConfigs, problems);
        List<ConfigValue> values = new ArrayList<>(config.configValues());
        for (ConfigProblem problem : problems) {
            String name = KlaviyoSinkConfig.FLOW_SETTING_PREFIX + problem.key();
            ConfigValue value = values.stream().filter(v -> v.name().equals(name)).findFirst().orElseGet(() -> {
                ConfigValue added = new ConfigValue(name);
                values.add(added);
                return added;
            });
            value.addErrorMessage(problem.describe());
        }
        return new Config(values);
    }
}
