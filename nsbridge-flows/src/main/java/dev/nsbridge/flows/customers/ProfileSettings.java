package dev.nsbridge.flows.customers;

import java.util.Map;
import java.util.Objects;

/**
 * The customer flow's mapping settings.
 *
 * @param defaultRegion   ISO 3166 alpha-2 country used to read phones written without a country code
 * @param propertyMapping NetSuite column → Klaviyo custom property name, for custom fields and overrides
 * @param subscribeSms    whether an opt-in with a valid phone is also subscribed to SMS
 */
public record ProfileSettings(String defaultRegion, Map<String, String> propertyMapping, boolean subscribeSms) {
    public ProfileSettings {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!defaultRegion.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("default_region must be a two-letter country code such as US, not '"
                    + defaultRegion + "'");
        }
        propertyMapping = Map.copyOf(propertyMapping);
    }
}
