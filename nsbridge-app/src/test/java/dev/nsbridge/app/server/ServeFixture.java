package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * A NetSuite and a Klaviyo sandbox, an {@code nsbridge.yaml} pointing at them (credentials as environment
 * references) and a DuckDB file, and {@code nsbridge serve} started in-process on a free port. Captures the log,
 * the server's stdout and every answer, so a test can look for credentials in all of them.
 */
final class ServeFixture implements AutoCloseable {
    static final String FLOW = "customers";
    private static final ObjectMapper JSON = new ObjectMapper();

    final NetSuiteSandbox netSuite;
    final KlaviyoSandbox klaviyo;
    final Path folder;
    final Path config;
    final Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final List<String> answers = new ArrayList<>();
    private final OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender;
    private Level rootLevel;
    NsbridgeServer server;
    String token;

    ServeFixture(Path folder, String schedule) throws Exception {
        this(folder, schedule, null);
    }

    /**
     * As {@link #ServeFixture(Path, String)}, with the state in a shared PostgreSQL database when {@code stateDb}
     * is given (its password as an environment reference, like every other credential).
     */
    ServeFixture(Path folder, String schedule, StateDb stateDb) throws Exception {
        this.folder = folder;
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.05));
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        NetSuiteSandbox.Tba tba = netSuite.credentials().tba();
        Map<String, String> variables = new java.util.HashMap<>(Map.of("NS_CONSUMER_KEY", tba.consumerKey(),
                "NS_CONSUMER_SECRET", tba.consumerSecret(), "NS_TOKEN_ID", tba.tokenId(),
                "NS_TOKEN_SECRET", tba.tokenSecret(), "KLAVIYO_API_KEY", klaviyo.privateApiKey()));
        String stateConnection = "";
        String stateSection = "";
        if (stateDb != null) {
            variables.put("STATE_DB_PASSWORD", stateDb.password());
            stateConnection = """
                      statedb:
                        type: postgres
                        url: "%s"
                        user: %s
                        password: ${STATE_DB_PASSWORD}
                    """.formatted(stateDb.url(), stateDb.user());
            stateSection = "state:\n  connection: statedb\n";
        }
        environment = Map.copyOf(variables);
        config = Files.writeString(folder.resolve("nsbridge.yaml"), """
                connections:
                  netsuite:
                    type: netsuite
                    account: "%s"
                    base_url: "%s"
                    auth: tba
                    consumer_key: ${NS_CONSUMER_KEY}
                    consumer_secret: ${NS_CONSUMER_SECRET}
                    token_id: ${NS_TOKEN_ID}
                    token_secret: ${NS_TOKEN_SECRET}
                  klaviyo:
                    type: klaviyo
                    api_key: ${KLAVIYO_API_KEY}
                    base_url: "%s"
                  warehouse:
                    type: duckdb
                    path: warehouse/nsbridge.duckdb
                %sextracts:
                  customer_table:
                    connection: netsuite
                    table: customer
                    destination: warehouse
                flows:
                  %s:
                    type: customers
                    source: netsuite
                    destination: klaviyo
                    schedule: "%s"
                    settings:
                      list_id: "%s"
                      batch_size: 20
                %s""".formatted(netSuite.accountId(), netSuite.baseUrl(), klaviyo.baseUrl(), stateConnection, FLOW,
                schedule, createList(), stateSection));
        appender = captureLogs();
    }

    /** A PostgreSQL database to keep the state in, shared by servers. */
    record StateDb(String url, String user, String password) {
    }

    /** Starts (or restarts) the server; the token is kept from the first start unless a new one is shown. */
    ServeFixture start(boolean resetToken) {
        stdout.reset();
        server = NsbridgeServer.start(config, new ServerOptions(ServerOptions.LOCAL, 0, resetToken, false),
                environment::get, Clock.systemUTC(), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        printed.lines().map(String::trim).filter(line -> line.startsWith("nsb_")).findFirst()
                .ifPresent(value -> token = value);
        return this;
    }

    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    URI url(String path) {
        return server.url().resolve(path);
    }

    HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (answers) {
            answers.add(response.body());
        }
        return response;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, token);
    }

    HttpResponse<String> post(String path) throws Exception {
        return send("POST", path, token);
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Waits until no run is under way. */
    void awaitIdle() throws Exception {
        await(() -> {
            try {
                return json(get("/api/runs/active")).isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(120));
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Every credential value the configuration holds. */
    List<String> credentials() {
        return List.copyOf(environment.values());
    }

    /** Fails naming the place when any credential appears in an answer, the log or the server's stdout. */
    void assertNoCredentialAnywhere(List<String> moreText) {
        List<String> all = new ArrayList<>();
        synchronized (answers) {
            all.addAll(answers);
        }
        all.add(logs.toString(StandardCharsets.UTF_8));
        all.add(stdout());
        all.addAll(moreText);
        for (String credential : credentials()) {
            assertThat(all).as("no answer, page or log line holds a credential").noneMatch(text ->
                    text.contains(credential));
        }
    }

    String logs() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    private OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger - %msg%n%ex");
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setEncoder(encoder);
        capture.setOutputStream(logs);
        capture.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        return capture;
    }

    /** Klaviyo has no list until someone makes one; the customers flow needs its id. */
    private String createList() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(klaviyo.baseUrl().resolve("/api/lists"))
                .header("Authorization", "Klaviyo-API-Key " + klaviyo.privateApiKey())
                .header("revision", "2026-07-15").header("Content-Type", "application/vnd.api+json")
                .header("Accept", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"type\":\"list\",\"attributes\":{\"name\":"
                        + "\"Newsletter\"}}}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).at("/data/id").asText();
    }

    @Override
    public void close() {
        stop();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
        appender.stop();
        klaviyo.close();
        netSuite.close();
    }
}
