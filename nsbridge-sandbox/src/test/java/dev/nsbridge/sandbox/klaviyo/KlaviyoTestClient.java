package dev.nsbridge.sandbox.klaviyo;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A plain HTTP client for the tests, speaking Klaviyo's wire format by hand. Every successful answer is checked
 * against the response schema of the spec, which nobody here wrote. Writes go out with the content type the client
 * was made with: JSON:API's {@code application/vnd.api+json} by default, or {@code application/json} as Klaviyo's
 * Node SDK sends them.
 */
final class KlaviyoTestClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_API = "application/vnd.api+json";
    static final String PLAIN_JSON = "application/json";
    private static final String REVISION = "2026-07-15";
    private static final java.util.regex.Pattern LOST_IN_ALL_OF = java.util.regex.Pattern.compile(
            ".*\\[\"(subscriptions|predictive_analytics)\"(,\\s*\"(subscriptions|predictive_analytics)\")*]$");
    private final HttpClient http = HttpClient.newHttpClient();
    private final KlaviyoSandbox sandbox;
    private final String contentType;

    KlaviyoTestClient(KlaviyoSandbox sandbox) {
        this(sandbox, JSON_API);
    }

    KlaviyoTestClient(KlaviyoSandbox sandbox, String contentType) {
        this.sandbox = sandbox;
        this.contentType = contentType;
    }

    record Reply(int status, HttpHeaders headers, JsonNode body, String text) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build(), "GET");
    }

    Reply post(String path, String body) {
        return send(request(path).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "POST");
    }

    Reply patch(String path, JsonNode body) {
        return send(request(path).header("content-type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())).build(), "PATCH");
    }

    Reply post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    /** A request with whatever headers the test wants, nothing added. */
    Reply raw(HttpRequest.Builder builder, String method) {
        return send(builder.build(), method);
    }

    HttpRequest.Builder bare(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return bare(pathAndQuery)
                .header("Authorization", "Klaviyo-API-Key " + sandbox.privateApiKey())
                .header("revision", REVISION)
                .header("accept", "application/vnd.api+json");
    }

    private Reply send(HttpRequest request, String method) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            Reply reply = new Reply(response.statusCode(), response.headers(), body, response.body());
            if (reply.status() < 300) {
                checkAgainstSpec(request.uri().getPath(), method, reply);
            }
            return reply;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkAgainstSpec(String path, String method, Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        if (!reply.text().isEmpty()) {
            response.withContentType("application/vnd.api+json").withBody(reply.text());
        }
        ValidationReport report = KlaviyoContract.shared().validator()
                .validateResponse(path, Request.Method.valueOf(method), response.build());
        List<String> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !validatorMergesAllOfShallowly(message))
                .map(message -> message.getKey() + ": " + message.getMessage()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + path + " breaks the spec: " + errors
                    + "\n" + reply.text());
        }
    }

    /**
     * The profile reads declare {@code subscriptions} and {@code predictive_analytics} in one branch of an allOf
     * and the other attributes in the other; the validator merges allOf branches one level deep, so it loses those
     * two attributes. Nothing else is let through.
     */
    private static boolean validatorMergesAllOfShallowly(ValidationReport.Message message) {
        return message.getKey().equals("validation.response.body.schema.additionalProperties")
                && LOST_IN_ALL_OF.matcher(message.getMessage()).matches();
    }

    /** {@code {"data":{"type":…,"attributes":…}}}. */
    static JsonNode resource(String type, JsonNode attributes) {
        var data = JSON.createObjectNode();
        data.putObject("data").put("type", type).set("attributes", attributes);
        return data;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
