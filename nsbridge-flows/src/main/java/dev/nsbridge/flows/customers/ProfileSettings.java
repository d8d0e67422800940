package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.contact.InvalidContactFields;
import java.util.Map;
import java.util.Objects;

/**
 * The customer flow's mapping settings.
 *
 * @param defaultRegion        ISO 3166 alpha-2 country used to read phones written without a country code
 * @param propertyMapping      NetSuite column → Klaviyo custom property name, for custom fields and overrides
 * @param subscribeSms         whether an opt-in with a valid phone is also subscribed to SMS
 * @param invalidContactFields whether an invalid email or phone is left out (with a warning) or refuses the record
 */
public record ProfileSettings(String defaultRegion, Map<String, String> propertyMapping, boolean subscribeSms,
                              InvalidContactFields invalidContactFields) {
    public ProfileSettings {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!defaultRegion.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("default_region must be a two-letter country code such as US, not '"
                    + defaultRegion + "'");
        }
        propertyMapping = Map.copyOf(propertyMapping);
        Objects.requireNonNull(invalidContactFields, "invalidContactFields");
    }

    /** With the default for invalid contact fields: left out, with a warning. */
    public ProfileSettings(String defaultRegion, Map<String, String> propertyMapping, boolean subscribeSms) {
        this(defaultRegion, propertyMapping, subscribeSms, InvalidContactFields.DROP);
    }
}
