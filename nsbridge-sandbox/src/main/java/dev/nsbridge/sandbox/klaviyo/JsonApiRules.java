package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Rules of JSON:API itself (jsonapi.org/format) that Klaviyo's API follows and the spec cannot express. */
final class JsonApiRules {
    private JsonApiRules() {
    }

    /**
     * A PATCH names the resource it changes twice, in the path and in {@code data.id}; JSON:API answers 409 Conflict
     * when they differ ("the resource object's type and id do not match the server's endpoint").
     */
    static void requireSameId(String pathId, JsonNode data) {
        String bodyId = data.path("id").asText(null);
        if (!pathId.equals(bodyId)) {
            throw new KlaviyoApiException(new ApiError(409, "conflict", "Conflict.",
                    "The id in the body ('" + bodyId + "') does not match the id in the path ('" + pathId + "').",
                    "/data/id", null, Map.of()));
        }
    }
}
