package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading many profiles by external id in one request, as a sync that needs Klaviyo's ids does after a bulk import:
 * {@code GET /api/profiles?filter=any(external_id,[…])&page[size]=100}, with the answer, paging and rate-limit
 * headers the spec gives that operation (75/s burst, 750/min steady).
 */
final class KlaviyoProfileLookupTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000_000);
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldAnswerAHundredProfilesByExternalIdInOnePage() {
        importProfiles(150);
        List<String> wanted = IntStream.rangeClosed(1, 100).mapToObj(i -> "C-" + (i * 3 % 150 + 1)).distinct()
                .toList();

        var reply = client.get(lookup(wanted));

        assertThat(reply.status()).isEqualTo(200);
        List<String> answered = new ArrayList<>();
        reply.body().get("data").forEach(profile -> answered.add(profile.at("/attributes/external_id").asText()));
        assertThat(answered).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(reply.body().at("/links/next").isNull() || reply.body().at("/links/next").isMissingNode())
                .as("no further page").isTrue();
        assertThat(sandbox.profiles()).filteredOn(p -> wanted.contains(p.externalId()))
                .extracting(KlaviyoProfile::id)
                .containsExactlyInAnyOrderElementsOf(ids(reply.body()));
    }

    @Test
    void shouldLeaveOutExternalIdsItDoesNotKnow() {
        importProfiles(3);

        var reply = client.get(lookup(List.of("C-1", "C-404", "C-3")));

        assertThat(reply.body().get("data")).extracting(p -> p.at("/attributes/external_id").asText())
                .containsExactlyInAnyOrder("C-1", "C-3");
    }

    // GET /api/profiles: x-klaviyo-ratelimit burst 75/s, steady 750/m. After one request the burst window has 74 of
    // 75 left and the steady 749 of 750, so the burst window is the one described.
    @Test
    void shouldCarryTheProfileReadsRateLimitHeaders() {
        importProfiles(1);
        long millisIntoMinute = Math.floorMod(sandbox.clock().millis(), 60_000L);
        sandbox.clock().advance(Duration.ofMillis(60_000 - millisIntoMinute));

        var reply = client.get(lookup(List.of("C-1")));

        assertThat(reply.header("RateLimit-Limit")).isEqualTo("75, 75;w=1, 750;w=60");
        assertThat(reply.header("RateLimit-Remaining")).isEqualTo("74");
        assertThat(reply.header("RateLimit-Reset")).isEqualTo("0");
    }

    private void importProfiles(int count) {
        String profiles = IntStream.rangeClosed(1, count).mapToObj(i -> "{\"type\":\"profile\",\"attributes\":"
                + "{\"external_id\":\"C-" + i + "\",\"email\":\"c" + i + "@example.com\"}}")
                .collect(Collectors.joining(","));
        var accepted = client.post("/api/profile-bulk-import-jobs", KlaviyoTestClient.parse(
                "{\"data\":{\"type\":\"profile-bulk-import-job\",\"attributes\":{\"profiles\":{\"data\":[" + profiles
                        + "]}}}}"));
        assertThat(accepted.status()).isEqualTo(202);
        sandbox.clock().advance(Duration.ofSeconds(1));
        var job = client.get("/api/profile-bulk-import-jobs/" + accepted.body().at("/data/id").asText());
        assertThat(job.body().at("/data/attributes/status").asText()).isEqualTo("complete");
    }

    private static String lookup(List<String> externalIds) {
        String filter = "any(external_id,[" + externalIds.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",")) + "])";
        return "/api/profiles?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&page%5Bsize%5D=100";
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("data").forEach(profile -> ids.add(profile.get("id").asText()));
        return ids;
    }
}
