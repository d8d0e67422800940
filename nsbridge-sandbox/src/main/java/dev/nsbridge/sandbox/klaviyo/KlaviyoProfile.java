package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.Map;

/**
 * A profile as stored: its attributes under their wire names ({@code email}, {@code phone_number},
 * {@code location}, {@code properties}…); a cleared field is absent.
 */
public record KlaviyoProfile(String id, Instant created, Instant updated, Map<String, Object> attributes) {
    public String email() {
        return (String) attributes.get("email");
    }

    public String phoneNumber() {
        return (String) attributes.get("phone_number");
    }

    public String externalId() {
        return (String) attributes.get("external_id");
    }

    public String firstName() {
        return (String) attributes.get("first_name");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties() {
        return (Map<String, Object>) attributes.getOrDefault("properties", Map.of());
    }
}
