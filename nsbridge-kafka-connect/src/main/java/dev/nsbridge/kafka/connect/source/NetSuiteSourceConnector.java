package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.kafka.connect.Versions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * One NetSuite account's tables as topics, read by nsbridge's NetSuite source: the same reads, watermarks and
 * governance as the command line's extracts. The tables are dealt out to the tasks.
 */
public final class NetSuiteSourceConnector extends SourceConnector {
    private Map<String, String> properties;
    private NetSuiteSourceConfig config;

    @Override
    public String version() {
        return Versions.plugin();
    }

    @Override
    public void start(Map<String, String> props) {
        this.properties = Map.copyOf(props);
        this.config = new NetSuiteSourceConfig(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NetSuiteSourceTask.class;
    }

    /** The tables dealt round-robin to at most {@code maxTasks} tasks, none idle. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> tables = config.tables();
        int tasks = Math.max(1, Math.min(maxTasks, tables.size()));
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            shares.get(i % tasks).add(tables.get(i));
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> share : shares) {
            Map<String, String> task = new HashMap<>(properties);
            task.put(NetSuiteSourceTask.TASK_STREAMS, String.join(",", share));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing is held: the tasks open and close their own sources.
    }

    @Override
    public ConfigDef config() {
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
