package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Suppress, unsuppress and unsubscribe through the API, read back the way the suppressions flow reads them:
 * {@code GET /api/profiles} filtered on {@code subscriptions.email.marketing.suppression.timestamp}.
 */
final class KlaviyoSuppressionJobsTest {
    private KlaviyoSandbox sandbox;
    private KlaviyoTestClient client;

    @BeforeEach
    void start() {
        sandbox = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);
        client = new KlaviyoTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static ObjectNode emails(String type, String... emails) {
        ObjectNode body = KlaviyoTestClient.object();
        ArrayNode data = body.putObject("data").put("type", type).putObject("attributes").putObject("profiles")
                .putArray("data");
        for (String email : emails) {
            data.addObject().put("type", "profile").putObject("attributes").put("email", email);
        }
        return body;
    }

    private List<String> suppressedSince(Instant since) {
        var reply = client.get("/api/profiles?filter=" + KlaviyoEventQueryTest.encode(
                "greater-than(subscriptions.email.marketing.suppression.timestamp," + since + ")")
                + "&sort=subscriptions.email.marketing.suppression.timestamp"
                + "&additional-fields%5Bprofile%5D=subscriptions");
        assertThat(reply.status()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        reply.body().get("data").forEach(profile -> emails.add(profile.at("/attributes/email").asText()));
        return emails;
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldSuppressProfilesSoTheSuppressionsReadFindsThem(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);
        Instant before = sandbox.clock().instant().minusSeconds(1);
        writer.post("/api/profiles", KlaviyoTestClient.resource("profile",
                KlaviyoTestClient.object().put("email", "ada@example.com")));

        var reply = writer.post("/api/profile-suppression-bulk-create-jobs",
                emails("profile-suppression-bulk-create-job", "ada@example.com", "new@example.com"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().at("/data/type").asText()).isEqualTo("profile-suppression-bulk-create-job");
        assertThat(suppressedSince(before)).containsExactlyInAnyOrder("ada@example.com", "new@example.com");
        assertThat(sandbox.suppressions()).extracting(KlaviyoSuppression::reason)
                .containsOnly(SuppressionReason.USER_SUPPRESSED);
        var job = client.get("/api/profile-suppression-bulk-create-jobs/" + reply.body().at("/data/id").asText());
        assertThat(job.body().at("/data/attributes/status").asText()).isEqualTo("complete");
        assertThat(job.body().at("/data/attributes/completed_count").asInt()).isEqualTo(2);
    }

    @Test
    void shouldSkipAProfileThatIsSuppressedAlready() {
        client.post("/api/profile-suppression-bulk-create-jobs",
                emails("profile-suppression-bulk-create-job", "ada@example.com"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        String jobId = client.post("/api/profile-suppression-bulk-create-jobs",
                emails("profile-suppression-bulk-create-job", "ada@example.com")).body().at("/data/id").asText();
        sandbox.clock().advance(Duration.ofSeconds(1));

        var job = client.get("/api/profile-suppression-bulk-create-jobs/" + jobId);
        assertThat(job.body().at("/data/attributes/skipped_count").asInt()).isEqualTo(1);
        assertThat(sandbox.suppressions()).hasSize(1);
    }

    @Test
    void shouldSuppressEveryMemberOfAList() {
        String listId = client.post("/api/lists", KlaviyoTestClient.resource("list",
                KlaviyoTestClient.object().put("name", "Bounced"))).body().at("/data/id").asText();
        ObjectNode members = KlaviyoTestClient.object();
        ArrayNode data = members.putArray("data");
        for (String email : List.of("a@example.com", "b@example.com")) {
            data.addObject().put("type", "profile").put("id", client.post("/api/profiles",
                    KlaviyoTestClient.resource("profile", KlaviyoTestClient.object().put("email", email))).body()
                    .at("/data/id").asText());
        }
        client.post("/api/lists/" + listId + "/relationships/profiles", members);
        ObjectNode body = KlaviyoTestClient.object();
        ObjectNode job = body.putObject("data").put("type", "profile-suppression-bulk-create-job");
        job.putObject("attributes");
        job.putObject("relationships").putObject("list").putObject("data").put("type", "list").put("id", listId);

        var reply = client.post("/api/profile-suppression-bulk-create-jobs", body);
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().at("/data/relationships/lists/data/0/id").asText()).isEqualTo(listId);
        assertThat(sandbox.suppressions()).extracting(KlaviyoSuppression::email)
                .containsExactlyInAnyOrder("a@example.com", "b@example.com");
    }

    @Test
    void shouldUnsuppressOnlyWhatWasSuppressedByHand() {
        Instant at = sandbox.clock().instant();
        sandbox.suppress("bounced@example.com", SuppressionReason.HARD_BOUNCE, at);
        client.post("/api/profile-suppression-bulk-create-jobs",
                emails("profile-suppression-bulk-create-job", "ada@example.com", "bounced@example.com"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        var reply = client.post("/api/profile-suppression-bulk-delete-jobs",
                emails("profile-suppression-bulk-delete-job", "ada@example.com", "bounced@example.com",
                        "never@example.com"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(sandbox.suppressions()).singleElement().satisfies(suppression -> {
            assertThat(suppression.email()).isEqualTo("bounced@example.com");
            assertThat(suppression.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
        });
        var job = client.get("/api/profile-suppression-bulk-delete-jobs/" + reply.body().at("/data/id").asText());
        assertThat(job.body().at("/data/attributes/completed_count").asInt()).isEqualTo(2);
        assertThat(job.body().at("/data/attributes/skipped_count").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseMoreThanOneHundredEmails() {
        String[] many = new String[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = "p" + i + "@example.com";
        }

        var reply = client.post("/api/profile-suppression-bulk-create-jobs",
                emails("profile-suppression-bulk-create-job", many));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.jobs()).isEmpty();
    }

    private static ObjectNode unsubscribe(String email, String listId) {
        ObjectNode body = KlaviyoTestClient.object();
        ObjectNode data = body.putObject("data").put("type", "profile-subscription-bulk-delete-job");
        data.putObject("attributes").putObject("profiles").putArray("data").addObject().put("type", "profile")
                .putObject("attributes").put("email", email).putObject("subscriptions").putObject("email")
                .putObject("marketing").put("consent", "UNSUBSCRIBED");
        if (listId != null) {
            data.putObject("relationships").putObject("list").putObject("data").put("type", "list")
                    .put("id", listId);
        }
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = {KlaviyoTestClient.JSON_API, KlaviyoTestClient.PLAIN_JSON})
    void shouldUnsubscribeGloballySoTheSuppressionsReadFindsAnUnsubscribe(String contentType) {
        var writer = new KlaviyoTestClient(sandbox, contentType);
        Instant before = sandbox.clock().instant().minusSeconds(1);

        var reply = writer.post("/api/profile-subscription-bulk-delete-jobs", unsubscribe("ada@example.com", null));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text()).isEmpty();
        assertThat(suppressedSince(before)).containsExactly("ada@example.com");
        var profile = client.get("/api/profiles?additional-fields%5Bprofile%5D=subscriptions").body().at("/data/0");
        assertThat(profile.at("/attributes/subscriptions/email/marketing/consent").asText()).isEqualTo("UNSUBSCRIBED");
        assertThat(profile.at("/attributes/subscriptions/email/marketing/suppression/0/reason").asText())
                .isEqualTo("UNSUBSCRIBE");
    }

    @Test
    void shouldUnsubscribeAListMemberFromThatListOnly() {
        String listId = client.post("/api/lists", KlaviyoTestClient.resource("list",
                KlaviyoTestClient.object().put("name", "Newsletter"))).body().at("/data/id").asText();
        String id = client.post("/api/profiles", KlaviyoTestClient.resource("profile",
                KlaviyoTestClient.object().put("email", "ada@example.com"))).body().at("/data/id").asText();
        ObjectNode member = KlaviyoTestClient.object();
        member.putArray("data").addObject().put("type", "profile").put("id", id);
        client.post("/api/lists/" + listId + "/relationships/profiles", member);

        client.post("/api/profile-subscription-bulk-delete-jobs", unsubscribe("ada@example.com", listId));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(sandbox.suppressions()).isEmpty();
        assertThat(sandbox.lists().get(0).profileIds()).isEmpty();
        JsonNode marketing = client.get("/api/profiles/" + id + "?additional-fields%5Bprofile%5D=subscriptions")
                .body().at("/data/attributes/subscriptions/email/marketing");
        assertThat(marketing.at("/list_suppressions/0/list_id").asText()).isEqualTo(listId);
        assertThat(marketing.at("/list_suppressions/0/reason").asText()).isEqualTo("UNSUBSCRIBE");
    }
}
