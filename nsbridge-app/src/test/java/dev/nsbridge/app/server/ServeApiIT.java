package dev.nsbridge.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code nsbridge serve} through HTTP: access, runs, the error queue, connections, metrics, and no secret out. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class ServeApiIT {
    private static final String FLOW = ServeFixture.FLOW;
    private static final List<String[]> API_ROUTES = List.of(
            new String[] {"GET", "/api/pipelines"}, new String[] {"GET", "/api/pipelines/" + FLOW},
            new String[] {"POST", "/api/pipelines/" + FLOW + "/run"},
            new String[] {"POST", "/api/pipelines/" + FLOW + "/dry-run"},
            new String[] {"POST", "/api/pipelines/" + FLOW + "/golive"},
            new String[] {"POST", "/api/pipelines/" + FLOW + "/pause"},
            new String[] {"POST", "/api/pipelines/" + FLOW + "/resume"},
            new String[] {"GET", "/api/connections"}, new String[] {"POST", "/api/connections/klaviyo/check"},
            new String[] {"GET", "/api/runs"}, new String[] {"GET", "/api/runs?pipeline=" + FLOW},
            new String[] {"GET", "/api/runs/active"}, new String[] {"GET", "/api/runs/1"},
            new String[] {"GET", "/api/errors?status=open"}, new String[] {"GET", "/api/errors/1"},
            new String[] {"POST", "/api/errors/1/retry"}, new String[] {"POST", "/api/errors/retry-all"},
            new String[] {"POST", "/api/errors/1/resolve"}, new String[] {"GET", "/api/nothing-here"},
            new String[] {"GET", "/metrics"});

    @TempDir
    static Path folder;
    private static ServeFixture fixture;
    private static final List<String> pages = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServeFixture(folder, "0 3 1 1 *").start(false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    @Order(1)
    void shouldShowTheTokenOnceAndKeepOnlyItsHash() throws Exception {
        assertThat(fixture.token).startsWith("nsb_").hasSizeGreaterThan(40);
        String stored = java.nio.file.Files.readString(folder.resolve(".nsbridge").resolve(AdminToken.FILE_NAME));
        assertThat(stored).startsWith("sha256:").doesNotContain(fixture.token);
    }

    @Test
    @Order(2)
    void shouldRefuseEveryApiRouteWithoutAValidToken() throws Exception {
        for (String[] route : API_ROUTES) {
            assertThat(fixture.send(route[0], route[1], null).statusCode()).as(route[0] + " " + route[1])
                    .isEqualTo(401);
            assertThat(fixture.send(route[0], route[1], "nsb_wrong").statusCode()).as(route[0] + " " + route[1])
                    .isEqualTo(401);
        }
        HttpResponse<String> page = fixture.send("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> health = fixture.send("GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(fixture.json(health).path("store").asText()).isEqualTo("ok");
    }

    @Test
    @Order(3)
    void shouldShowConnectionsWithSecretsHiddenAndCheckThem() throws Exception {
        JsonNode connections = fixture.json(fixture.get("/api/connections"));
        JsonNode klaviyo = find(connections, "name", "klaviyo");
        assertThat(klaviyo.at("/settings/api_key").asText()).isEqualTo("[hidden]");
        assertThat(find(connections, "name", "netsuite").at("/settings/token_secret").asText()).isEqualTo("[hidden]");

        JsonNode check = fixture.json(fixture.post("/api/connections/klaviyo/check"));
        assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
        JsonNode warehouse = fixture.json(fixture.post("/api/connections/warehouse/check"));
        assertThat(warehouse.path("passed").asBoolean()).as(warehouse.toString()).isTrue();
        assertThat(fixture.post("/api/connections/nowhere/check").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void shouldPreviewPayloadsOnADryRunAndSendNothing() throws Exception {
        HttpResponse<String> response = fixture.post("/api/pipelines/" + FLOW + "/dry-run");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = fixture.json(response);
        assertThat(body.path("payloads")).isNotEmpty();
        assertThat(body.at("/payloads/0/body").asText()).contains("email");
        assertThat(fixture.klaviyo.profiles()).isEmpty();
    }

    @Test
    @Order(5)
    void shouldNeverRunOnePipelineTwiceAtOnce() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> status("/api/pipelines/" + FLOW + "/run"));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> status("/api/pipelines/" + FLOW + "/run"));
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(202, 409);

        fixture.awaitIdle();
        JsonNode runs = fixture.json(fixture.get("/api/runs?pipeline=" + FLOW));
        JsonNode run = StreamSupport.stream(runs.spliterator(), false).filter(r -> !r.path("dryRun").asBoolean())
                .findFirst().orElseThrow();
        assertThat(run.path("status").asText()).isEqualTo("succeeded_with_errors");
        assertThat(run.at("/counts/written").asLong()).isPositive();
        assertThat(run.path("streams")).isNotEmpty();
        assertThat(run.path("durationMs").asLong()).isNotNegative();
        JsonNode pipeline = fixture.json(fixture.get("/api/pipelines/" + FLOW));
        assertThat(pipeline.at("/lastRun/id").asLong()).isEqualTo(run.path("id").asLong());
        assertThat(pipeline.path("phase").asText()).isEqualTo("test");
        assertThat(pipeline.path("openErrors").asLong()).isPositive();
        assertThat(run.at("/counts/warnings").asLong()).as("customers sent with a field left out").isPositive();
        assertThat(pipeline.path("openWarnings").asLong()).isEqualTo(run.at("/counts/warnings").asLong());
        JsonNode warnings = fixture.json(fixture.get("/api/errors?status=open&kind=warning&limit=1000"));
        assertThat(warnings).hasSize((int) run.at("/counts/warnings").asLong())
                .allSatisfy(warning -> assertThat(warning.path("kind").asText()).isEqualTo("warning"));
    }

    @Test
    @Order(6)
    void shouldShowARecordErrorWithPayloadAndResolveItOnRetryOnceFixed() throws Exception {
        JsonNode open = fixture.json(fixture.get("/api/errors?status=open&kind=error"));
        JsonNode invalid = find(open, "code", "invalid_email");
        assertThat(invalid.path("kind").asText()).isEqualTo("error");
        long id = invalid.path("id").asLong();
        JsonNode detail = fixture.json(fixture.get("/api/errors/" + id));
        assertThat(detail.path("payload").asText()).contains("\"external_id\":\"" + detail.path("recordKey").asText());
        assertThat(detail.path("reason").asText()).isNotBlank();

        String key = detail.path("recordKey").asText();
        fixture.netSuite.account().executeAdmin("UPDATE customer SET email = 'fixed" + key
                + "@example.com', phone = NULL WHERE id = " + key);
        JsonNode retried = fixture.json(fixture.post("/api/errors/" + id + "/retry"));
        assertThat(retried.path("status").asText()).as(retried.toString()).isEqualTo("resolved");
        assertThat(fixture.json(fixture.get("/api/errors?status=resolved"))).anySatisfy(e ->
                assertThat(e.path("id").asLong()).isEqualTo(id));

        long other = fixture.json(fixture.get("/api/errors?status=open")).get(0).path("id").asLong();
        assertThat(fixture.json(fixture.post("/api/errors/" + other + "/resolve")).path("status").asText())
                .isEqualTo("resolved");
        JsonNode all = fixture.json(fixture.post("/api/errors/retry-all?pipeline=" + FLOW));
        assertThat(all.path("attempted").asInt()).isEqualTo(all.path("resolved").asInt() + all.path("stillOpen").asInt());
    }

    @Test
    @Order(7)
    void shouldGoLivePauseAndResumeTheSchedule() throws Exception {
        JsonNode live = fixture.json(fixture.post("/api/pipelines/" + FLOW + "/golive"));
        assertThat(live.path("phase").asText()).isEqualTo("live");
        assertThat(live.path("nextRun").isNull()).isFalse();
        JsonNode paused = fixture.json(fixture.post("/api/pipelines/" + FLOW + "/pause"));
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(paused.path("nextRun").isNull()).isTrue();
        JsonNode resumed = fixture.json(fixture.post("/api/pipelines/" + FLOW + "/resume"));
        assertThat(resumed.path("paused").asBoolean()).isFalse();
        assertThat(resumed.path("nextRun").isNull()).isFalse();
        assertThat(fixture.post("/api/pipelines/nothing/run").statusCode()).isEqualTo(404);
        JsonNode extract = fixture.json(fixture.get("/api/pipelines/customer_table"));
        assertThat(extract.path("kind").asText()).isEqualTo("extract");
        assertThat(extract.path("phase").asText()).isEqualTo("live");
        assertThat(fixture.post("/api/pipelines/customer_table/golive").statusCode()).isEqualTo(400);
        assertThat(fixture.post("/api/pipelines/customer_table/pause").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(8)
    void shouldExposeMetricsPerPipelineBehindTheToken() throws Exception {
        HttpResponse<String> metrics = fixture.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("nsbridge_rows_read_total{pipeline=\"" + FLOW + "\"}")
                .contains("nsbridge_rows_written_total").contains("nsbridge_run_duration_seconds_bucket")
                .contains("nsbridge_runs_total{pipeline=\"" + FLOW + "\",status=\"succeeded_with_errors\"}")
                .contains("nsbridge_http_requests_total").contains("nsbridge_record_retries_total");
    }

    @Test
    @Order(100)
    void shouldNeverShowACredentialInAnswersPagesOrLogs() throws Exception {
        pages.add(fixture.send("GET", "/login", null).body());
        HttpResponse<String> rejected = fixture.send("GET", "/login", null);
        pages.add(rejected.body());
        fixture.assertNoCredentialAnywhere(pages);
        assertThat(fixture.logs()).contains("run ");
    }

    private static int status(String path) {
        try {
            return fixture.post(path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }
}
