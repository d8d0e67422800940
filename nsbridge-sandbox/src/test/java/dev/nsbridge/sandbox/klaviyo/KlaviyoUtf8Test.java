package dev.nsbridge.sandbox.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text on the wire: Klaviyo declares {@code application/vnd.api+json} with no charset (the answers' headers as its
 * SDK users print them) and sends UTF-8, JSON's one encoding between systems (RFC 8259, section 8.1); a request body
 * is read as UTF-8 unless it declares otherwise. The sandbox gets this from Jetty, which assumes UTF-8 for that media
 * type without declaring it; this test holds it there. Answers are read as bytes and decoded strictly, so a wrong
 * encoding cannot pass as a replacement character.
 */
final class KlaviyoUtf8Test {
    private static final String NAME = "Łukasz 𠮷田 \"Zoë\" O'Brien \\ محمد 😀";

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
    void shouldKeepAndAnswerTextInUtf8UnderKlaviyosMediaType() throws Exception {
        var attributes = KlaviyoTestClient.JSON.createObjectNode().put("email", "lukasz@example.com")
                .put("first_name", NAME);
        assertThat(client.post("/api/profile-import", KlaviyoTestClient.resource("profile", attributes)).status())
                .isEqualTo(201);

        HttpResponse<byte[]> profiles = get("/api/profiles");
        HttpResponse<byte[]> refused = get("/api/profiles?filter=" + URLEncoder.encode("équals(email,\"a\")",
                StandardCharsets.UTF_8));

        assertThat(sandbox.profiles()).singleElement().satisfies(profile ->
                assertThat(profile.firstName()).isEqualTo(NAME));
        assertThat(profiles.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
        assertThat(strictUtf8(profiles).at("/data/0/attributes/first_name").asText()).isEqualTo(NAME);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
        assertThat(strictUtf8(refused).at("/errors/0/detail").asText()).contains("'équals'");
    }

    @Test
    void shouldReadARequestBodyInTheCharsetItDeclares() throws Exception {
        String body = "{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"jose@example.com\","
                + "\"first_name\":\"José Müller\"}}}";
        HttpRequest request = client.bare("/api/profile-import")
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json")
                .header("content-type", "application/vnd.api+json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1))).build();
        HttpResponse<byte[]> created = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(sandbox.profiles()).singleElement().satisfies(profile ->
                assertThat(profile.firstName()).isEqualTo("José Müller"));
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(client.bare(pathAndQuery)
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode strictUtf8(HttpResponse<byte[]> response) throws Exception {
        return KlaviyoTestClient.JSON.readTree(StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(response.body())).toString());
    }
}
