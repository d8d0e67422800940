package dev.nsbridge.sandbox.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Text on the wire: every answer is UTF-8 and says so on NetSuite's media type, as live answers do
 * ({@code application/vnd.oracle.resource+json; type=error; charset=UTF-8}); a request body is read in the charset
 * it declares, UTF-8 when it declares none. The answers are read as bytes, so a client's leniency cannot hide a
 * wrong encoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class Utf8WireTest {
    private static final String RECORDS = "/services/rest/record/v1";
    private static final String NAME = "Łukasz 𠮷田 \"Zoë\" O'Brien \\ محمد 😀";

    private final ObjectMapper json = new ObjectMapper();
    private NetSuiteSandbox sandbox;
    private SandboxClient client;

    @BeforeAll
    void start() {
        sandbox = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.01));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void shouldAnswerRecordsQueriesAndErrorsInUtf8AndSaySo() throws Exception {
        String id = create(NAME, "application/json", StandardCharsets.UTF_8);

        HttpResponse<byte[]> record = send("GET", RECORDS + "/contact/" + id, null, null);
        HttpResponse<byte[]> query = send("POST", "/services/rest/query/v1/suiteql",
                "{\"q\":\"SELECT firstname FROM contact WHERE id = " + id + "\"}", "application/json");
        HttpResponse<byte[]> refused = send("PATCH", RECORDS + "/contact/" + id, "{\"schuhgröße\":\"44\"}",
                "application/json");

        assertThat(record.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.oracle.resource+json; type=singular; charset=UTF-8");
        assertThat(utf8Json(record).path("firstName").asText()).isEqualTo(NAME);
        assertThat(query.headers().firstValue("Content-Type")).as(new String(query.body(), StandardCharsets.UTF_8))
                .hasValue("application/vnd.oracle.resource+json; type=collection; charset=UTF-8");
        assertThat(utf8Json(query).at("/items/0/firstname").asText()).isEqualTo(NAME);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.oracle.resource+json; type=error; charset=UTF-8");
        assertThat(utf8Json(refused).at("/o:errorDetails/0/detail").asText()).contains("schuhgröße");
    }

    @Test
    void shouldReadARequestBodyInTheCharsetItDeclares() throws Exception {
        String id = create("José Müller", "application/json; charset=ISO-8859-1", StandardCharsets.ISO_8859_1);

        HttpResponse<byte[]> record = send("GET", RECORDS + "/contact/" + id, null, null);

        assertThat(utf8Json(record).path("firstName").asText()).isEqualTo("José Müller");
    }

    private String create(String firstName, String contentType, java.nio.charset.Charset charset) {
        HttpResponse<byte[]> created = send("POST", RECORDS + "/contact", "{\"firstName\":\"" + firstName.replace("\\",
                "\\\\").replace("\"", "\\\"") + "\",\"email\":\"someone@example.com\"}", contentType, charset);
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<byte[]> send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(String method, String path, String body, String contentType,
                                      java.nio.charset.Charset charset) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(charset));
        HttpRequest.Builder request = HttpRequest.newBuilder(client.url(path)).method(method, publisher)
                .header("Authorization", client.authorization(method, client.url(path), client.tba()))
                .header("Prefer", "transient");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return client.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The body decoded strictly as UTF-8: a byte that is not UTF-8 fails here instead of turning into U+FFFD. */
    private JsonNode utf8Json(HttpResponse<byte[]> response) throws Exception {
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(response.body())).toString();
        return json.readTree(text);
    }
}
