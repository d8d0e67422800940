package dev.nsbridge.spi.config;

import dev.nsbridge.spi.config.Conversions.BadValue;
import dev.nsbridge.spi.config.Conversions.Converter;
import dev.nsbridge.spi.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key, declared once with its type, default, validator and documentation side by side.
 * Immutable: {@link #withDefault}, {@link #required()} and {@link #validatedBy} return a new key.
 *
 * <pre>{@code
 * static final ConfigKey<Duration> LOOKBACK = ConfigKey.duration("lookback",
 *         "How far before the watermark an incremental read starts again.").withDefault(Duration.ofMinutes(10));
 * }</pre>
 *
 * @param <T> the Java type of the parsed value
 */
public final class ConfigKey<T> {
    private final String name;
    private final ConfigType type;
    private final String documentation;
    private final Converter<T> converter;
    private final T defaultValue;
    private final boolean required;
    private final Validator<? super T> validator;
    private final List<String> allowedValues;

    private ConfigKey(String name, ConfigType type, String documentation, Converter<T> converter, T defaultValue,
                      boolean required, Validator<? super T> validator, List<String> allowedValues) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.documentation = Objects.requireNonNull(documentation, "documentation");
        this.converter = converter;
        this.defaultValue = defaultValue;
        this.required = required;
        this.validator = validator;
        this.allowedValues = List.copyOf(allowedValues);
    }

    private static <T> ConfigKey<T> of(String name, ConfigType type, String documentation, Converter<T> converter) {
        return new ConfigKey<>(name, type, documentation, converter, null, false, null, List.of());
    }

    public static ConfigKey<String> string(String name, String documentation) {
        return of(name, ConfigType.STRING, documentation, Conversions::text);
    }

    public static ConfigKey<Integer> integer(String name, String documentation) {
        return of(name, ConfigType.INT, documentation,
                raw -> (int) Conversions.whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    public static ConfigKey<Long> longInteger(String name, String documentation) {
        return of(name, ConfigType.LONG, documentation, raw -> Conversions.whole(raw, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    public static ConfigKey<Double> decimal(String name, String documentation) {
        return of(name, ConfigType.DOUBLE, documentation, Conversions::decimal);
    }

    public static ConfigKey<Boolean> bool(String name, String documentation) {
        return of(name, ConfigType.BOOLEAN, documentation, Conversions::bool);
    }

    public static ConfigKey<Duration> duration(String name, String documentation) {
        return of(name, ConfigType.DURATION, documentation, Conversions::duration);
    }

    /** An enum key; its values are written as the constants' names in lower case, e.g. {@code drop_create_load}. */
    public static <E extends Enum<E>> ConfigKey<E> enumeration(String name, Class<E> type, String documentation) {
        return new ConfigKey<>(name, ConfigType.ENUM, documentation, raw -> Conversions.enumeration(raw, type), null,
                false, null, Conversions.wireNames(type));
    }

    public static ConfigKey<List<String>> list(String name, String documentation) {
        return of(name, ConfigType.LIST, documentation, Conversions::list);
    }

    public static ConfigKey<Secret> secret(String name, String documentation) {
        return of(name, ConfigType.SECRET, documentation, Conversions::secret);
    }

    public static ConfigKey<Map<String, String>> map(String name, String documentation) {
        return of(name, ConfigType.MAP, documentation, Conversions::map);
    }

    /** The same key with a default, used when the key is absent; a key with a default is never required. */
    public ConfigKey<T> withDefault(T value) {
        if (type == ConfigType.SECRET) {
            throw new IllegalArgumentException("secret key " + name + " cannot have a default");
        }
        return new ConfigKey<>(name, type, documentation, converter, Objects.requireNonNull(value, "value"), false,
                validator, allowedValues);
    }

    /** The same key, which must now be present. */
    public ConfigKey<T> required() {
        return new ConfigKey<>(name, type, documentation, converter, null, true, validator, allowedValues);
    }

    public ConfigKey<T> validatedBy(Validator<? super T> check) {
        return new ConfigKey<>(name, type, documentation, converter, defaultValue, required,
                Objects.requireNonNull(check, "check"), allowedValues);
    }

    public String name() {
        return name;
    }

    public ConfigType type() {
        return type;
    }

    public String documentation() {
        return documentation;
    }

    public boolean isRequired() {
        return required;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default as it would be written in the file ({@code 10m}, {@code merge}), for documentation. */
    public Optional<String> defaultText() {
        return defaultValue().map(ConfigKey::wireText);
    }

    public Optional<Validator<? super T>> validator() {
        return Optional.ofNullable(validator);
    }

    /** For an enum key, the values it accepts, as written in the file; empty otherwise. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** Whether its value must never be shown: in messages, logs or documentation. */
    public boolean isSecret() {
        return type == ConfigType.SECRET;
    }

    T convert(Object raw) throws BadValue {
        return converter.convert(raw);
    }

    private static String wireText(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof Enum<?> constant) {
            return Conversions.wireName(constant);
        }
        if (value instanceof List<?> items) {
            return items.isEmpty() ? "[]" : String.join(", ", items.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> entries && entries.isEmpty()) {
            return "{}";
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "ConfigKey[" + name + ": " + type.wireName() + "]";
    }
}
