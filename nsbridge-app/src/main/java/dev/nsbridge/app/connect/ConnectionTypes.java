package dev.nsbridge.app.connect;

import dev.nsbridge.engine.config.ComponentRegistry;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.connection.ConnectionRole;
import dev.nsbridge.spi.connection.ConnectionType;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The connection types on the class path, found through {@link ServiceLoader}: each module that knows a system
 * lists its {@link ConnectionType} in {@code META-INF/services}, so adding a system touches no code here. They keep
 * the class path's order (the app's dependency order: netsuite, klaviyo, then the warehouse's duckdb and postgres),
 * which is the order the documentation and {@code nsbridge init} list them in.
 */
public final class ConnectionTypes {
    private final Map<String, ConnectionType> types;

    private ConnectionTypes(List<ConnectionType> types) {
        Map<String, ConnectionType> byName = new LinkedHashMap<>();
        for (ConnectionType type : types) {
            ConnectionType before = byName.putIfAbsent(type.name(), type);
            if (before != null) {
                throw new IllegalStateException("connection type " + type.name() + " is declared twice, by "
                        + before.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        this.types = Collections.unmodifiableMap(byName);
    }

    /** Every type on the class path. */
    public static ConnectionTypes installed() {
        return of(ServiceLoader.load(ConnectionType.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public static ConnectionTypes of(List<ConnectionType> types) {
        return new ConnectionTypes(types);
    }

    /** These types but the one named, e.g. a test's own type left out of the product's documentation. */
    public ConnectionTypes without(String name) {
        return of(types.values().stream().filter(type -> !type.name().equals(name)).toList());
    }

    public Collection<ConnectionType> all() {
        return types.values();
    }

    public Optional<ConnectionType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The type called {@code name}; a ConfigurationException that lists the known ones when there is none. */
    public ConnectionType named(String name) {
        return find(name).orElseThrow(() -> new ConfigurationException("CONFIG_UNKNOWN_CONNECTION_TYPE", "'" + name
                + "' is not a connection type", Suggestions.closest(name, types.keySet())
                .map(near -> "did you mean " + near + "?").orElse("write one of " + String.join(", ",
                        types.keySet()))));
    }

    /** The names of the types that open a client of {@code kind}, joined for a message: "netsuite". */
    public String offering(Class<?> kind) {
        return String.join(" or ", types.values().stream().filter(type -> type.clients().contains(kind))
                .map(ConnectionType::name).toList());
    }

    /** The names of the types that pipelines may use as {@code role}, joined for a message: "duckdb or postgres". */
    public String withRole(ConnectionRole role) {
        return String.join(" or ", types.values().stream().filter(type -> type.roles().contains(role))
                .map(ConnectionType::name).toList());
    }

    /** The registry the config loader checks connections against; flows register their own types beside them. */
    public ComponentRegistry.Builder registry() {
        ComponentRegistry.Builder registry = ComponentRegistry.builder();
        types.values().forEach(type -> registry.connection(type.name(), type.description(), type.definition(),
                type.roles()));
        return registry;
    }
}
