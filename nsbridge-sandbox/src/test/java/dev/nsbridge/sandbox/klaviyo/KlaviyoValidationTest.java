package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class KlaviyoValidationTest {
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

    @Test
    void shouldAnswerTheAccountForAValidKey() {
        var reply = client.get("/api/accounts");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/0/type").asText()).isEqualTo("account");
        assertThat(sandbox.privateApiKey()).startsWith("pk_");
    }

    @Test
    void shouldRefuseAnAttributeTheSpecDoesNotName() {
        var reply = client.post("/api/profile-import", KlaviyoTestClient.parse(
                "{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"ada@example.com\",\"favourite\":\"x\"}}}"));

        assertThat(reply.status()).isEqualTo(400);
        var error = reply.body().at("/errors/0");
        assertThat(error.get("code").asText()).isEqualTo("invalid");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("id").asText()).isNotEmpty();
        assertThat(error.get("title").asText()).isNotEmpty();
        assertThat(error.at("/source/pointer").asText()).isEqualTo("/data/attributes/favourite");
        assertThat(sandbox.received()).last().extracting(ReceivedRequest::valid).isEqualTo(false);
        assertThat(sandbox.profiles()).isEmpty();
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        var reply = client.post("/api/profile-import", "{\"data\": {\"type\": \"profile\",");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/code").asText()).isEqualTo("invalid");
        assertThat(sandbox.received()).last().extracting(ReceivedRequest::valid).isEqualTo(false);
        assertThat(sandbox.profiles()).isEmpty();
    }

    @Test
    void shouldRefuseARequestWithoutRevision() {
        var reply = client.raw(client.bare("/api/accounts")
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey()).GET(), "GET");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/parameter").asText()).isEqualTo("revision");
    }

    @Test
    void shouldRefuseAnotherRevision() {
        var reply = client.raw(client.bare("/api/accounts").header("revision", "2023-02-22")
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey()).GET(), "GET");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseAMissingOrWrongKeyWith401() {
        var missing = client.raw(client.bare("/api/accounts").header("revision", "2026-07-15").GET(), "GET");
        var wrong = client.raw(client.bare("/api/accounts").header("revision", "2026-07-15")
                .header("Authorization", "Klaviyo-API-Key pk_wrong").GET(), "GET");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().at("/errors/0/code").asText()).isEqualTo("not_authenticated");
        assertThat(wrong.text()).doesNotContain("pk_wrong");
    }

    @Test
    void shouldAnswerGoneForTheRetiredV2Lists() {
        var reply = client.raw(client.bare("/api/v2/lists?api_key=" + sandbox.privateApiKey()).GET(), "GET");

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.body().at("/errors/0/status").asInt()).isEqualTo(410);
    }

    @Test
    void shouldAnswerNotImplementedForASpecOperationTheSandboxDoesNotServe() {
        var reply = client.get("/api/metrics");

        assertThat(reply.status()).isEqualTo(501);
    }

    @Test
    void shouldKeepTheApiKeyOutOfTheReceivedLog() {
        client.get("/api/accounts");
        client.raw(client.bare("/api/v2/lists?api_key=" + sandbox.privateApiKey()).GET(), "GET");

        assertThat(sandbox.received()).hasSize(2);
        assertThat(sandbox.received().get(0).valid()).isTrue();
        assertThat(sandbox.received().get(0).headers()).containsKey("revision");
        assertThat(sandbox.received().toString()).doesNotContain(sandbox.privateApiKey());
        assertThat(sandbox.toString()).doesNotContain(sandbox.privateApiKey());
    }

    @Test
    void shouldPrintTheStartupFragment() {
        var startup = KlaviyoTestClient.parse(sandbox.startupJson());

        assertThat(startup.get("baseUrl").asText()).isEqualTo(sandbox.baseUrl().toString());
        assertThat(startup.get("privateApiKey").asText()).isEqualTo(sandbox.privateApiKey());
    }
}
