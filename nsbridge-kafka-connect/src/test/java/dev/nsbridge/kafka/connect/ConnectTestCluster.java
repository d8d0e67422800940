package dev.nsbridge.kafka.connect;

import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * An in-process Connect cluster (one KRaft broker, {@code workers} workers) set up as a production one for exactly
 * once: the broker's transaction log fits one broker (without it {@code initTransactions} never returns), workers
 * enable exactly-once source support and find plugins only through {@code META-INF/services}, so a missing line
 * fails the tests. Converters are JSON with schemas, so records are read back typed.
 */
public final class ConnectTestCluster implements AutoCloseable {
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedConnectCluster cluster;
    private final JsonConverter keys = new JsonConverter();
    private final JsonConverter values = new JsonConverter();

    private ConnectTestCluster(EmbeddedConnectCluster cluster) {
        this.cluster = cluster;
        keys.configure(Map.of("schemas.enable", "true"), true);
        values.configure(Map.of("schemas.enable", "true"), false);
    }

    public static ConnectTestCluster start(String name, int workers) {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        Map<String, String> worker = new HashMap<>();
        worker.put("exactly.once.source.support", "enabled");
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "500");
        worker.put("scheduled.rebalance.max.delay.ms", "2000");
        // Secrets by reference, as production workers take them: ${file:<path>:<key>} in a connector's config.
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder().name(name).numWorkers(workers)
                .numBrokers(1).brokerProps(broker).workerProps(worker).build();
        cluster.start();
        try {
            cluster.assertions().assertAtLeastNumWorkersAreUp(workers, "the Connect workers did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new ConnectTestCluster(cluster);
    }

    public EmbeddedConnectCluster cluster() {
        return cluster;
    }

    /**
     * A NetSuite source connector's configuration for the sandbox, exactly once required, topics
     * {@code <prefix><table>} created on first use (compacted, as a table's topic should be).
     */
    public static Map<String, String> netSuiteSource(NetSuiteSandbox sandbox, String prefix, String tables) {
        NetSuiteSandbox.Tba tba = sandbox.credentials().tba();
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "dev.nsbridge.kafka.connect.source.NetSuiteSourceConnector");
        config.put("tasks.max", "1");
        config.put("tables", tables);
        config.put("topic.prefix", prefix);
        config.put("netsuite.account", sandbox.accountId());
        config.put("netsuite.base.url", sandbox.baseUrl().toString());
        config.put("netsuite.auth", "tba");
        config.put("netsuite.consumer.key", tba.consumerKey());
        config.put("netsuite.consumer.secret", tba.consumerSecret());
        config.put("netsuite.token.id", tba.tokenId());
        config.put("netsuite.token.secret", tba.tokenSecret());
        config.put("state.dir", stateDirectory().toString());
        config.put("exactly.once.support", "required");
        config.put("key.converter", JsonConverter.class.getName());
        config.put("value.converter", JsonConverter.class.getName());
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.put("topic.creation.default.cleanup.policy", "compact");
        return config;
    }

    /** How many rows the sandbox's own SuiteQL counts in {@code table} now. */
    public static long rows(NetSuiteSandbox sandbox, String table) {
        try {
            return Long.parseLong(sandbox.account().query("SELECT COUNT(*) AS n FROM " + table, List.of(), 0, 1)
                    .items().get(0).get("n"));
        } catch (dev.nsbridge.sandbox.netsuite.data.SuiteQlException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build folder's place for catalog caches and login counts, never the home of whoever runs the tests. */
    public static Path stateDirectory() {
        return Path.of(System.getProperty("nsbridge.test.stateDirectory", "target/connect-state")).toAbsolutePath();
    }

    /** Every record a read_committed consumer sees in {@code topic} now, keys and values decoded. */
    public List<Decoded> committed(String topic) {
        Map<String, Object> consumer = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Decoded> decoded = new ArrayList<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : cluster.kafka().consumeAll(CONSUME_TIMEOUT.toMillis(),
                    null, consumer, topic)) {
                decoded.add(new Decoded(keys.toConnectData(topic, record.key()),
                        values.toConnectData(topic, record.value())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + topic, e);
        }
        return decoded;
    }

    /**
     * Waits until a read_committed consumer sees at least {@code count} records in {@code topic} (or the time is
     * up) and answers every record it sees then.
     */
    public List<Decoded> awaitCommitted(String topic, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Decoded> seen = List.of();
        while (System.nanoTime() < deadline) {
            if (cluster.kafka().describeTopics(topic).getOrDefault(topic, java.util.Optional.empty()).isPresent()) {
                seen = committed(topic);
                if (seen.size() >= count) {
                    return seen;
                }
            }
            sleep(Duration.ofMillis(500));
        }
        return seen;
    }

    /** The connector's stored offset for {@code stream}, as Connect's REST API answers it; empty if none yet. */
    public Map<String, Object> offset(String connector, String stream) {
        return cluster.connectorOffsets(connector).offsets().stream()
                .filter(offset -> stream.equals(offset.partition().get("stream"))).findFirst()
                .<Map<String, Object>>map(offset -> offset.offset() == null ? Map.of() : new HashMap<>(offset.offset()))
                .orElse(Map.of());
    }

    /** Waits until the connector's offset for {@code stream} holds {@code key}, and answers it. */
    public Map<String, Object> awaitOffsetWith(String connector, String stream, String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> offset = offset(connector, stream);
            if (offset.containsKey(key)) {
                return offset;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no offset with " + key + " for " + stream + " of " + connector + " after "
                + timeout + "; offsets: " + cluster.connectorOffsets(connector).offsets());
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        cluster.stop();
    }

    /** A record as the JSON converters give it back: Connect data with its schema. */
    public record Decoded(SchemaAndValue key, SchemaAndValue value) {
    }
}
