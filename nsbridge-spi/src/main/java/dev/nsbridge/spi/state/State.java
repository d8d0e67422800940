package dev.nsbridge.spi.state;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A saved position: a flat map from names to strings, longs, doubles or booleans, so it maps onto a Kafka
 * Connect offset. Immutable; {@link #with} returns a new state.
 */
public record State(Map<String, Object> values) {
    public static final State EMPTY = new State(Map.of());

    public State {
        TreeMap<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null && !(value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException("state value for '" + key + "' must be a string, long, double or"
                        + " boolean, not " + value.getClass().getSimpleName());
            }
            if (value != null) {
                copy.put(key, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public State with(String key, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value instanceof Integer i ? Long.valueOf(i) : value);
        }
        return new State(copy);
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public OptionalLong number(String key) {
        Object value = values.get(key);
        if (value instanceof Long l) {
            return OptionalLong.of(l);
        }
        if (value instanceof String s) {
            try {
                return OptionalLong.of(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
