package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class GovernanceAndFaultsTest {
    private static final String CUSTOMER = "/services/rest/record/v1/customer/101";
    private static final String GOVERNANCE = "/services/rest/system/v1/governanceLimits";

    private final ObjectMapper json = new ObjectMapper();
    private NetSuiteSandbox sandbox;
    private SandboxClient client;

    @BeforeAll
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withConcurrencyLimit(2),
                new HandMadeAccount());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void resetKnobsAndStats() {
        sandbox.knobs().latency(Duration.ZERO, Duration.ZERO).concurrencyLimit(2).governanceReadable(true)
                .faults(NetSuiteSandbox.Faults.NONE);
        sandbox.stats().reset();
    }

    @Test
    void shouldAnswer429PastTheConcurrencyLimitAndRecordThePeak() throws Exception {
        sandbox.knobs().latency(Duration.ofMillis(600), Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> client.signed("GET", CUSTOMER, null), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            assertThat(statuses).contains(200, 429);
            assertThat(statuses.stream().filter(status -> status == 200).count()).isLessThanOrEqualTo(2);
            HttpResponse<String> throttled = answers.stream().map(CompletableFuture::join)
                    .filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
            JsonNode body = json.readTree(throttled.body());
            assertThat(body.path("o:errorCode").asText()).isEqualTo("USER_ERROR");
            assertThat(body.path("o:errorDetails").get(0).path("o:errorCode").asText())
                    .isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
            assertThat(body.path("o:errorDetails").get(0).path("detail").asText())
                    .isEqualTo("Concurrent request limit exceeded. Request blocked.");
            assertThat(sandbox.stats().peakInFlight()).isGreaterThan(2);
            assertThat(sandbox.stats().responsesByStatus()).containsKey(429);
            assertThat(sandbox.stats().failedLogins()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAnswerGovernanceLimitsFromTheConfiguredLimit() throws Exception {
        sandbox.knobs().concurrencyLimit(15);
        HttpResponse<String> answer = client.signed("GET", GOVERNANCE, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"accountConcurrencyLimit\":15,\"accountUnallocatedConcurrencyLimit\":15,"
                + "\"integrationConcurrencyLimit\":15,\"integrationLimitType\":\"accountLimit\"}");
    }

    @Test
    void shouldForbidGovernanceLimitsToARoleThatMayNotReadThem() throws Exception {
        sandbox.knobs().governanceReadable(false);
        HttpResponse<String> answer = client.signed("GET", GOVERNANCE, null);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(answer.body()).path("title").asText()).isEqualTo("Forbidden");
    }

    @Test
    void shouldInjectServerErrors() throws Exception {
        sandbox.knobs().faults(new NetSuiteSandbox.Faults(1, 0, 0, Duration.ZERO, 0));
        HttpResponse<String> answer = client.signed("GET", CUSTOMER, null);

        assertThat(answer.statusCode()).isEqualTo(500);
        JsonNode detail = json.readTree(answer.body()).path("o:errorDetails").get(0);
        assertThat(detail.path("o:errorCode").asText()).isEqualTo("UNEXPECTED_ERROR");
        assertThat(detail.path("detail").asText()).matches("An unexpected error occurred\\. Error ID: [a-z0-9]{20}");
    }

    @Test
    void shouldInjectThrottlingWhateverTheLoad() {
        sandbox.knobs().faults(new NetSuiteSandbox.Faults(0, 1, 0, Duration.ZERO, 0));

        assertThat(client.signed("GET", CUSTOMER, null).statusCode()).isEqualTo(429);
    }

    @Test
    void shouldInjectSlowAnswers() {
        sandbox.knobs().faults(new NetSuiteSandbox.Faults(0, 0, 1, Duration.ofMillis(400), 0));
        long started = System.nanoTime();

        assertThat(client.signed("GET", CUSTOMER, null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldDropConnectionsWithoutAnAnswer() {
        sandbox.knobs().faults(new NetSuiteSandbox.Faults(0, 0, 0, Duration.ZERO, 1));

        assertThatThrownBy(() -> client.signed("POST", "/services/rest/record/v1/customer", "{\"entityId\":\"x\"}"))
                .isInstanceOf(UncheckedIOException.class);
        sandbox.knobs().faults(NetSuiteSandbox.Faults.NONE);
        assertThat(client.signed("GET", CUSTOMER, null).statusCode()).isEqualTo(200);
        assertThat(sandbox.stats().droppedConnections()).isEqualTo(1);
    }

    @Test
    void shouldDrawAShareOfFaultsFromTheSeed() {
        sandbox.knobs().faults(new NetSuiteSandbox.Faults(0.5, 0, 0, Duration.ZERO, 0));
        long errors = 0;
        for (int i = 0; i < 40; i++) {
            if (client.signed("GET", CUSTOMER, null).statusCode() == 500) {
                errors++;
            }
        }

        assertThat(errors).isBetween(8L, 32L);
    }

    @Test
    void shouldWaitPerRowOfTheAnswer() {
        sandbox.knobs().latency(Duration.ZERO, Duration.ofNanos(500_000));
        long started = System.nanoTime();

        assertThat(client.suiteQl("?limit=1000", "SELECT id FROM bigtable").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldRefuseFaultSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> sandbox.knobs().faults(new NetSuiteSandbox.Faults(1.5, 0, 0, Duration.ZERO, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
