package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * A successful answer.
 *
 * @param status 200, 201, 202 or 204
 * @param body   the JSON:API document, or a missing node when Klaviyo answered without one (202, 204)
 */
public record KlaviyoResponse(int status, JsonNode body) {
    public KlaviyoResponse {
        body = Objects.requireNonNullElse(body, MissingNode.getInstance());
    }

    /** {@code data}, the resource or the array of them. */
    public JsonNode data() {
        return body.path("data");
    }
}
