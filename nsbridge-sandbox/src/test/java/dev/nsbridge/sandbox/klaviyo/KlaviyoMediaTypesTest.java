package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media types Klaviyo reads and answers: JSON:API's own, and plain {@code application/json}, which Klaviyo's
 * guides put in {@code accept} and its Node SDK ({@code klaviyo-api}, through axios) puts in {@code content-type}.
 */
final class KlaviyoMediaTypesTest {
    private static final String PROFILE =
            "{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"ada@example.com\"}}}";

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

    /** The headers Klaviyo's Node SDK 23.0.0 sets on every call, read from its source (api/apis.ts). */
    private HttpRequest.Builder asTheNodeSdkSendsIt(String path) {
        return client.bare(path)
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", "2026-07-15")
                .header("User-Agent", "klaviyo-api-node/23.0.0")
                .header("Accept", "application/vnd.api+json");
    }

    @Test
    void shouldAcceptAWriteSentAsPlainJson() {
        var reply = client.raw(asTheNodeSdkSendsIt("/api/profile-import").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PROFILE)), "POST");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/vnd.api+json");
        assertThat(sandbox.profiles()).extracting(KlaviyoProfile::email).containsExactly("ada@example.com");
    }

    @Test
    void shouldAcceptPlainJsonWithACharset() {
        var reply = client.raw(asTheNodeSdkSendsIt("/api/profile-import")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(PROFILE)), "POST");

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void shouldAnswerARequestThatAcceptsPlainJson() {
        var reply = client.raw(client.bare("/api/accounts")
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/json").GET(), "GET");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/data/0/type").asText()).isEqualTo("account");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        var reply = client.raw(asTheNodeSdkSendsIt("/api/profile-import").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(PROFILE)), "POST");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/errors/0/source/parameter").asText()).isEqualTo("content-type");
        assertThat(sandbox.profiles()).isEmpty();
    }

    @Test
    void shouldAnswerAnOperationItDoesNotServeWithAJsonApiError() {
        var reply = client.get("/api/metrics");

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.body().at("/errors/0/status").asInt()).isEqualTo(501);
        assertThat(reply.body().at("/errors/0/code").asText()).isEqualTo("not_implemented");
        assertThat(reply.body().at("/errors/0/detail").asText()).contains("GET /api/metrics");
    }
}
