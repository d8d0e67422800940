package dev.nsbridge.engine.config;

import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry under {@code connections:}: a system and its credentials. {@code type} picks the registered
 * connection type whose {@link dev.nsbridge.spi.config.ConfigDef} checks the other keys.
 *
 * @param name           the entry's name, which extracts and flows refer to
 * @param type           the connection type
 * @param values         the type's keys, parsed; secrets as {@link dev.nsbridge.spi.secret.Secret}
 * @param unsetVariables the environment variables the entry refers to that were not set, when the load let
 *                       credentials come later ({@link LoadOptions#credentialsLater()}); the keys they feed are
 *                       then absent from {@code values}, so the connection cannot be opened
 */
public record ConnectionConfig(String name, String type, ConfigValues values, List<String> unsetVariables) {
    /** The one key every connection has. */
    public static final ConfigKey<String> TYPE = ConfigKey.string("type",
            "The system this connection reaches; one of the registered connection types.").required();

    public ConnectionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
        unsetVariables = List.copyOf(unsetVariables);
    }

    /** A connection whose every key was given. */
    public ConnectionConfig(String name, String type, ConfigValues values) {
        this(name, type, values, List.of());
    }

    /** Whether every environment variable the entry refers to was set, so it can be opened. */
    public boolean hasCredentials() {
        return unsetVariables.isEmpty();
    }

    /**
     * This connection, to be opened; a ConfigurationException naming the unset variables when it lacks them.
     * Reading local state never gets here, only sending and reading the systems themselves.
     */
    public ConnectionConfig requireCredentials() {
        if (hasCredentials()) {
            return this;
        }
        throw new ConfigurationException("CONFIG_CREDENTIALS_UNSET", "connection '" + name + "' needs environment"
                + " variable" + (unsetVariables.size() == 1 ? " " : "s ") + String.join(", ", unsetVariables)
                + ", which " + (unsetVariables.size() == 1 ? "is" : "are") + " not set",
                "set " + (unsetVariables.size() == 1 ? "it" : "them") + " before nsbridge reaches " + name + ", e.g. "
                        + unsetVariables.stream().map(variable -> "export " + variable + "=...")
                        .collect(Collectors.joining("; ")));
    }
}
