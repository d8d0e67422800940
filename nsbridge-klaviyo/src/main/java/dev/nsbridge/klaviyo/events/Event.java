package dev.nsbridge.klaviyo.events;

import dev.nsbridge.klaviyo.profiles.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event such as {@code Placed Order}.
 *
 * @param metricName    {@code metric.data.attributes.name}, under 128 characters
 * @param profile       who did it; its attributes are also written to the profile
 * @param properties    up to 400 properties; only top-level ones can be segmented on
 * @param time          when it happened; {@code null} for "when Klaviyo receives it"
 * @param value         monetary value, e.g. the order total; may be {@code null}
 * @param valueCurrency ISO 4217, e.g. {@code USD}; may be {@code null}
 * @param uniqueId      makes the event idempotent per profile and metric; without one Klaviyo keys it by the second
 * @param backfill      record it without triggering flows: history must not email customers about old orders
 */
public record Event(String metricName, Profile profile, Map<String, Object> properties, Instant time,
                    BigDecimal value, String valueCurrency, String uniqueId, boolean backfill) {
    public Event {
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(profile, "profile");
        if (metricName.isBlank() || metricName.length() >= 128) {
            throw new IllegalArgumentException("a metric name must be 1 to 127 characters");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (properties.size() > 400) {
            throw new IllegalArgumentException("an event holds at most 400 properties, not " + properties.size());
        }
    }
}
