package dev.nsbridge.flows.customers;

import dev.nsbridge.klaviyo.profiles.Location;
import dev.nsbridge.klaviyo.profiles.Profile;
import java.util.Map;

/** {@link CustomerProfiles}' attribute map as the Klaviyo client's {@link Profile}. */
final class ProfileAttributes {
    private ProfileAttributes() {
    }

    @SuppressWarnings("unchecked")
    static Profile profile(Map<String, Object> attributes) {
        Map<String, Object> location = (Map<String, Object>) attributes.get("location");
        Map<String, Object> properties = (Map<String, Object>) attributes.get("properties");
        return new Profile(null, text(attributes, "email"), text(attributes, "phone_number"),
                text(attributes, "external_id"), text(attributes, "first_name"), text(attributes, "last_name"),
                text(attributes, "organization"), null, null,
                location == null ? null : new Location(text(location, "address1"), text(location, "address2"),
                        text(location, "city"), text(location, "region"), text(location, "zip"),
                        text(location, "country"), null, null, null),
                properties == null ? Map.of() : properties);
    }

    private static String text(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }
}
