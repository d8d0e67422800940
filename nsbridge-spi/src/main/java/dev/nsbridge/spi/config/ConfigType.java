package dev.nsbridge.spi.config;

import java.util.Locale;

/** The kinds of value a configuration key takes; each names how a value is written in {@code nsbridge.yaml}. */
public enum ConfigType {
    /** Text. */
    STRING("text"),
    /** A whole number that fits in 32 bits. */
    INT("whole number"),
    /** A whole number that fits in 64 bits. */
    LONG("whole number"),
    /** A decimal number. */
    DOUBLE("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A length of time with a unit: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}. */
    DURATION("duration such as 10m"),
    /** One of a fixed set of lower-case words. */
    ENUM("one of a fixed set"),
    /** A list of text values, as a YAML list or a comma-separated line. */
    LIST("list"),
    /** A credential; never printed. Best written as an environment reference such as {@code ${NS_TOKEN_SECRET}}. */
    SECRET("secret"),
    /** Text keys to text values. */
    MAP("map of text to text");

    private final String description;

    ConfigType(String description) {
        this.description = description;
    }

    /** How a person would call a value of this type, e.g. {@code whole number}. */
    public String description() {
        return description;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
