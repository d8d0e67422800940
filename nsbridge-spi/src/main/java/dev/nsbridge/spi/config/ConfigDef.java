package dev.nsbridge.spi.config;

import dev.nsbridge.spi.config.Conversions.BadValue;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys one component accepts, declared once: a connector declares its connection keys, the engine its
 * pipeline keys. {@link #parse} checks every key at once and reports every problem, never just the first.
 */
public final class ConfigDef {
    private final Map<String, ConfigKey<?>> keys;

    private ConfigDef(Map<String, ConfigKey<?>> keys) {
        this.keys = Collections.unmodifiableMap(keys);
    }

    public static ConfigDef of(ConfigKey<?>... keys) {
        return new ConfigDef(new LinkedHashMap<>()).with(keys);
    }

    /** A definition with these keys added after the existing ones; a name may be declared only once. */
    public ConfigDef with(ConfigKey<?>... more) {
        Map<String, ConfigKey<?>> all = new LinkedHashMap<>(keys);
        for (ConfigKey<?> key : more) {
            if (all.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("key " + key.name() + " is declared twice");
            }
        }
        return new ConfigDef(all);
    }

    /** The keys in the order they were declared, which is the order documentation prints them. */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public Set<String> names() {
        return keys.keySet();
    }

    /**
     * Parses raw values (text, numbers, booleans, lists and maps, as a YAML reader gives them) into typed ones.
     * A null value counts as absent. Unknown keys are problems, with the closest declared key as a suggestion.
     */
    public Result parse(Map<String, ?> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String name : raw.keySet()) {
            if (!keys.containsKey(name)) {
                Optional<String> near = Suggestions.closest(name, keys.keySet());
                problems.add(new ConfigProblem(name, ConfigProblem.Kind.UNKNOWN, "is not a known key",
                        near.map(n -> "did you mean " + n + "?").orElse("remove it; known keys are "
                                + String.join(", ", keys.keySet()))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> written = new HashSet<>();
        for (ConfigKey<?> key : keys.values()) {
            Object value = raw.get(key.name());
            if (value == null || (key.isRequired() && value instanceof String s && s.isBlank())) {
                if (key.isRequired()) {
                    problems.add(new ConfigProblem(key.name(), ConfigProblem.Kind.MISSING,
                            "is required and missing", "add " + key.name() + ": <" + key.type().description()
                            + "> (" + firstSentence(key.documentation()) + ")"));
                } else {
                    key.defaultValue().ifPresent(d -> values.put(key.name(), d));
                }
                continue;
            }
            parseOne(key, value).ifPresentOrElse(problems::add, () -> {
                values.put(key.name(), convertQuietly(key, value));
                written.add(key.name());
            });
        }
        return new Result(new ConfigValues(this, values, written), problems);
    }

    private static <T> Optional<ConfigProblem> parseOne(ConfigKey<T> key, Object raw) {
        try {
            T value = key.convert(raw);
            return key.validator().flatMap(v -> v.check(value)).map(invalid ->
                    new ConfigProblem(key.name(), ConfigProblem.Kind.INVALID, invalid.message(), invalid.fix()));
        } catch (BadValue bad) {
            return Optional.of(new ConfigProblem(key.name(), ConfigProblem.Kind.INVALID, bad.getMessage(), bad.fix()));
        }
    }

    private static Object convertQuietly(ConfigKey<?> key, Object raw) {
        try {
            return key.convert(raw);
        } catch (BadValue bad) {
            throw new IllegalStateException("value of " + key.name() + " passed its check but does not convert");
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    }

    /** One line per key for a terminal: name, type, required or default, the rule and the documentation. */
    public String describe() {
        return keys.values().stream().map(ConfigDef::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(ConfigKey<?> key) {
        StringBuilder line = new StringBuilder(key.name()).append(" (").append(key.type().wireName());
        if (!key.allowedValues().isEmpty()) {
            line.append(": ").append(String.join(" | ", key.allowedValues()));
        }
        line.append(key.isRequired() ? ", required" : key.defaultText().map(d -> ", default " + d).orElse(""));
        key.validator().ifPresent(v -> line.append(", ").append(v.description()));
        return line.append(") ").append(key.documentation()).toString();
    }

    /**
     * What {@link #parse} found: the values that parsed and every problem.
     *
     * @param values   typed values; a key with a problem has none
     * @param problems every problem, unknown keys first
     */
    public record Result(ConfigValues values, List<ConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }

        /** The values, or one exception that lists every problem. */
        public ConfigValues orThrow() {
            if (problems.isEmpty()) {
                return values;
            }
            throw new ConfigurationException("CONFIG_INVALID", problems.stream().map(ConfigProblem::describe)
                    .collect(Collectors.joining("\n")), "correct the keys listed");
        }
    }
}
