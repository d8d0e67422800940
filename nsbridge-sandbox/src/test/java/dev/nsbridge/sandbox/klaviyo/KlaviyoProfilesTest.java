package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoProfilesTest {
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

    private static JsonNode profileImport(String attributes) {
        return KlaviyoTestClient.resource("profile", KlaviyoTestClient.parse(attributes));
    }

    @Test
    void shouldCreateThenUpdateAProfileByEmail() {
        var created = client.post("/api/profile-import",
                profileImport("{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"properties\":{\"tier\":\"gold\"}}"));
        var updated = client.post("/api/profile-import?additional-fields%5Bprofile%5D=subscriptions",
                profileImport("{\"email\":\"ADA@example.com\",\"last_name\":\"Lovelace\"}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().at("/data/id").asText()).isEqualTo(created.body().at("/data/id").asText());
        assertThat(updated.body().at("/data/attributes/first_name").asText()).isEqualTo("Ada");
        assertThat(updated.body().at("/data/attributes/subscriptions/email/marketing/consent").asText())
                .isEqualTo("NEVER_SUBSCRIBED");
        assertThat(sandbox.profiles()).singleElement().satisfies(profile -> {
            assertThat(profile.attributes()).containsEntry("last_name", "Lovelace");
            assertThat(profile.properties()).containsEntry("tier", "gold");
        });
    }

    @Test
    void shouldClearAFieldSentAsNull() {
        client.post("/api/profile-import", profileImport(
                "{\"external_id\":\"C-1\",\"first_name\":\"Ada\",\"properties\":{\"tier\":\"gold\",\"pet\":\"cat\"}}"));

        var reply = client.post("/api/profile-import", profileImport(
                "{\"external_id\":\"C-1\",\"first_name\":null,\"properties\":{\"pet\":null}}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/attributes/first_name").isNull()).isTrue();
        assertThat(sandbox.profiles().get(0).properties()).containsOnlyKeys("tier");
    }

    @Test
    void shouldAnswerDuplicateProfileWhenEmailAndPhoneBelongToTwoProfiles() {
        client.post("/api/profile-import", profileImport("{\"email\":\"ada@example.com\"}"));
        var phoneOwner = client.post("/api/profile-import", profileImport("{\"phone_number\":\"+15005550006\"}"));

        var reply = client.post("/api/profile-import",
                profileImport("{\"email\":\"ada@example.com\",\"phone_number\":\"+15005550006\"}"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().at("/errors/0/code").asText()).isEqualTo("duplicate_profile");
        assertThat(reply.body().at("/errors/0/meta/duplicate_profile_id").asText())
                .isEqualTo(phoneOwner.body().at("/data/id").asText());
    }

    @Test
    void shouldRefuseAnInvalidEmailOnTheSingleImport() {
        var reply = client.post("/api/profile-import", profileImport("{\"email\":\"not-an-email\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/pointer").asText()).isEqualTo("/data/attributes/email");
    }

    private static ObjectNode bulkImport(String... profileAttributes) {
        ObjectNode body = KlaviyoTestClient.object();
        var profiles = body.putObject("data").put("type", "profile-bulk-import-job").putObject("attributes")
                .putObject("profiles").putArray("data");
        for (String attributes : profileAttributes) {
            profiles.addObject().put("type", "profile").set("attributes", KlaviyoTestClient.parse(attributes));
        }
        return body;
    }

    @Test
    void shouldRunABulkImportJobFromQueuedToComplete() {
        sandbox.knobs().jobSpeed(Duration.ofSeconds(5), 1);

        var accepted = client.post("/api/profile-bulk-import-jobs", bulkImport(
                "{\"email\":\"a@example.com\"}", "{\"email\":\"broken\"}", "{\"email\":\"c@example.com\"}"));
        String jobId = accepted.body().at("/data/id").asText();

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().at("/data/attributes/status").asText()).isEqualTo("queued");
        assertThat(accepted.body().at("/data/attributes/total_count").asInt()).isEqualTo(3);
        sandbox.clock().advance(Duration.ofSeconds(7));
        var processing = client.get("/api/profile-bulk-import-jobs/" + jobId);
        assertThat(processing.body().at("/data/attributes/status").asText()).isEqualTo("processing");
        assertThat(processing.body().at("/data/attributes/completed_count").asInt()).isEqualTo(1);
        assertThat(processing.body().at("/data/attributes/failed_count").asInt()).isEqualTo(1);
        sandbox.clock().advance(Duration.ofSeconds(5));
        var complete = client.get("/api/profile-bulk-import-jobs/" + jobId);
        assertThat(complete.body().at("/data/attributes/status").asText()).isEqualTo("complete");
        assertThat(complete.body().at("/data/attributes/completed_count").asInt()).isEqualTo(2);
        var errors = client.get("/api/profile-bulk-import-jobs/" + jobId + "/import-errors");
        assertThat(errors.body().get("data")).hasSize(1);
        assertThat(errors.body().at("/data/0/attributes/source/pointer").asText())
                .isEqualTo("/data/attributes/email");
        assertThat(errors.body().at("/data/0/attributes/original_payload/attributes/email").asText())
                .isEqualTo("broken");
        assertThat(sandbox.profiles()).extracting(KlaviyoProfile::email)
                .containsExactly("a@example.com", "c@example.com");
    }

    @Test
    void shouldNotLetABulkImportClearAField() {
        client.post("/api/profile-import", profileImport("{\"email\":\"ada@example.com\",\"first_name\":\"Ada\"}"));
        sandbox.knobs().jobSpeed(Duration.ZERO, 1_000);

        var reply = client.post("/api/profile-bulk-import-jobs",
                bulkImport("{\"email\":\"ada@example.com\",\"first_name\":null,\"last_name\":\"Lovelace\"}"));
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(sandbox.profiles()).singleElement().satisfies(profile -> {
            assertThat(profile.firstName()).isEqualTo("Ada");
            assertThat(profile.attributes()).containsEntry("last_name", "Lovelace");
        });
    }

    @Test
    void shouldRefuseMoreThanTenThousandProfilesInOneJob() {
        String[] profiles = new String[10_001];
        java.util.Arrays.fill(profiles, "{\"email\":\"same@example.com\"}");

        var reply = client.post("/api/profile-bulk-import-jobs", bulkImport(profiles));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.jobs()).isEmpty();
    }
}
