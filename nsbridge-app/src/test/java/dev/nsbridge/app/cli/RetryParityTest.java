package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.app.server.NsbridgeServer;
import dev.nsbridge.app.server.ServerOptions;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nsbridge retry} and the server's error API are one retry: given the same stored errors (one state database,
 * copied before either retries) and the same NetSuite, each retry gives the same outcome, the same refusal and
 * leaves the same queue behind.
 */
final class RetryParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLOW = "customers";

    @TempDir
    Path folder;
    private NetSuiteSandbox netSuite;
    private KlaviyoSandbox klaviyo;
    private NsbridgeServer server;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        // Customers Klaviyo cannot take (no usable email, no phone) until someone fixes them in NetSuite.
        netSuite.account().executeAdmin("UPDATE customer SET email = 'no-at-sign', phone = NULL WHERE MOD(id, 4) = 0");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        klaviyo.close();
        netSuite.close();
    }

    @Test
    void shouldRetryTheSameStoredErrorsToTheSameOutcomeFromTheCommandLineAndTheServer() throws Exception {
        Path cli = Files.createDirectories(folder.resolve("cli")).resolve("nsbridge.yaml");
        Files.writeString(cli, config(KlaviyoDemoStep.newsletterList(klaviyo)));
        Commands.Outcome run = Commands.run("run", FLOW, "-c", cli.toString());
        assertThat(run.code()).as(run.all()).isZero();
        Path served = copy(cli.getParent(), folder.resolve("server")).resolve("nsbridge.yaml");
        startServer(served);

        List<JsonNode> refused = new ArrayList<>();
        List<JsonNode> warnings = new ArrayList<>();
        JSON.readTree(Commands.run("errors", FLOW, "--json", "-c", cli.toString()).out()).forEach(error ->
                (error.path("kind").asText().equals("error") ? refused : warnings).add(error));
        assertThat(refused).hasSizeGreaterThan(3);
        assertThat(warnings).isNotEmpty();
        for (int i = 0; i < refused.size(); i += 2) {
            String record = refused.get(i).path("record").asText();
            netSuite.account().executeAdmin("UPDATE customer SET email = 'fixed" + record + "@example.com'"
                    + " WHERE id = " + record);
        }

        // One by id: a fixed record goes through, one still broken is refused again, either way.
        for (JsonNode error : refused.subList(0, 2)) {
            String id = error.path("id").asText();
            JsonNode report = JSON.readTree(Commands.run("retry", "--id", id, "--json", "-c", cli.toString()).out())
                    .get(0);
            HttpResponse<String> answer = post("/api/errors/" + id + "/retry");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode entry = JSON.readTree(answer.body());
            assertThat(report.path("attempted").asInt()).isEqualTo(1);
            assertThat(entry.path("status").asText()).isEqualTo(report.path("resolved").asInt() == 1 ? "resolved"
                    : "open");
        }
        // A warning's record was sent already: both refuse it, with the same words.
        String warning = warnings.get(0).path("id").asText();
        Commands.Outcome cliWarning = Commands.run("retry", "--id", warning, "-c", cli.toString());
        HttpResponse<String> serverWarning = post("/api/errors/" + warning + "/retry");
        assertThat(cliWarning.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(serverWarning.statusCode()).as(serverWarning.body()).isEqualTo(400);
        assertThat(cliWarning.all()).contains(JSON.readTree(serverWarning.body()).path("message").asText());

        // The rest of the flow's queue.
        JsonNode cliAll = JSON.readTree(Commands.run("retry", FLOW, "--json", "-c", cli.toString()).out()).get(0);
        JsonNode serverAll = JSON.readTree(post("/api/errors/retry-all?pipeline=" + FLOW).body());
        assertThat(cliAll.path("resolved").asInt()).isPositive();
        assertThat(cliAll.path("still_open").asInt()).isPositive();
        assertThat(List.of(serverAll.path("attempted").asInt(), serverAll.path("resolved").asInt(),
                serverAll.path("stillOpen").asInt())).isEqualTo(List.of(cliAll.path("attempted").asInt(),
                cliAll.path("resolved").asInt(), cliAll.path("still_open").asInt()));

        Map<Long, List<String>> cliQueue = new TreeMap<>();
        JSON.readTree(Commands.run("errors", "--all", "--json", "-c", cli.toString()).out()).forEach(error ->
                cliQueue.put(error.path("id").asLong(), List.of(error.path("record").asText(),
                        error.path("kind").asText(), error.path("status").asText(), error.path("attempts").asText(),
                        error.path("code").asText(), error.path("reason").asText())));
        Map<Long, List<String>> serverQueue = new TreeMap<>();
        JSON.readTree(get("/api/errors?limit=1000").body()).forEach(error ->
                serverQueue.put(error.path("id").asLong(), List.of(error.path("recordKey").asText(),
                        error.path("kind").asText(), error.path("status").asText(), error.path("attempts").asText(),
                        error.path("code").asText(), error.path("reason").asText())));
        assertThat(serverQueue).isEqualTo(cliQueue);
        assertThat(cliQueue.values()).anyMatch(entry -> entry.get(2).equals("resolved"))
                .anyMatch(entry -> entry.get(2).equals("open") && entry.get(3).equals("3"));
    }

    private String config(String listId) {
        return "connections:\n" + SandboxConfig.netSuite(netSuite) + """
                  klaviyo:
                    type: klaviyo
                    api_key: "%s"
                    base_url: "%s"
                flows:
                  %s:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    settings:
                      list_id: "%s"
                """.formatted(EncryptedValue.of("connections.klaviyo.api_key", klaviyo.privateApiKey()),
                klaviyo.baseUrl(), FLOW, listId);
    }

    private void startServer(Path config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server = NsbridgeServer.start(config, new ServerOptions(ServerOptions.LOCAL, 0, false, false), System::getenv,
                Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8));
        token = out.toString(StandardCharsets.UTF_8).lines().map(String::trim).filter(line -> line.startsWith("nsb_"))
                .findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.url().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.url().resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The folder as it stands, state database included, so the server starts from the same stored errors. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
