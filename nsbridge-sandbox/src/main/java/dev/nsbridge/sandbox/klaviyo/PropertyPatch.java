package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code meta.patch_properties} of {@code PATCH /api/profiles/{id}}, as the spec's {@code ProfileMetaPatchProperties}
 * describes it: {@code append} adds a value or values to a property array, {@code unappend} removes them, and
 * {@code unset} removes a key or keys completely. A property that is not an array yet becomes one when appended to.
 */
final class PropertyPatch {
    private PropertyPatch() {
    }

    @SuppressWarnings("unchecked")
    static void apply(StoredProfile profile, JsonNode patch) {
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            return;
        }
        Object stored = profile.attributes.get("properties");
        Map<String, Object> properties = stored instanceof Map<?, ?> map
                ? (Map<String, Object>) map : new LinkedHashMap<>();
        JsonNode append = patch.path("append");
        append.fields().forEachRemaining(field -> {
            List<Object> values = asList(properties.get(field.getKey()));
            values.addAll(plainValues(field.getValue()));
            properties.put(field.getKey(), values);
        });
        JsonNode unappend = patch.path("unappend");
        unappend.fields().forEachRemaining(field -> {
            if (properties.get(field.getKey()) instanceof List<?> existing) {
                List<Object> values = new ArrayList<>(existing);
                values.removeAll(plainValues(field.getValue()));
                properties.put(field.getKey(), values);
            }
        });
        JsonNode unset = patch.path("unset");
        if (unset.isTextual()) {
            properties.remove(unset.asText());
        } else {
            unset.forEach(key -> properties.remove(key.asText()));
        }
        profile.attributes.put("properties", properties);
    }

    private static List<Object> asList(Object existing) {
        if (existing instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        List<Object> values = new ArrayList<>();
        if (existing != null) {
            values.add(existing);
        }
        return values;
    }

    private static List<Object> plainValues(JsonNode value) {
        List<Object> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(JsonApi.MAPPER.convertValue(item, Object.class)));
        } else {
            values.add(JsonApi.MAPPER.convertValue(value, Object.class));
        }
        return values;
    }
}
