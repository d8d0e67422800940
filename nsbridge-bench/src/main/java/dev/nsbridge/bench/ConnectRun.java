package dev.nsbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The transactionline table through Kafka Connect, run in its own JVM by {@link ConnectBenchmark}: one in-process
 * KRaft broker and {@code workers} Connect workers, the NetSuite source connector with exactly-once delivery, and a
 * read_committed consumer that counts distinct keys until it has every row of the table. Prints one
 * {@link ConnectOutcome} line.
 *
 * <p>Arguments: {@code <workers> <rows in the table> <concurrency limit> <split cuts, or ->}; the sandbox comes in
 * the environment.
 */
public final class ConnectRun {
    private static final String TOPIC_PREFIX = "bench.";
    private static final String CONNECTOR = "netsuite-bench";
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private ConnectRun() {
    }

    public static void main(String[] args) throws Exception {
        int workers = Integer.parseInt(args[0]);
        long rows = Long.parseLong(args[1]);
        int concurrencyLimit = Integer.parseInt(args[2]);
        SandboxAccess sandbox = SandboxAccess.fromEnvironment(System::getenv);
        Path work = Files.createTempDirectory("nsbridge-bench-connect-");
        EmbeddedConnectCluster cluster = cluster(workers);
        cluster.start();
        try {
            cluster.assertions().assertAtLeastNumWorkersAreUp(workers, "the Connect workers did not start");
            String topic = TOPIC_PREFIX + ExtractRun.TABLE;
            try (KafkaConsumer<byte[], byte[]> consumer = cluster.kafka().createConsumerAndSubscribeTo(Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-counter"), topic)) {
                long started = System.nanoTime();
                Map<String, String> config = connector(sandbox, workers, concurrencyLimit, work);
                if (!args[3].equals("-")) {
                    config.put("split." + ExtractRun.TABLE, args[3]); // one id range per worker
                }
                cluster.configureConnector(CONNECTOR, config);
                Count count = count(consumer, rows, started);
                int tasks = cluster.connectorStatus(CONNECTOR).tasks().size();
                ConnectOutcome outcome = new ConnectOutcome(workers, tasks, count.keys(), count.records(),
                        count.seconds());
                System.out.println(ChildJvm.RESULT + new ObjectMapper().writeValueAsString(outcome));
            }
        } finally {
            cluster.stop();
        }
        System.exit(0); // the HTTP client and Kafka's threads need not wind down for a measurement
    }

    private record Count(long keys, long records, double seconds) {
    }

    /**
     * Reads until every row's key has been seen. A key is the record key's payload as its JSON text: unique per row,
     * and cheap to keep for a million rows.
     */
    private static Count count(KafkaConsumer<byte[], byte[]> consumer, long rows, long started) {
        Set<String> keys = new HashSet<>();
        long records = 0;
        long deadline = started + LIMIT.toNanos();
        while (keys.size() < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("saw " + keys.size() + " of " + rows + " rows within " + LIMIT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                keys.add(key.substring(key.indexOf("\"payload\"")));
                records++;
            }
        }
        return new Count(keys.size(), records, (System.nanoTime() - started) / 1e9);
    }

    private static EmbeddedConnectCluster cluster(int workers) {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        Map<String, String> worker = new HashMap<>();
        worker.put("exactly.once.source.support", "enabled");
        worker.put("plugin.discovery", "service_load");
        return new EmbeddedConnectCluster.Builder().name("bench").numWorkers(workers).numBrokers(1)
                .brokerProps(broker).workerProps(worker).build();
    }

    /**
     * The connector as a user configures it for this table, with the whole concurrency budget (reserve 0, as the
     * extracts have it), one task per worker at most, and no incremental read during the measurement.
     */
    private static Map<String, String> connector(SandboxAccess sandbox, int workers, int concurrencyLimit, Path work) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "dev.nsbridge.kafka.connect.source.NetSuiteSourceConnector");
        config.put("tasks.max", Integer.toString(workers));
        config.put("exactly.once.support", "required");
        config.put("tables", ExtractRun.TABLE);
        config.put("topic.prefix", TOPIC_PREFIX);
        config.put("poll.interval.ms", Long.toString(Duration.ofHours(1).toMillis()));
        config.put("state.dir", work.toString());
        config.put("netsuite.account", sandbox.accountId());
        config.put("netsuite.base.url", sandbox.baseUrl().toString());
        config.put("netsuite.time.zone", sandbox.timeZone());
        config.put("netsuite.auth", "tba");
        config.put("netsuite.consumer.key", sandbox.consumerKey().reveal());
        config.put("netsuite.consumer.secret", sandbox.consumerSecret().reveal());
        config.put("netsuite.token.id", sandbox.tokenId().reveal());
        config.put("netsuite.token.secret", sandbox.tokenSecret().reveal());
        config.put("netsuite.concurrency", Integer.toString(concurrencyLimit));
        config.put("netsuite.reserve", Integer.toString(BenchNetSuite.RESERVE));
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", Integer.toString(workers));
        return config;
    }
}
