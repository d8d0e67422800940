package dev.nsbridge.kafka.connect.config;

import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * A connection type's keys (as {@code nsbridge.yaml} declares them) under a prefix in a connector's configuration:
 * {@code private_key_file} of the NetSuite connection becomes {@code netsuite.private.key.file}. Each key keeps its
 * documentation, default and validator, so a connector accepts exactly what the command line accepts; secrets
 * become {@link Type#PASSWORD}, which Connect never shows and which config providers can fill.
 */
public final class ConnectionKeys {
    private final String prefix;
    private final ConfigDef definition;

    public ConnectionKeys(String prefix, ConfigDef definition) {
        this.prefix = prefix;
        this.definition = definition;
    }

    /** The connector's name of a connection key. */
    public String connectName(ConfigKey<?> key) {
        return prefix + key.name().replace('_', '.');
    }

    /** Declares every connection key in {@code into}, in the group {@code group}. */
    public org.apache.kafka.common.config.ConfigDef defineIn(org.apache.kafka.common.config.ConfigDef into,
                                                             String group) {
        int order = 0;
        for (ConfigKey<?> key : definition.keys()) {
            Object defaultValue = key.isRequired() ? org.apache.kafka.common.config.ConfigDef.NO_DEFAULT_VALUE
                    : key.defaultText().map(text -> connectDefault(key, text)).orElse(null);
            into.define(connectName(key), connectType(key), defaultValue, validator(key),
                    key.isRequired() ? Importance.HIGH : Importance.MEDIUM, key.documentation(), group, ++order,
                    org.apache.kafka.common.config.ConfigDef.Width.LONG, connectName(key));
        }
        return into;
    }

    /**
     * The connection's keys, parsed by the connection type's own definition from a connector's parsed values:
     * the same checks and conversions the command line applies. Problems name the connector's keys.
     */
    public ConfigDef.Result parse(Map<String, ?> connectValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ConfigKey<?> key : definition.keys()) {
            Object value = connectValues.get(connectName(key));
            if (value != null) {
                raw.put(key.name(), plain(value));
            }
        }
        return definition.parse(raw);
    }

    /** The values, or a {@link ConfigException} naming the first problem by its connector key. */
    public ConfigValues values(Map<String, ?> connectValues) {
        ConfigDef.Result result = parse(connectValues);
        if (!result.isValid()) {
            throw new ConfigException(describe(result.problems().get(0)));
        }
        return result.values();
    }

    /**
     * A problem in the connector's words: its key, what is wrong and the fix, e.g. {@code netsuite.token.id is
     * required with auth: tba; fix: set netsuite.token.id (TBA: the access token's id.)}. Never the value.
     */
    public String describe(ConfigProblem problem) {
        String key = connectKey(problem.key());
        String fix = problem.kind() == ConfigProblem.Kind.MISSING
                ? "set " + key + definition.key(problem.key()).map(k -> " (" + k.documentation() + ")").orElse("")
                : problem.fix();
        String message = problem.kind() == ConfigProblem.Kind.INVALID ? "has a value that " + problem.message()
                : problem.message();
        return key + " " + message + "; fix: " + fix;
    }

    /** The connector's key for a connection key's name, e.g. for a problem that names it. */
    public String connectKey(String connectionKey) {
        return definition.key(connectionKey).map(this::connectName).orElse(prefix + connectionKey);
    }

    private static Type connectType(ConfigKey<?> key) {
        return switch (key.type()) {
            case INT -> Type.INT;
            case LONG -> Type.LONG;
            case DOUBLE -> Type.DOUBLE;
            case BOOLEAN -> Type.BOOLEAN;
            case LIST -> Type.LIST;
            case SECRET -> Type.PASSWORD;
            case STRING, DURATION, ENUM, MAP -> Type.STRING;
        };
    }

    private static Object connectDefault(ConfigKey<?> key, String text) {
        return key.type() == dev.nsbridge.spi.config.ConfigType.LIST ? List.of(text.split(",\\s*")) : text;
    }

    /**
     * Connect's check of one value: the allowed words of an enumeration, else the connection key's own validator,
     * run through the connection type's definition so the message and its fix are the ones the command line gives.
     */
    private static org.apache.kafka.common.config.ConfigDef.Validator validator(ConfigKey<?> key) {
        if (!key.allowedValues().isEmpty()) {
            return ValidString.in(key.allowedValues().toArray(String[]::new));
        }
        if (key.validator().isEmpty()) {
            return null;
        }
        ConfigDef single = ConfigDef.of(key);
        return (name, value) -> {
            if (value == null) {
                return;
            }
            Optional<ConfigProblem> problem = single.parse(Map.of(key.name(), plain(value))).problems().stream()
                    .findFirst();
            if (problem.isPresent()) {
                // Password prints as [hidden], so a secret's value never reaches the message.
                throw new ConfigException(name, value, problem.get().message() + "; fix: " + problem.get().fix());
            }
        };
    }

    private static Object plain(Object value) {
        return value instanceof Password password ? password.value() : value;
    }

    @Override
    public String toString() {
        return "ConnectionKeys[" + prefix + "* of " + String.join(", ", definition.names()).toLowerCase(Locale.ROOT)
                + "]";
    }
}
