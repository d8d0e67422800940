package dev.nsbridge.netsuite.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code Retry-After} (seconds or an HTTP date). Oracle does not document whether NetSuite sends it; when it
 * does, its wait beats our own guess.
 */
public final class RetryAfter {
    private static final Duration LONGEST = Duration.ofMinutes(15);
    private final Clock clock;

    public RetryAfter(Clock clock) {
        this.clock = clock;
    }

    public Optional<Duration> parse(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(String::strip).flatMap(this::parse);
    }

    Optional<Duration> parse(String value) {
        Duration wait;
        if (value.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        // A date in the past means "now"; an absurd wait is capped so a bad header cannot stall a run for hours.
        return Optional.of(wait.isNegative() ? Duration.ZERO : (wait.compareTo(LONGEST) > 0 ? LONGEST : wait));
    }
}
