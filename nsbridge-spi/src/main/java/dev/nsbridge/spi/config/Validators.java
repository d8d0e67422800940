package dev.nsbridge.spi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** An absolute {@code http} or {@code https} URL with a host, e.g. {@code https://a.klaviyo.com}. */
    public static Validator<String> httpUrl() {
        return Validator.of("an http(s) URL", Validators::isHttpUrl, "is not an http(s) URL with a host",
                "write it as https://host[:port], e.g. https://a.klaviyo.com");
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return uri.getHost() != null && uri.getScheme() != null
                    && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A file path that, when relative, stays inside the folder of the configuration file: a relative path that
     * climbs out with {@code ..} is likely a mistake (or a file shared to write where it should not); an absolute
     * path says the place was meant.
     */
    public static Validator<String> insideConfigFolder() {
        return Validator.of("relative paths stay inside the config's folder", text -> {
            try {
                Path path = Path.of(text.strip());
                return !text.isBlank() && (path.isAbsolute() || !path.normalize().startsWith(".."));
            } catch (InvalidPathException e) {
                return false;
            }
        }, "leaves the folder of nsbridge.yaml (or is not a path)", "write a path inside that folder, or write"
                + " the absolute path if the file belongs elsewhere");
    }

    public static Validator<List<String>> nonEmptyList() {
        return Validator.of("at least one item", value -> !value.isEmpty(), "is an empty list",
                "give at least one item or remove the key");
    }
}
