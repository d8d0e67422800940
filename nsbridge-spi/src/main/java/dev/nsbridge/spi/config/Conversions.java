package dev.nsbridge.spi.config;

import dev.nsbridge.spi.secret.Secret;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the plain values a YAML or properties reader produces (text, numbers, booleans, lists, maps) into the
 * Java type of a key. Text is accepted for every scalar type because {@code ${ENV}} references always give text.
 */
final class Conversions {
    private Conversions() {
    }

    /** Converts one raw value; the failure's message reads after the value and never repeats it. */
    @FunctionalInterface
    interface Converter<T> {
        T convert(Object raw) throws BadValue;
    }

    /** A value that cannot become the key's type. Carries no stack: it is collected, never thrown far. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final String fix;

        BadValue(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }

        String fix() {
            return fix;
        }
    }

    static String text(Object raw) throws BadValue {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new BadValue("is a " + shape(raw) + ", not text", "write a single value");
    }

    static Secret secret(Object raw) throws BadValue {
        if (raw instanceof String || raw instanceof Number) {
            return Secret.of(raw.toString());
        }
        throw new BadValue("is a " + shape(raw) + ", not a single secret value", "write ${ENV_NAME}");
    }

    static long whole(Object raw, long min, long max) throws BadValue {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof String s && s.trim().matches("[-+]?\\d+")) {
            try {
                value = new BigDecimal(s.trim()).longValueExact();
            } catch (ArithmeticException e) {
                throw new BadValue("is too large", "use a number from " + min + " to " + max);
            }
        } else {
            throw new BadValue("is not a whole number", "write digits only, e.g. 100");
        }
        if (value < min || value > max) {
            throw new BadValue("is too large", "use a number from " + min + " to " + max);
        }
        return value;
    }

    static double decimal(Object raw) throws BadValue {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the common message
            }
        }
        throw new BadValue("is not a number", "write a number such as 0.5");
    }

    static boolean bool(Object raw) throws BadValue {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new BadValue("is not true or false", "write true or false");
    }

    static Duration duration(Object raw) throws BadValue {
        if (raw instanceof String s) {
            Optional<Duration> parsed = Durations.parse(s);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw new BadValue("is not a duration", "write a number with a unit: 500ms, 30s, 10m, 2h or 1d");
    }

    static <E extends Enum<E>> E enumeration(Object raw, Class<E> type) throws BadValue {
        if (raw instanceof String s) {
            String wanted = s.trim().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (wireName(constant).equals(wanted)) {
                    return constant;
                }
            }
            List<String> names = wireNames(type);
            Optional<String> near = Suggestions.closest(wanted, names);
            throw new BadValue("is not one of " + String.join(", ", names),
                    near.map(n -> "did you mean " + n + "?").orElse("write one of " + String.join(", ", names)));
        }
        throw new BadValue("is not one of " + String.join(", ", wireNames(type)), "write one of them");
    }

    static List<String> list(Object raw) throws BadValue {
        if (raw instanceof String s) {
            return Arrays.stream(s.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        if (raw instanceof List<?> items) {
            List<String> values = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                    throw new BadValue("holds an item that is not a single value", "write one value per item");
                }
                values.add(item.toString());
            }
            return List.copyOf(values);
        }
        throw new BadValue("is not a list", "write a YAML list or a comma-separated line");
    }

    static Map<String, String> map(Object raw) throws BadValue {
        if (!(raw instanceof Map<?, ?> entries)) {
            throw new BadValue("is not a map", "write one `name: value` per line, indented under the key");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new BadValue("holds '" + entry.getKey() + "', which is not a single value",
                        "give each name one value");
            }
            values.put(String.valueOf(entry.getKey()), value == null ? "" : value.toString());
        }
        return Collections.unmodifiableMap(values);
    }

    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static List<String> wireNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Conversions::wireName).collect(Collectors.toList());
    }

    private static String shape(Object raw) {
        return raw instanceof Map<?, ?> ? "map" : raw instanceof List<?> ? "list" : "value of another kind";
    }
}
