package dev.nsbridge.flows.contact;

import java.util.Objects;
import java.util.Optional;

/** A value that passed a check, or the reason it did not, in words a person can act on. */
public record Checked<T>(Optional<T> value, Optional<String> problem) {
    public Checked {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
        if (value.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("exactly one of value and problem");
        }
    }

    public static <T> Checked<T> ok(T value) {
        return new Checked<>(Optional.of(value), Optional.empty());
    }

    public static <T> Checked<T> refused(String problem) {
        return new Checked<>(Optional.empty(), Optional.of(problem));
    }

    public boolean isOk() {
        return value.isPresent();
    }
}
