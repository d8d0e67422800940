package dev.nsbridge.spi.config;

import java.util.Objects;

/**
 * One thing wrong with a component's configuration. It never quotes the value: whoever knows where the value
 * came from (the file, the environment) and whether it is a secret decides whether to show it.
 *
 * @param key     the key, relative to the component, e.g. {@code load_method}
 * @param kind    missing, unknown or an invalid value
 * @param message what is wrong; for {@link Kind#INVALID} it reads after the value ("is not a whole number")
 * @param fix     what to change, for a person
 */
public record ConfigProblem(String key, Kind kind, String message, String fix) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** What sort of problem, which also says where it points: at the parent, at the key or at the value. */
    public enum Kind {
        /** A required key is absent. */
        MISSING,
        /** A key nobody declared, usually a misspelling. */
        UNKNOWN,
        /** The value does not have the key's type or fails its validator. */
        INVALID
    }

    /** A line without the value: {@code load_method: the value is not one of ...; fix: ...}. */
    public String describe() {
        String what = kind == Kind.INVALID ? "the value " + message : message;
        return key + ": " + what + " (fix: " + fix + ")";
    }
}
