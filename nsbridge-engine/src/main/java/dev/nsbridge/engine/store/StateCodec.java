package dev.nsbridge.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.state.State;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link State} as a JSON object, keeping longs, doubles, booleans and text apart on the way back. */
final class StateCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    static String encode(State state) {
        try {
            return JSON.writeValueAsString(state.values());
        } catch (JsonProcessingException e) {
            throw new InternalException("STATE_UNWRITABLE", "cannot write state as JSON", null, e);
        }
    }

    static State decode(String json) {
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(json).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                values.put(field.getKey(), value.isIntegralNumber() ? (Object) value.longValue()
                        : value.isNumber() ? (Object) value.doubleValue()
                        : value.isBoolean() ? (Object) value.booleanValue()
                        : value.isNull() ? null : value.asText());
            }
            return new State(values);
        } catch (JsonProcessingException e) {
            throw new InternalException("STATE_UNREADABLE", "the stored state is not valid JSON",
                    "clear the pipeline's state and run it in full", e);
        }
    }
}
