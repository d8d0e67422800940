package dev.nsbridge.kafka.connect.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * A Connect worker as a user starts one: its own JVM running {@code ConnectDistributed} over a worker properties
 * file, in a working directory of its own, with only Kafka's Connect runtime on its classpath, so every plugin,
 * ours included, comes from {@code plugin.path}. Reached over its REST API, as {@code curl} reaches it.
 */
final class RecipeWorker implements AutoCloseable {
    static final String PROPERTIES_FILE = "connect-worker.properties";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI rest;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RecipeWorker(Process process, URI rest, Path log) {
        this.process = process;
        this.rest = rest;
        this.log = log;
    }

    /**
     * Starts a worker in {@code directory} with the recipe's worker properties, pointed at the test's broker and a
     * free port: the only two values a test cannot take from the recipe.
     */
    static RecipeWorker start(Path directory, Properties recipe, String bootstrapServers, Path log)
            throws Exception {
        Properties worker = new Properties();
        worker.putAll(recipe);
        worker.setProperty("bootstrap.servers", bootstrapServers);
        int port = freePort();
        worker.setProperty("listeners", "http://127.0.0.1:" + port);
        try (OutputStream out = Files.newOutputStream(directory.resolve(PROPERTIES_FILE))) {
            worker.store(out, "the README's worker properties, on the test's broker and port");
        }
        String classPath = Files.readString(Path.of(System.getProperty("nsbridge.connect.worker.classpath")),
                StandardCharsets.UTF_8).trim();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The connector's default state folder is under the user's home: the test's folder stands in for it.
                "-Xmx512m", "-Duser.home=" + directory.toAbsolutePath(), "-cp", classPath, "org.apache.kafka.connect.cli.ConnectDistributed", PROPERTIES_FILE)
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RecipeWorker started = new RecipeWorker(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        started.awaitRestApi();
        return started;
    }

    /** {@code PUT /connectors/NAME/config}: creates or updates a connector; returns the answer's status. */
    int putConnector(String name, Map<String, String> config) throws Exception {
        return send("PUT", "connectors/" + name + "/config", JSON.writeValueAsString(config)).statusCode();
    }

    /** {@code PUT /connector-plugins/PLUGIN/config/validate}: the worker's verdict on a configuration. */
    JsonNode validate(String plugin, Map<String, String> config) throws Exception {
        HttpResponse<String> answer = send("PUT", "connector-plugins/" + plugin + "/config/validate",
                JSON.writeValueAsString(config));
        if (answer.statusCode() != 200) {
            throw new AssertionError("validate answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The plugins the worker found on its plugin path, by class name. */
    List<String> connectorPlugins() throws Exception {
        JsonNode plugins = JSON.readTree(send("GET", "connector-plugins", null).body());
        return StreamSupport.stream(plugins.spliterator(), false).map(p -> p.path("class").asText()).toList();
    }

    /** Waits until the connector and at least one task report RUNNING; fails at once with a task's trace. */
    void awaitRunning(String name, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = send("GET", "connectors/" + name + "/status", null);
            if (answer.statusCode() == 200) {
                status = JSON.readTree(answer.body());
                for (JsonNode task : status.path("tasks")) {
                    if (task.path("state").asText().equals("FAILED")) {
                        throw new AssertionError(name + " has a failed task: " + task.path("trace").asText());
                    }
                }
                boolean tasksRunning = !status.path("tasks").isEmpty() && StreamSupport.stream(
                        status.path("tasks").spliterator(), false).allMatch(t -> t.path("state").asText()
                        .equals("RUNNING"));
                if (status.path("connector").path("state").asText().equals("RUNNING") && tasksRunning) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not reach RUNNING within " + limit + "; last status " + status
                + "; worker log " + log);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void awaitRestApi() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the worker stopped with exit code " + process.exitValue() + "; see " + log);
            }
            try {
                if (send("GET", "connectors", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the REST server starts after the worker has joined its group
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("the worker's REST API did not answer within " + STARTUP + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
