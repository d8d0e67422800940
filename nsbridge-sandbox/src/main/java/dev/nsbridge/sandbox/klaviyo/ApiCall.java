package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated request as a handler sees it.
 *
 * @param body      the parsed body, or a missing node for a GET
 * @param bodyBytes the body's size on the wire, for Klaviyo's payload limits
 * @param now       the sandbox clock's time when the request arrived
 * @param baseUrl   the sandbox's own base URL, for {@code links}
 */
record ApiCall(String path, Map<String, String> pathParams, Map<String, List<String>> query, JsonNode body,
               int bodyBytes, Instant now, String baseUrl) {

    String pathParam(String name) {
        return pathParams.get(name);
    }

    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String selfUrl() {
        return baseUrl + path;
    }
}
