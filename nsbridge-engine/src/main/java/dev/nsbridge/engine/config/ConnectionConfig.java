package dev.nsbridge.engine.config;

import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigValues;
import java.util.Objects;

/**
 * One entry under {@code connections:}: a system and its credentials. {@code type} picks the registered
 * connection type whose {@link dev.nsbridge.spi.config.ConfigDef} checks the other keys.
 *
 * @param name   the entry's name, which extracts and flows refer to
 * @param type   the connection type
 * @param values the type's keys, parsed; secrets as {@link dev.nsbridge.spi.secret.Secret}
 */
public record ConnectionConfig(String name, String type, ConfigValues values) {
    /** The one key every connection has. */
    public static final ConfigKey<String> TYPE = ConfigKey.string("type",
            "The system this connection reaches; one of the registered connection types.").required();

    public ConnectionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
    }
}
