package dev.nsbridge.engine.config;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.connection.ConnectionRole;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The connection types and flow types the program knows, each with the {@link ConfigDef} that checks its keys.
 * The composition root registers them; the engine itself knows no system.
 */
public final class ComponentRegistry {
    private final Map<String, Component> connectionTypes;
    private final Map<String, Component> flowTypes;

    private ComponentRegistry(Map<String, Component> connectionTypes, Map<String, Component> flowTypes) {
        this.connectionTypes = Collections.unmodifiableMap(new LinkedHashMap<>(connectionTypes));
        this.flowTypes = Collections.unmodifiableMap(new LinkedHashMap<>(flowTypes));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ComponentRegistry empty() {
        return builder().build();
    }

    public Optional<Component> connectionType(String type) {
        return Optional.ofNullable(connectionTypes.get(type));
    }

    public Optional<Component> flowType(String type) {
        return Optional.ofNullable(flowTypes.get(type));
    }

    /** Every connection type, in registration order, for documentation and error messages. */
    public Map<String, Component> connectionTypes() {
        return connectionTypes;
    }

    public Map<String, Component> flowTypes() {
        return flowTypes;
    }

    /**
     * One registered type.
     *
     * @param type          the value of {@code type:} in the file, e.g. a system's name
     * @param documentation one sentence on what it is
     * @param definition    its keys (for a connection, everything but {@code type}; for a flow, its
     *                      {@code settings:})
     * @param roles         for a connection, what extracts may use it as; empty for a flow
     */
    public record Component(String type, String documentation, ConfigDef definition, Set<ConnectionRole> roles) {
        public Component {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(documentation, "documentation");
            Objects.requireNonNull(definition, "definition");
            roles = Set.copyOf(roles);
        }
    }

    /** Collects registrations; a type may be registered once. */
    public static final class Builder {
        private final Map<String, Component> connectionTypes = new LinkedHashMap<>();
        private final Map<String, Component> flowTypes = new LinkedHashMap<>();

        private Builder() {
        }

        /** A connection type extracts may both read from and write to. */
        public Builder connection(String type, String documentation, ConfigDef definition) {
            return connection(type, documentation, definition, EnumSet.allOf(ConnectionRole.class));
        }

        /** A connection type extracts may use only as {@code roles} say. */
        public Builder connection(String type, String documentation, ConfigDef definition, Set<ConnectionRole> roles) {
            if (definition.key(ConnectionConfig.TYPE.name()).isPresent()) {
                throw new IllegalArgumentException("connection type " + type + " must not declare the key 'type'");
            }
            put(connectionTypes, new Component(type, documentation, definition, roles), "connection");
            return this;
        }

        public Builder flow(String type, String documentation, ConfigDef settings) {
            put(flowTypes, new Component(type, documentation, settings, Set.of()), "flow");
            return this;
        }

        private static void put(Map<String, Component> registry, Component component, String kind) {
            if (registry.putIfAbsent(component.type(), component) != null) {
                throw new IllegalArgumentException(kind + " type " + component.type() + " is registered twice");
            }
        }

        public ComponentRegistry build() {
            return new ComponentRegistry(connectionTypes, flowTypes);
        }
    }
}
