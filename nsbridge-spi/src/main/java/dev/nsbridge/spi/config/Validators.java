package dev.nsbridge.spi.config;

import java.util.List;
import java.util.regex.Pattern;

/** The validators most keys need. */
public final class Validators {
    private Validators() {
    }

    public static Validator<Integer> atLeast(int minimum) {
        return Validator.of("at least " + minimum, value -> value >= minimum,
                "is below the minimum " + minimum, "use " + minimum + " or more");
    }

    public static Validator<Long> atLeast(long minimum) {
        return Validator.of("at least " + minimum, value -> value >= minimum,
                "is below the minimum " + minimum, "use " + minimum + " or more");
    }

    public static Validator<Integer> between(int minimum, int maximum) {
        return Validator.of("from " + minimum + " to " + maximum, value -> value >= minimum && value <= maximum,
                "is outside " + minimum + " to " + maximum, "use a number from " + minimum + " to " + maximum);
    }

    public static Validator<String> nonBlank() {
        return Validator.of("not blank", value -> !value.isBlank(), "is blank", "write a value or remove the key");
    }

    /** Text that matches {@code regex} whole; {@code shape} says in words what that looks like. */
    public static Validator<String> matches(String regex, String shape) {
        Pattern pattern = Pattern.compile(regex);
        return Validator.of(shape, value -> pattern.matcher(value).matches(),
                "is not " + shape, "write " + shape);
    }

    public static Validator<List<String>> nonEmptyList() {
        return Validator.of("at least one item", value -> !value.isEmpty(), "is an empty list",
                "give at least one item or remove the key");
    }
}
