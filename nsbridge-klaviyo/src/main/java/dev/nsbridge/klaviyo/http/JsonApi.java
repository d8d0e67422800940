package dev.nsbridge.klaviyo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.nsbridge.spi.errors.InternalException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Building and reading JSON:API documents with one configured mapper. */
public final class JsonApi {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonApi() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code {"type": type, "attributes": {}}}: the shape every resource object we send starts from. */
    public static ObjectNode resource(String type) {
        ObjectNode resource = object().put("type", type);
        resource.putObject("attributes");
        return resource;
    }

    /** {@code {"data": data}}. */
    public static ObjectNode document(JsonNode data) {
        ObjectNode document = object();
        document.set("data", data);
        return document;
    }

    /** Free-form properties (strings, numbers, booleans, lists, maps) as JSON. */
    public static JsonNode tree(Map<String, ?> values) {
        try {
            return MAPPER.valueToTree(values);
        } catch (IllegalArgumentException e) {
            throw new InternalException("KLAVIYO_PROPERTIES_NOT_JSON",
                    "Properties could not be written as JSON: " + e.getMessage(),
                    "Give properties as strings, numbers, booleans, lists or maps.", e);
        }
    }

    /** UTC ISO 8601, as nsbridge keeps dates: {@code 2024-01-01T00:00:00Z}. */
    public static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static Instant instantOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty()
                ? java.time.OffsetDateTime.parse(node.asText()).toInstant() : null;
    }

    public static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("KLAVIYO_JSON_WRITE", "Could not write a Klaviyo request body", null, e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("KLAVIYO_JSON_WRITE", "Could not write a Klaviyo request body", null, e);
        }
    }

    /**
     * JSON already written, put into a document as it is: a bulk body's items are written once, measured, and sent
     * as those same characters ({@link BatchSplitter}).
     */
    static JsonNode written(String json) {
        return MAPPER.getNodeFactory().rawValueNode(new RawValue(new SerializedString(json)));
    }

    /** How many bytes {@code text} takes in UTF-8, without encoding it. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Parses an answer in the charset its {@code Content-Type} declares, and as UTF-8 when it declares none: JSON's
     * one encoding between systems (RFC 8259, section 8.1), and what Klaviyo sends under its bare
     * {@code application/vnd.api+json}. A body that is not JSON yields {@code null}, never an exception.
     */
    public static JsonNode parseOrNull(byte[] body, Optional<String> contentType) {
        if (body == null || body.length == 0) {
            return null;
        }
        Charset charset = declaredCharset(contentType.orElse(""));
        try {
            return charset.equals(StandardCharsets.UTF_8) ? MAPPER.readTree(body)
                    : MAPPER.readTree(new String(body, charset));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The {@code charset} parameter of a media type; UTF-8 when there is none or the JVM does not know it. */
    static Charset declaredCharset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
