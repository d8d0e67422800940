package dev.nsbridge.flows.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One Klaviyo event a flow will send. {@code uniqueId} comes from NetSuite ids, so a rerun sends the same id and
 * Klaviyo records it once; {@code backfill} marks history that must not trigger Klaviyo's flows.
 */
public record Event(String metric, Order.CustomerRef profile, Instant time, BigDecimal value, String currency,
                    String uniqueId, Map<String, Object> properties, boolean backfill) {
    public Event {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(uniqueId, "uniqueId");
        properties = Map.copyOf(properties);
    }
}
