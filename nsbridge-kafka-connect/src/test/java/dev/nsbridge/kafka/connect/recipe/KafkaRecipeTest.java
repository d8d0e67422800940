package dev.nsbridge.kafka.connect.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.kafka.connect.source.NetSuiteSourceConnector;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.junit.jupiter.api.Test;

/**
 * The README's Kafka Connect recipe holds together: it sends the files it writes, names the archive the build makes,
 * and every key in its files is one the worker or the connector declares, so a misspelt key cannot sit in the
 * recipe unnoticed (Connect ignores keys it does not know). The integration tests run the same files.
 */
final class KafkaRecipeTest {
    private static final Pattern PUT = Pattern.compile("--data @(\\S+) http://localhost:8083/connectors/\\S+/config");

    @Test
    void shouldSendOnlyFilesTheRecipeWrites() throws IOException {
        ReadmeRecipe recipe = ReadmeRecipe.read();
        Matcher put = PUT.matcher(section());
        List<String> sent = new ArrayList<>();
        while (put.find()) {
            sent.add(put.group(1));
        }

        assertThat(sent).containsExactly("netsuite-source.json", "postgres-sink.json");
        sent.forEach(recipe::file);
        assertThat(section()).contains("connect-distributed.sh " + RecipeWorker.PROPERTIES_FILE);
    }

    @Test
    void shouldUnzipTheArchiveTheBuildMakes() throws IOException {
        String archive = Path.of(System.getProperty("nsbridge.connect.plugin.zip")).getFileName().toString();

        assertThat(section()).contains("unzip -q ../nsbridge-kafka-connect/target/" + archive + " -d plugins");
    }

    @Test
    void shouldStartTheWorkerWithKeysAConnectWorkerDeclares() throws IOException {
        Properties worker = ReadmeRecipe.read().properties(RecipeWorker.PROPERTIES_FILE);
        Map<String, String> values = new HashMap<>();
        worker.stringPropertyNames().forEach(key -> values.put(key, worker.getProperty(key)));
        // A distributed worker's configuration parses every key it declares, and only those.
        Set<String> declared = new DistributedConfig(values).values().keySet();

        assertThat(undeclared(values.keySet(), declared, "config.providers.")).isEmpty();
    }

    @Test
    void shouldConfigureTheSourceWithKeysTheConnectorDeclaresAndValuesItAccepts() throws Exception {
        ReadmeRecipe recipe = ReadmeRecipe.read();
        Map<String, String> source = recipe.connectorConfig("netsuite-source.json");
        NetSuiteSourceConnector connector = new NetSuiteSourceConnector();
        Set<String> declared = new HashSet<>(connector.config().names());
        declared.addAll(SourceConnectorConfig.configDef().names());

        assertThat(undeclared(source.keySet(), declared, "topic.creation.default.")).isEmpty();
        try (NetSuiteSandbox netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.005))) {
            Map<String, String> files = Map.of("netsuite.properties",
                    recipe.fromStartupLine("netsuite.properties", netSuite.startupJson()));
            Map<String, String> resolved = new ConfigTransformer(Map.of("file", new RecipeFiles(files)))
                    .transform(source).data();
            List<String> errors = connector.validate(resolved).configValues().stream()
                    .filter(value -> !value.errorMessages().isEmpty())
                    .map(value -> value.name() + ": " + value.errorMessages()).toList();

            assertThat(resolved.values()).noneMatch(value -> value.contains("${file:"));
            assertThat(errors).as("the connector's verdict on the recipe's configuration").isEmpty();
        }
    }

    @Test
    void shouldConfigureTheSinkWithKeysDebeziumsJdbcSinkDeclares() throws Exception {
        Map<String, String> sink = ReadmeRecipe.read().connectorConfig("postgres-sink.json");
        Set<String> declared = new HashSet<>(SinkConnectorConfig.configDef().names());
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader debezium = new URLClassLoader(debeziumJars(), getClass().getClassLoader())) {
            // Connect resolves a class-typed default through the context loader, as a worker's plugin loader does.
            Thread.currentThread().setContextClassLoader(debezium);
            Connector connector = (Connector) debezium.loadClass(sink.get("connector.class"))
                    .getDeclaredConstructor().newInstance();
            declared.addAll(connector.config().names());
        } finally {
            Thread.currentThread().setContextClassLoader(own);
        }

        assertThat(undeclared(sink.keySet(), declared, "transforms.table.", "consumer.override.")).isEmpty();
        assertThat(sink).containsEntry("insert.mode", "upsert").containsEntry("primary.key.mode", "record_key")
                .containsEntry("delete.enabled", "true");
    }

    private static List<String> undeclared(Set<String> keys, Set<String> declared, String... prefixes) {
        return keys.stream().filter(key -> !declared.contains(key))
                .filter(key -> Stream.of(prefixes).noneMatch(key::startsWith)).sorted().toList();
    }

    private static URL[] debeziumJars() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("nsbridge.debezium.jdbc.plugin")))) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        }
    }

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n" + ReadmeRecipe.SECTION + "\n");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** Connect's file config provider over the recipe's files, held in memory instead of the working folder. */
    private static final class RecipeFiles implements ConfigProvider {
        private final Map<String, String> files;

        RecipeFiles(Map<String, String> files) {
            this.files = files;
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public ConfigData get(String path) {
            return get(path, properties(path).stringPropertyNames());
        }

        @Override
        public ConfigData get(String path, Set<String> keys) {
            Properties properties = properties(path);
            Map<String, String> data = new HashMap<>();
            keys.forEach(key -> data.put(key, properties.getProperty(key)));
            return new ConfigData(data);
        }

        private Properties properties(String path) {
            if (!files.containsKey(path)) {
                throw new IllegalArgumentException("the recipe writes no " + path);
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(files.get(path)));
            } catch (IOException e) {
                throw new IllegalArgumentException("the recipe's " + path + " does not read as properties", e);
            }
            return properties;
        }

        @Override
        public void close() {
        }
    }
}
