package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading bulk profile import jobs: the list of jobs, and the profiles a job wrote. */
final class KlaviyoImportJobsTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        client = new KlaviyoTestClient(sandbox, KlaviyoTestClient.PLAIN_JSON);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String importJob(String... emails) {
        ObjectNode body = KlaviyoTestClient.object();
        var profiles = body.putObject("data").put("type", "profile-bulk-import-job").putObject("attributes")
                .putObject("profiles").putArray("data");
        for (String email : emails) {
            profiles.addObject().put("type", "profile").putObject("attributes").put("email", email);
        }
        var reply = client.post("/api/profile-bulk-import-jobs", body);
        assertThat(reply.status()).isEqualTo(202);
        return reply.body().at("/data/id").asText();
    }

    @Test
    void shouldListJobsFilteredOnStatusNewestFirst() {
        sandbox.knobs().jobSpeed(Duration.ofSeconds(5), 1_000);
        String first = importJob("a@example.com");
        sandbox.clock().advance(Duration.ofSeconds(10));
        String second = importJob("b@example.com");

        var all = client.get("/api/profile-bulk-import-jobs?sort=-created_at");
        var queued = client.get("/api/profile-bulk-import-jobs?filter="
                + KlaviyoEventQueryTest.encode("equals(status,\"queued\")"));
        var finished = client.get("/api/profile-bulk-import-jobs?filter="
                + KlaviyoEventQueryTest.encode("any(status,[\"complete\",\"cancelled\"])"));

        assertThat(ids(all.body())).containsExactly(second, first);
        assertThat(ids(queued.body())).containsExactly(second);
        assertThat(ids(finished.body())).containsExactly(first);
        assertThat(all.body().at("/data/0/relationships/profiles/links/related").asText())
                .endsWith("/api/profile-bulk-import-jobs/" + second + "/profiles/");
    }

    @Test
    void shouldPageThroughJobs() {
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(importJob("p" + i + "@example.com"));
            sandbox.clock().advance(Duration.ofSeconds(1));
        }

        var firstPage = client.get("/api/profile-bulk-import-jobs?page%5Bsize%5D=2");
        var secondPage = client.get(KlaviyoEventQueryTest.pathAndQuery(firstPage.body().at("/links/next").asText()));

        List<String> seen = new ArrayList<>(ids(firstPage.body()));
        seen.addAll(ids(secondPage.body()));
        assertThat(seen).containsExactlyElementsOf(submitted);
        assertThat(secondPage.body().at("/links/next").isMissingNode()).isTrue();
    }

    @Test
    void shouldListTheProfilesAJobWroteButNotTheOnesItRefused() {
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);
        String jobId = importJob("a@example.com", "not-an-email", "c@example.com");
        sandbox.clock().advance(Duration.ofSeconds(1));

        var profiles = client.get("/api/profile-bulk-import-jobs/" + jobId + "/profiles?fields%5Bprofile%5D=email");
        var relationships = client.get("/api/profile-bulk-import-jobs/" + jobId + "/relationships/profiles");

        List<String> emails = new ArrayList<>();
        profiles.body().get("data").forEach(p -> emails.add(p.at("/attributes/email").asText()));
        assertThat(emails).containsExactly("a@example.com", "c@example.com");
        assertThat(ids(relationships.body())).containsExactlyElementsOf(
                sandbox.profiles().stream().map(KlaviyoProfile::id).toList());
        assertThat(relationships.body().at("/data/0/type").asText()).isEqualTo("profile");
    }

    @Test
    void shouldAnswer404ForTheProfilesOfAnUnknownJob() {
        assertThat(client.get("/api/profile-bulk-import-jobs/01NOSUCHJOB00000000000000/profiles").status())
                .isEqualTo(404);
    }

    @Test
    void shouldThrottleTheJobListAtItsOwnLimitFromTheSpec() {
        int steady = KlaviyoContract.shared().operation("GET /api/profile-bulk-import-jobs").rateLimit()
                .steadyPerMinute();
        long millisIntoMinute = Math.floorMod(sandbox.clock().millis(), 60_000L);
        sandbox.clock().advance(Duration.ofMillis(60_000 - millisIntoMinute));
        Duration spacing = Duration.ofMillis(50_000 / steady);
        for (int i = 0; i < steady; i++) {
            assertThat(client.get("/api/profile-bulk-import-jobs").status()).as("request %d", i).isEqualTo(200);
            sandbox.clock().advance(spacing);
        }

        var throttled = client.get("/api/profile-bulk-import-jobs");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.body().at("/errors/0/code").asText()).isEqualTo("throttled");
    }

    private static List<String> ids(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.get("data").forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }
}
