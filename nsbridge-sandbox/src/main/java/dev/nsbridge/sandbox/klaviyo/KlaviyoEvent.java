package dev.nsbridge.sandbox.klaviyo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A recorded event. {@code uniqueId} is null when the client sent none (Klaviyo then keys the event by its second).
 * {@code backfill} events are recorded without triggering flows.
 */
public record KlaviyoEvent(String id, String profileId, String metricName, Instant time, BigDecimal value,
                           String valueCurrency, String uniqueId, boolean backfill, Map<String, Object> properties) {
}
