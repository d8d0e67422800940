package dev.nsbridge.engine.schedule;

import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.config.Validator;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * Time zone names as a schedule's {@code timezone} key takes them: IANA names such as {@code Europe/Berlin} or
 * {@code America/New_York}, and {@code UTC}. Fixed offsets such as {@code +02:00} are refused because they do not
 * follow a place's clock changes, which is the reason to name a zone at all.
 */
public final class TimeZones {
    public static final String UTC = "UTC";

    private TimeZones() {
    }

    /** The zone, or empty when the name is not one the JDK's time zone database knows. */
    public static Optional<ZoneId> parse(String name) {
        String trimmed = name.trim();
        if (trimmed.equals(UTC)) {
            return Optional.of(ZoneOffset.UTC);
        }
        return ZoneId.getAvailableZoneIds().contains(trimmed) ? Optional.of(ZoneId.of(trimmed)) : Optional.empty();
    }

    /** The check a {@code timezone} key applies, suggesting the nearest name for a misspelt one. */
    public static Validator<String> validator() {
        return new Validator<>() {
            @Override
            public Optional<Invalid> check(String value) {
                if (parse(value).isPresent()) {
                    return Optional.empty();
                }
                Set<String> known = ZoneId.getAvailableZoneIds();
                return Optional.of(new Invalid("is not an IANA time zone name",
                        Suggestions.closest(value.trim(), known).map(near -> "did you mean " + near + "?")
                                .orElse("write a name such as Europe/Berlin, America/New_York or UTC")));
            }

            @Override
            public String description() {
                return "IANA time zone name";
            }
        };
    }
}
