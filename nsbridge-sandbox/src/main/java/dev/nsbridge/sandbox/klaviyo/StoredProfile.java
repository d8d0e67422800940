package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A profile's mutable state inside the store; only the store's lock holder touches it. */
final class StoredProfile {
    final String id;
    final Instant created;
    Instant updated;
    /** The latest event's time, which the profile reports as {@code last_event_date}. */
    Instant lastEventDate;
    final Map<String, Object> attributes = new LinkedHashMap<>();
    final List<KlaviyoSuppression> suppressions = new ArrayList<>();
    /** Unsubscribes from one list, which leave the profile's global consent as it is. */
    final List<ListSuppression> listSuppressions = new ArrayList<>();
    final Consent email = new Consent();
    final Consent sms = new Consent();

    /** One channel's marketing consent as the profile's {@code subscriptions} attribute reports it. */
    static final class Consent {
        String consent = "NEVER_SUBSCRIBED";
        Instant timestamp;
        Instant lastUpdated;
        String method;
    }

    /** An email marketing suppression that applies to one list only. */
    record ListSuppression(String listId, SuppressionReason reason, Instant timestamp) {
    }

    StoredProfile(String id, Instant created) {
        this.id = id;
        this.created = created;
        this.updated = created;
    }

    String text(String attribute) {
        Object value = attributes.get(attribute);
        return value instanceof String text ? text : null;
    }

    /** The latest suppression's time: what {@code subscriptions.email.marketing.suppression.timestamp} filters on. */
    Instant suppressedAt() {
        return suppressions.stream().map(KlaviyoSuppression::timestamp).max(Instant::compareTo).orElse(null);
    }

    KlaviyoProfile view() {
        return new KlaviyoProfile(id, created, updated, deepCopy(attributes));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(key,
                value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : value));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
