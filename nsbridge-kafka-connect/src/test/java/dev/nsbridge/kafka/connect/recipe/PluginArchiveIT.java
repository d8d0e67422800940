package dev.nsbridge.kafka.connect.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nsbridge's plugin archive, as {@code mvn package} builds it, loaded by a Connect worker started from it alone: a
 * JVM with Kafka's Connect runtime and nothing of nsbridge on its class path, the archive unzipped as the only
 * plugin on {@code plugin.path}, plugins found only through their service files ({@code service_load}).
 */
final class PluginArchiveIT {
    private static final String CONNECTOR = "dev.nsbridge.kafka.connect.source.NetSuiteSourceConnector";

    @TempDir
    static Path folder;
    private static NetSuiteSandbox netSuite;
    private static EmbeddedKafkaCluster kafka;
    private static RecipeWorker worker;
    private static ReadmeRecipe recipe;

    @BeforeAll
    static void startAWorkerWithTheArchiveAlone() throws Exception {
        recipe = ReadmeRecipe.read();
        Properties workerProperties = recipe.properties("connect-worker.properties");
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        kafka = SingleBroker.start();
        RecipeFolder.in(folder, workerProperties).withNsbridgePlugin()
                .write("netsuite.properties", recipe.fromStartupLine("netsuite.properties", netSuite.startupJson()));
        worker = RecipeWorker.start(folder, workerProperties, kafka.bootstrapServers(),
                Path.of("target", "PluginArchiveIT-worker.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (netSuite != null) {
            netSuite.close();
        }
    }

    @Test
    void shouldStartTheWorkerWithNoNsbridgeClassOnItsClassPath() throws Exception {
        String classPath = Files.readString(Path.of(System.getProperty("nsbridge.connect.worker.classpath")));

        assertThat(classPath).contains("connect-runtime-").doesNotContain("nsbridge");
    }

    @Test
    void shouldRunTheSourceConnectorCreatedByClassNameAndDeliverEveryRow() throws Exception {
        Map<String, String> source = recipe.connectorConfig("netsuite-source.json");
        assertThat(source).containsEntry("connector.class", CONNECTOR);

        assertThat(worker.connectorPlugins()).as("plugins the worker found").contains(CONNECTOR);
        assertThat(worker.putConnector("archive", source)).as("creating the connector").isEqualTo(201);
        worker.awaitRunning("archive", Duration.ofMinutes(1));

        long customers = Long.parseLong(netSuite.account().query("SELECT COUNT(*) AS n FROM customer", List.of(), 0,
                1).items().get(0).get("n"));
        Set<String> keys = committedKeys(source.get("topic.prefix") + "customer", customers);
        assertThat(keys).as("distinct customer keys committed to Kafka").hasSize((int) customers);
    }

    @Test
    void shouldNameTheMistakeWhenValidatingABadConfiguration() throws Exception {
        Map<String, String> bad = new HashMap<>(recipe.connectorConfig("netsuite-source.json"));
        bad.put("name", "archive-check");
        bad.put("netsuite.account", "not an account");

        JsonNode verdict = worker.validate("NetSuiteSourceConnector", bad);

        assertThat(verdict.path("error_count").asInt()).as("errors in %s", verdict).isEqualTo(1);
        JsonNode account = null;
        for (JsonNode config : verdict.path("configs")) {
            if (config.path("value").path("name").asText().equals("netsuite.account")) {
                account = config.path("value");
            }
        }
        assertThat(account).as("netsuite.account in the answer").isNotNull();
        assertThat(account.path("errors").toString()).as("netsuite.account's errors")
                .contains("not an account").contains("1234567_SB1");
    }

    /** The keys a read_committed consumer sees in {@code topic}, once it has seen {@code expected} of them. */
    private static Set<String> committedKeys(String topic, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Set<String> keys = new HashSet<>();
        while (keys.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            if (kafka.describeTopics(topic).get(topic).isEmpty()) {
                continue; // the worker creates the topic with the first records
            }
            // A poll re-reads the lookback window, so a key may come again: keys are counted, not records.
            for (ConsumerRecord<byte[], byte[]> record : kafka.consumeAll(10_000, null,
                    Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic)) {
                keys.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }
}
