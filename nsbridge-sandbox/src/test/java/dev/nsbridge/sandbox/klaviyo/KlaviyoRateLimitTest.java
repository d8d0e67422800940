package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoRateLimitTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Moves the clock to the start of the next minute, so a test's requests share one steady window. */
    private void alignToMinute() {
        long millisIntoMinute = Math.floorMod(sandbox.clock().millis(), 60_000L);
        sandbox.clock().advance(Duration.ofMillis(60_000 - millisIntoMinute));
    }

    /** Moves the clock to the start of the next second, so the requests that follow share one burst window. */
    private void alignToSecond() {
        long millisIntoSecond = Math.floorMod(sandbox.clock().millis(), 1_000L);
        sandbox.clock().advance(Duration.ofMillis(1_000 - millisIntoSecond));
    }

    // Answers recorded from the live API read "RateLimit-Limit: 10, 10;w=1, 150;w=60", "RateLimit-Remaining: 9",
    // "RateLimit-Reset: 0": the tighter window's limit, both policies, and the tighter window's state.
    @Test
    void shouldDescribeTheBurstWindowWhileItHasLessRoomLeft() {
        alignToMinute();

        var reply = client.get("/api/accounts");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("RateLimit-Limit")).isEqualTo("1, 1;w=1, 15;w=60");
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("0");
        // Whole seconds rounded down: a one-second window always reports 0, as Klaviyo's does.
        assertThat(reply.header("RateLimit-Reset")).isEqualTo("0");
    }

    @Test
    void shouldDescribeTheSteadyWindowOnceItHasLessRoomLeft() {
        alignToMinute();
        String jobId = client.post("/api/profile-bulk-import-jobs", bulkImport("ada@example.com"))
                .body().at("/data/id").asText();
        String job = "/api/profile-bulk-import-jobs/" + jobId;
        // 10 a second (the burst limit) for 14 seconds, then 5: 145 of the steady 150
        for (int second = 0; second < 15; second++) {
            alignToSecond();
            for (int i = 0; i < (second < 14 ? 10 : 5); i++) {
                assertThat(client.get(job).status()).as("second %d request %d", second, i).isEqualTo(200);
            }
        }
        alignToSecond();
        long secondsLeftInMinute = 60 - Math.floorMod(sandbox.clock().millis(), 60_000L) / 1000;

        var reply = client.get(job);

        // 9 left in this second's burst window, 4 in the minute's: the steady window is described
        assertThat(reply.header("RateLimit-Limit")).isEqualTo("150, 10;w=1, 150;w=60");
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(Long.parseLong(reply.header("RateLimit-Reset")))
                .isBetween(secondsLeftInMinute - 1, secondsLeftInMinute);
    }

    @Test
    void shouldDescribeTheTighterWindowOnAnAnswerThatRefusesTheBody() {
        alignToMinute();

        var reply = client.post("/api/profile-import", "{\"data\":{\"type\":\"profile\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("RateLimit-Limit")).isEqualTo("75, 75;w=1, 750;w=60");
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("74");
    }

    @Test
    void shouldAnswer429PastTheBurstWindow() {
        alignToMinute();
        KlaviyoTestClient.Reply throttled = null;
        // The accounts endpoint allows 1/s; two of three quick requests share a second whatever the timing.
        for (int i = 0; i < 3 && throttled == null; i++) {
            var reply = client.get("/api/accounts");
            if (reply.status() == 429) {
                throttled = reply;
            }
        }

        assertThat(throttled).isNotNull();
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.header("RateLimit-Limit")).isNull();
        assertThat(throttled.header("RateLimit-Remaining")).isNull();
        assertThat(throttled.body().at("/errors/0/code").asText()).isEqualTo("throttled");
    }

    @Test
    void shouldAnswer429PastTheSteadyWindowUntilTheMinuteEnds() {
        alignToMinute();
        for (int i = 0; i < 15; i++) {
            assertThat(client.get("/api/accounts").status()).as("request %d", i).isEqualTo(200);
            sandbox.clock().advance(Duration.ofSeconds(1));
        }

        var throttled = client.get("/api/accounts");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(44, 46);
        sandbox.clock().advance(Duration.ofSeconds(46));
        assertThat(client.get("/api/accounts").status()).isEqualTo(200);
    }

    @Test
    void shouldOnlyCountWhenRateLimitsAreRelaxed() {
        sandbox.knobs().rateLimitsEnforced(false);
        alignToMinute();

        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/accounts").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldReadEachOperationsLimitFromTheSpec() {
        alignToMinute();

        var reply = client.post("/api/profile-import", KlaviyoTestClient.resource("profile",
                KlaviyoTestClient.object().put("email", "ada@example.com")));

        assertThat(reply.header("RateLimit-Limit")).isEqualTo("75, 75;w=1, 750;w=60");
    }

    private static JsonNode bulkImport(String email) {
        return KlaviyoTestClient.parse("{\"data\":{\"type\":\"profile-bulk-import-job\",\"attributes\":{\"profiles\":"
                + "{\"data\":[{\"type\":\"profile\",\"attributes\":{\"email\":\"" + email + "\"}}]}}}}");
    }

    @Test
    void shouldInjectServerErrorsAndThrottling() {
        sandbox.knobs().rateLimitsEnforced(false).faults(new KlaviyoSandbox.Faults(1, 0, 0, Duration.ZERO));
        assertThat(client.get("/api/lists").status()).isEqualTo(500);

        sandbox.knobs().faults(new KlaviyoSandbox.Faults(0, 1, 0, Duration.ZERO));
        var throttled = client.get("/api/lists");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");

        sandbox.knobs().faults(new KlaviyoSandbox.Faults(0, 0, 1, Duration.ofMillis(300)));
        Instant before = Instant.now();
        assertThat(client.get("/api/lists").status()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        sandbox.knobs().faults(KlaviyoSandbox.Faults.NONE);
        assertThat(client.get("/api/lists").status()).isEqualTo(200);
    }
}
