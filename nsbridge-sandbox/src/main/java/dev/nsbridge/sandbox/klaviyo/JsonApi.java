package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Small builders for Klaviyo's JSON:API documents: resources, error documents, and its timestamp format. */
final class JsonApi {
    static final String MEDIA_TYPE = "application/vnd.api+json";
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private JsonApi() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Klaviyo writes {@code 2023-02-21T20:07:38+00:00}: seconds, with an explicit offset. */
    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode resource(String type, String id, ObjectNode attributes, String selfUrl) {
        ObjectNode resource = object();
        resource.put("type", type);
        resource.put("id", id);
        resource.set("attributes", attributes);
        resource.set("links", object().put("self", selfUrl));
        return resource;
    }

    static ObjectNode document(JsonNode data, String selfUrl) {
        ObjectNode document = object();
        document.set("data", data);
        document.set("links", object().put("self", selfUrl));
        return document;
    }

    static ObjectNode errors(List<ApiError> errors) {
        ArrayNode array = array();
        for (ApiError error : errors) {
            ObjectNode node = array.addObject();
            node.put("id", UUID.randomUUID().toString());
            node.put("status", error.status());
            node.put("code", error.code());
            node.put("title", error.title());
            node.put("detail", error.detail());
            ObjectNode source = node.putObject("source");
            if (error.parameter() != null) {
                source.put("parameter", error.parameter());
            } else {
                source.put("pointer", error.pointer() == null ? "/data" : error.pointer());
            }
            if (!error.meta().isEmpty()) {
                node.set("meta", MAPPER.valueToTree(error.meta()));
            }
        }
        return object().set("errors", array);
    }
}
