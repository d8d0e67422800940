package dev.nsbridge.netsuite.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * NetSuite's error body (RFC 7807 style, with {@code o:errorDetails}), reduced to what nsbridge reports.
 *
 * @param status     the HTTP status
 * @param title      the body's {@code title}, or the empty string
 * @param errorCode  the first detail's {@code o:errorCode}, else the top-level one, else empty
 * @param detail     the first detail's text, verbatim; the user's fix is usually in it
 * @param queryParam {@code o:errorQueryParam}, e.g. {@code q} for a bad SuiteQL query
 */
public record NetSuiteError(int status, String title, String errorCode, String detail, Optional<String> queryParam) {

    /** Reads an error body; an answer that is not NetSuite's JSON (a proxy's HTML page) keeps a short excerpt. */
    public static NetSuiteError parse(int status, String body, ObjectMapper json) {
        JsonNode root = readTree(body, json);
        if (root == null || !root.isObject()) {
            String excerpt = body == null ? "" : body.strip();
            return new NetSuiteError(status, "", "", excerpt.length() > 300 ? excerpt.substring(0, 300) + "…" : excerpt,
                    Optional.empty());
        }
        JsonNode first = root.path("o:errorDetails").path(0);
        String code = text(first, "o:errorCode").orElse(text(root, "o:errorCode").orElse(""));
        String detail = text(first, "detail").orElse(text(root, "detail").orElse(text(root, "title").orElse("")));
        return new NetSuiteError(status, text(root, "title").orElse(""), code, detail,
                text(first, "o:errorQueryParam"));
    }

    /** A readable one-liner: {@code 400 INVALID_PARAMETER: Invalid search query…}. */
    public String summary() {
        return status + (errorCode.isEmpty() ? "" : " " + errorCode) + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static JsonNode readTree(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
