package dev.nsbridge.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value that remembers its line, so an error can point at it. */
sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    /** The 1-based line where the value starts. */
    int line();

    /** The value as plain Java (maps, lists, text, numbers, booleans, null), the form a ConfigDef parses. */
    Object plain();

    /** A key and its value; {@code line} is the key's line. */
    record Field(String key, int line, YamlNode value) {
    }

    record MapNode(int line, Map<String, Field> fields) implements YamlNode {
        public MapNode {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        static MapNode empty(int line) {
            return new MapNode(line, Map.of());
        }

        Optional<Field> field(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        @Override
        public Object plain() {
            Map<String, Object> plain = new LinkedHashMap<>();
            fields.forEach((key, field) -> plain.put(key, field.value().plain()));
            return plain;
        }
    }

    record ListNode(int line, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public Object plain() {
            List<Object> plain = new ArrayList<>();
            items.forEach(item -> plain.add(item.plain()));
            return plain;
        }
    }

    /**
     * A single value.
     *
     * @param value           text, a number, a boolean or null, after {@code ${ENV}} references were replaced
     * @param sourceText      the text as the file wrote it, references unreplaced: the only form errors quote
     * @param fromEnvironment whether the value came, in whole or part, from an environment variable
     */
    record ScalarNode(int line, Object value, String sourceText, boolean fromEnvironment) implements YamlNode {
        @Override
        public Object plain() {
            return value;
        }
    }
}
