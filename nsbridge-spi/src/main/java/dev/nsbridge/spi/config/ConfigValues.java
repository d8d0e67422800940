package dev.nsbridge.spi.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A component's configuration after parsing: each key's typed value, its default where the file said nothing.
 * {@link #toString()} shows secrets as {@code [hidden]}, because {@link dev.nsbridge.spi.secret.Secret} does.
 */
public final class ConfigValues {
    private final ConfigDef definition;
    private final Map<String, Object> values;
    private final Set<String> written;

    ConfigValues(ConfigDef definition, Map<String, Object> values, Set<String> written) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.written = Set.copyOf(written);
    }

    /** The value of a required key or of a key with a default. */
    public <T> T get(ConfigKey<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException(
                "key " + key.name() + " has no value; declare it required or give it a default"));
    }

    /** The value of an optional key without a default, if the file gave one. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(ConfigKey<T> key) {
        if (definition.key(key.name()).isEmpty()) {
            throw new IllegalArgumentException("key " + key.name() + " is not declared in this configuration");
        }
        return Optional.ofNullable((T) values.get(key.name()));
    }

    /** Whether the file wrote this key, as opposed to its default applying. */
    public boolean isWritten(ConfigKey<?> key) {
        return written.contains(key.name());
    }

    public ConfigDef definition() {
        return definition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConfigValues" + values;
    }
}
