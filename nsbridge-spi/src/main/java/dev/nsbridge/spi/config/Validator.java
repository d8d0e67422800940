package dev.nsbridge.spi.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A check on one parsed value, beyond its type. {@link #description()} goes into the printed documentation.
 *
 * @param <T> the type of the value checked
 */
public interface Validator<T> {

    /** Empty when the value is fine; otherwise what is wrong and how to fix it. */
    Optional<Invalid> check(T value);

    /** The rule in a few words, e.g. {@code at least 1}. */
    String description();

    /**
     * Why a value was refused. The message reads after the value and never repeats it.
     *
     * @param message e.g. {@code is below the minimum 1}
     * @param fix     e.g. {@code use 1 or more}
     */
    record Invalid(String message, String fix) {
        public Invalid {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fix, "fix");
        }
    }

    /** A validator from a predicate: when {@code valid} fails, the value "{@code message}" and the fix is given. */
    static <T> Validator<T> of(String description, Predicate<? super T> valid, String message, String fix) {
        Objects.requireNonNull(valid, "valid");
        Invalid invalid = new Invalid(message, fix);
        return new Validator<>() {
            @Override
            public Optional<Invalid> check(T value) {
                return valid.test(value) ? Optional.empty() : Optional.of(invalid);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
